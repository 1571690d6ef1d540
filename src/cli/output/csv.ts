import { stringify } from 'csv-stringify/sync'
import { guardFormula } from '../../data/formula-guard.js'

/**
 * A CSV document (RFC 4180, CRLF) whose cells cannot run as formulas. Every CSV regdesk writes
 * goes through here: a subject or agent name "=HYPERLINK(…)" opened in a spreadsheet would
 * otherwise be a live formula (data/formula-guard.ts). A cell with a line break of any kind is quoted: a bare LF
 * or CR left unquoted would end the record for many readers.
 */
export function csvDocument(rows: readonly Record<string, unknown>[], columns: readonly string[]): string {
  return stringify(
    rows.map((r) => Object.fromEntries(columns.map((c) => [c, guardFormula(r[c])]))),
    { header: true, columns: [...columns], record_delimiter: 'windows', quoted_match: /[\r\n]/ },
  )
}
