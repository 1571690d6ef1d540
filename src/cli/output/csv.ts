import { stringify } from 'csv-stringify/sync'

/**
 * A CSV document (RFC 4180, CRLF) whose cells cannot run as formulas. Every CSV regdesk writes
 * goes through here: a subject or agent name "=HYPERLINK(…)" opened in a spreadsheet would
 * otherwise be a live formula (OWASP "CSV injection").
 */
export function csvDocument(rows: readonly Record<string, unknown>[], columns: readonly string[]): string {
  return stringify(
    rows.map((r) => Object.fromEntries(columns.map((c) => [c, neutralised(r[c])]))),
    { header: true, columns: [...columns], record_delimiter: 'windows' },
  )
}

/**
 * A cell that starts as a formula (=, +, -, @) or with a tab or CR, prefixed with "'": a
 * spreadsheet shows it as text. Numbers are left alone: -5 is a number, not a formula.
 */
export function neutralised(value: unknown): unknown {
  if (typeof value !== 'string') return value
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value
}
