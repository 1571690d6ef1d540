import { csvRows } from './csv-rows.js'
import { genericRecord } from './generic.js'
import { jsonItems, jsonLines } from './json-items.js'
import { okdeskRecord } from './okdesk.js'
import { FieldError, type ImportRecord, type RowProblem, type TimeReader } from './record.js'
import { decodeImportText } from './text-file.js'
import { usedeskRecord } from './usedesk.js'

export const IMPORT_FORMATS = ['jsonl', 'csv', 'okdesk', 'usedesk'] as const
export type ImportFormat = (typeof IMPORT_FORMATS)[number]

/** A row of an import file read: its record, or why it cannot be imported; `line` is where it starts. */
export type ImportRow = { line: number; record: ImportRecord } | { line: number; problem: RowProblem }

/**
 * The rows of an import file in one of the formats (docs/IMPORT.md). A bad row is a problem with its line and
 * field; the others are read. Times without an offset are read by `times` (in its zone, counted).
 * @throws RegdeskError when the file as a whole cannot be read (not CSV, not JSON, an unknown CSV column)
 */
export function importRows(bytes: Uint8Array, format: ImportFormat, times: TimeReader): ImportRow[] {
  const { text } = decodeImportText(bytes)
  const rows: ImportRow[] = []
  const read = (line: number, make: () => ImportRecord) => {
    try {
      rows.push({ line, record: make() })
    } catch (e) {
      if (!(e instanceof FieldError)) throw e
      rows.push({ line, problem: { line, field: e.field, message: e.message } })
    }
  }
  if (format === 'csv') {
    for (const row of csvRows(text)) {
      if ('problem' in row) rows.push(row)
      else read(row.line, () => genericRecord(row.cells, times, 'csv'))
    }
    return rows
  }
  const items = format === 'jsonl' ? jsonLines(text) : jsonItems(text)
  for (const item of items) {
    if ('error' in item) {
      rows.push({ line: item.line, problem: { line: item.line, field: null, message: item.error } })
      continue
    }
    const value = item.value as Record<string, unknown>
    if (format === 'jsonl') read(item.line, () => genericRecord(value, times, 'jsonl'))
    else if (format === 'okdesk') read(item.line, () => okdeskRecord(value, times))
    else read(item.line, () => usedeskRecord(value))
  }
  return rows
}
