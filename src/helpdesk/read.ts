import { RegdeskError } from '../errors.js'
import { csvRows } from './csv-rows.js'
import { genericRecord } from './generic.js'
import { type JsonItem, jsonItems, jsonLines, utf8JsonLines } from './json-items.js'
import { okdeskRecord } from './okdesk.js'
import { FieldError, type ImportRecord, type RowProblem, type TimeReader } from './record.js'
import { decodeImportText, fileLines, type ImportFile } from './text-file.js'
import { usedeskRecord } from './usedesk.js'

export const IMPORT_FORMATS = ['jsonl', 'csv', 'okdesk', 'usedesk'] as const
export type ImportFormat = (typeof IMPORT_FORMATS)[number]

/** A row of an import file read: its record, or why it cannot be imported; `line` is where it starts. */
export type ImportRow = { line: number; record: ImportRecord } | { line: number; problem: RowProblem }

/** The rows of an import file: how many there are, and the rows, in file order (read as they are taken). */
export interface ImportRows {
  count: number
  rows: Iterable<ImportRow>
}

/**
 * The rows of an import file in one of the formats (docs/IMPORT.md). A bad row is a problem with its line and
 * field; the others are read. Times without an offset are read by `times` (in its zone, counted) as the rows are.
 * JSON Lines in UTF-8 are read a row at a time as `rows` is iterated (a file of 100,000 rows is never all records
 * at once, nor all bytes); the other formats are read whole first.
 * @throws RegdeskError when the file as a whole cannot be read (not CSV, not JSON, an unknown CSV column)
 */
export function importRows(file: ImportFile, format: ImportFormat, times: TimeReader): ImportRows {
  if (format === 'jsonl') checkNotCsv(file)
  const lines = format === 'jsonl' ? utf8JsonLines(file) : undefined
  if (lines) return { count: lines.count, rows: genericRows(lines.items, times) }
  const rows = wholeFileRows(file.whole(), format, times)
  return { count: rows.length, rows }
}

/**
 * A CSV export given as JSON Lines: its first line, a header naming the generic columns (external_id is required), is
 * said once, rather than every row as "not JSON".
 * @throws RegdeskError
 */
function checkNotCsv(file: ImportFile): void {
  for (const line of fileLines(file)) {
    const text = line.toString('latin1').trim()
    if (!text) continue
    if (!/^[{[]/.test(text) && /(?:^|[;,\t"])external_id(?:[;,\t"]|$)/.test(text))
      throw new RegdeskError(
        'the file is CSV, not JSON Lines (its first line is a header of columns): import it with --from csv',
      )
    return
  }
}

function* genericRows(items: Iterable<JsonItem>, times: TimeReader): Generator<ImportRow> {
  for (const item of items) {
    if ('error' in item) yield { line: item.line, problem: { line: item.line, field: null, message: item.error } }
    else yield genericRow(item.line, item.value as Record<string, unknown>, times)
  }
}

/** readRow of a generic record, without a function made per row. */
function genericRow(line: number, value: Record<string, unknown>, times: TimeReader): ImportRow {
  try {
    return { line, record: genericRecord(value, times, 'jsonl') }
  } catch (e) {
    if (!(e instanceof FieldError)) throw e
    return { line, problem: { line, field: e.field, message: e.message } }
  }
}

/** A row of a JSON format: its record made by `make`, or why the item cannot be one. */
function jsonRow(item: JsonItem, make: (value: Record<string, unknown>) => ImportRecord): ImportRow {
  if ('error' in item) return { line: item.line, problem: { line: item.line, field: null, message: item.error } }
  return readRow(item.line, () => make(item.value as Record<string, unknown>))
}

function readRow(line: number, make: () => ImportRecord): ImportRow {
  try {
    return { line, record: make() }
  } catch (e) {
    if (!(e instanceof FieldError)) throw e
    return { line, problem: { line, field: e.field, message: e.message } }
  }
}

function wholeFileRows(bytes: Uint8Array, format: ImportFormat, times: TimeReader): ImportRow[] {
  const { text } = decodeImportText(bytes)
  const rows: ImportRow[] = []
  const read = (line: number, make: () => ImportRecord) => rows.push(readRow(line, make))
  if (format === 'csv') {
    for (const row of csvRows(text)) {
      if ('problem' in row) rows.push(row)
      else read(row.line, () => genericRecord(row.cells, times, 'csv'))
    }
    return rows
  }
  const items = format === 'jsonl' ? jsonLines(text) : jsonItems(text)
  for (const item of items)
    rows.push(
      jsonRow(item, (value) =>
        format === 'jsonl'
          ? genericRecord(value, times, 'jsonl')
          : format === 'okdesk'
            ? okdeskRecord(value, times)
            : usedeskRecord(value),
      ),
    )
  return rows
}
