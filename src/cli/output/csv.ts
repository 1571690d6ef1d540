import { stringify } from 'csv-stringify/sync'
import { guardFormula } from '../../data/formula-guard.js'

/**
 * A CSV document (RFC 4180, CRLF) whose cells cannot run as formulas. Every CSV regdesk writes
 * goes through here: a subject or agent name "=HYPERLINK(…)" opened in a spreadsheet would
 * otherwise be a live formula (data/formula-guard.ts). A cell with a line break of any kind is quoted: a bare LF
 * or CR left unquoted would end the record for many readers.
 */
export function csvDocument(
  rows: readonly Record<string, unknown>[],
  columns: readonly string[],
  opts: { excel?: boolean } = {},
): string {
  const cell = opts.excel ? (v: unknown) => guardFormula(typeof v === 'number' ? excelNumber(v) : v) : guardFormula
  const text = stringify(
    rows.map((r) => Object.fromEntries(columns.map((c) => [c, cell(r[c])]))),
    {
      header: true,
      columns: [...columns],
      record_delimiter: 'windows',
      quoted_match: /[\r\n]/,
      ...(opts.excel ? { delimiter: ';' } : {}),
    },
  )
  return opts.excel ? `${EXCEL_BOM}${text}` : text
}

/**
 * What Excel in a Russian locale opens as columns and Cyrillic without an import dialog: semicolons between cells, a
 * UTF-8 byte-order mark, a decimal comma (`--excel`; `tickets import` reads it back).
 */
const EXCEL_BOM = '\ufeff'

function excelNumber(n: number): string {
  return Number.isInteger(n) ? String(n) : String(n).replace('.', ',')
}
