import { createRequire } from 'node:module'
import { unguardFormula } from '../data/formula-guard.js'
import { RegdeskError } from '../errors.js'
import { GENERIC_COLUMNS } from './generic.js'
import { FieldError, type RowProblem } from './record.js'

type CsvParseSync = typeof import('csv-parse/sync')

/** One data row of a CSV file: the line it starts on and its cells by column (or why it cannot be read). */
export type CsvRow = { line: number; cells: Record<string, string> } | { line: number; problem: RowProblem }

/**
 * The rows of a generic-format CSV file (docs/IMPORT.md): a header line naming the columns, `,` or `;` between cells
 * (whichever the header line has more of: Russian Excel writes `;`), quotes as RFC 4180 (one inside a cell not quoted
 * is a character of it), a formula guard undone
 * (data/formula-guard.ts). csv-parse is loaded here,
 * on first use (scripts/bundle.mjs keeps it out of the program's bundle), so no other command pays for it.
 * @throws RegdeskError when the file is not CSV at all (an unclosed quote) or its header names an unknown column
 */
export function csvRows(text: string): CsvRow[] {
  const firstLine = text.slice(0, text.search(/\r?\n|$/))
  const delimiter = count(firstLine, ';') > count(firstLine, ',') ? ';' : ','
  const { parse } = createRequire(import.meta.url)('csv-parse/sync') as CsvParseSync
  let records: { record: string[]; info: { bytes: number } }[]
  try {
    records = parse(text, {
      delimiter,
      info: true,
      relax_column_count: true,
      // a quote inside a cell that is not quoted (Ошибка "500") is a character of it, as a spreadsheet shows it
      relax_quotes: true,
      skip_empty_lines: true,
      bom: true,
    }) as unknown as typeof records
  } catch (e) {
    // an unclosed quote runs to the end of the file: the line it opens on is the one to look at
    const open = (e as { code?: string }).code === 'CSV_QUOTE_NOT_CLOSED' ? unclosedQuoteAt(text) : undefined
    // else where csv-parse stopped, by its byte count: its own line count takes a CRLF in a quoted cell for two lines
    const stopped = (e as { bytes?: number }).bytes
    const line =
      open !== undefined
        ? lineOf(text, open)
        : stopped !== undefined
          ? lineAtByte(Buffer.from(text, 'utf8'), stopped)
          : (e as { lines?: number }).lines
    throw new RegdeskError(`line ${line ?? '?'}: not CSV: ${csvReason(e)}`)
  }
  const header = records[0]?.record.map((h) => h.trim())
  if (!header) return []
  const known: ReadonlySet<string> = new Set(GENERIC_COLUMNS)
  for (const [i, column] of header.entries()) {
    if (!known.has(column)) throw new RegdeskError(`line 1: column "${column}" is not a field of the format`)
    if (header.indexOf(column) !== i) throw new RegdeskError(`line 1: the header has the column "${column}" twice`)
  }
  for (const required of ['external_id', 'created_at'])
    if (!header.includes(required)) throw new RegdeskError(`line 1: the header lacks the column "${required}"`)
  const rows: CsvRow[] = []
  // the line a row starts on, from where the previous row ended (csv-parse's byte count; its own line count takes a
  // CRLF inside a quoted cell for two lines), past the blank lines skipped since
  const bytes = Buffer.from(text, 'utf8')
  let at = 0
  let line = 1
  let end = records[0]?.info.bytes ?? 0
  for (const { record, info } of records.slice(1)) {
    while (end < bytes.length && (bytes[end] === 0x0a || bytes[end] === 0x0d)) end++
    for (; at < end; at++) if (bytes[at] === 0x0a) line++
    end = info.bytes
    if (record.length !== header.length) {
      const problem = new FieldError(null, `has ${record.length} cells, the header ${header.length}`)
      rows.push({ line, problem: { line, field: problem.field, message: problem.message } })
      continue
    }
    const cells: Record<string, string> = {}
    // a cell regdesk (or a spreadsheet-minded helpdesk) guarded against running as a formula reads as it was
    for (let i = 0; i < header.length; i++) cells[header[i] as string] = unguardFormula(record[i] as string)
    rows.push({ line, cells })
  }
  return rows
}

/** Where the quote that is never closed opens (RFC 4180: "" inside a quoted cell is a quote). */
function unclosedQuoteAt(text: string): number | undefined {
  let open: number | undefined
  for (let i = 0; i < text.length; i++) {
    if (text[i] !== '"') continue
    if (open === undefined) open = i
    else if (text[i + 1] === '"') i++
    else open = undefined
  }
  return open
}

/** The 1-based line of a byte offset in the text's UTF-8 bytes. */
function lineAtByte(bytes: Buffer, offset: number): number {
  let line = 1
  for (let i = 0; i < offset && i < bytes.length; i++) if (bytes[i] === 0x0a) line++
  return line
}

/** The 1-based line of a position in the text. */
function lineOf(text: string, position: number): number {
  let line = 1
  for (let i = 0; i < position; i++) if (text[i] === '\n') line++
  return line
}

function count(text: string, c: string): number {
  let n = 0
  for (const ch of text) if (ch === c) n++
  return n
}

/** csv-parse's reason without the text it quotes (a cell may hold anything). */
function csvReason(e: unknown): string {
  const code = (e as { code?: string }).code
  if (code === 'CSV_QUOTE_NOT_CLOSED') return 'a quote is not closed'
  if (code === 'CSV_INVALID_CLOSING_QUOTE') return 'a quote is closed in the middle of a cell'
  return code ? code.toLowerCase().replace(/^csv_/, '').replace(/_/g, ' ') : 'unreadable'
}
