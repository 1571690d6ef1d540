/**
 * The guard against CSV injection (OWASP): a cell that a spreadsheet would run as a formula (it starts with =, +, -,
 * @, a tab or a CR) is written with a leading "'", which the spreadsheet shows as text. The guard is undone on
 * reading, so a CSV regdesk wrote reads back as it was: a cell that already starts with quotes before such a
 * character gets one more quote, and reading takes exactly one off.
 */
const GUARDED = /^'*[=+\-@\t\r]/
const WRITTEN_GUARDED = /^'+[=+\-@\t\r]/

/** The cell as written into a CSV file. Numbers are left alone: -5 is a number, not a formula. */
export function guardFormula(value: unknown): unknown {
  if (typeof value !== 'string') return value
  return GUARDED.test(value) ? `'${value}` : value
}

/** The cell as read from a CSV file: guardFormula undone. */
export function unguardFormula(cell: string): string {
  return WRITTEN_GUARDED.test(cell) ? cell.slice(1) : cell
}
