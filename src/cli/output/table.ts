import { stripVTControlCharacters } from 'node:util'
import Table from 'cli-table3'
import type { IO } from '../io.js'
import { printable } from '../io.js'
import type { Messages } from '../messages/index.js'

export interface Column<T> {
  /** in English; said in the interface language (src/cli/messages/en.ts, `column`) */
  header: keyof Messages['column']
  /** machine value: ISO times, minutes as numbers */
  value: (row: T) => string | number | boolean | null | undefined
  /** terminal value: colour, wrapping */
  human?: (row: T, io: IO) => string
}

/**
 * A list for people on a terminal (a table with headers), or for pipes (tab-separated machine
 * values, no header, no colour) so `cut` and `awk` work.
 */
export function renderList<T>(rows: readonly T[], columns: readonly Column<T>[], io: IO): string {
  if (!rows.length) return ''
  if (!io.isStdoutTTY) {
    return `${rows.map((r) => columns.map((c) => tsvCell(c.value(r))).join('\t')).join('\n')}\n`
  }
  const headers = columns.map((c) => io.speech.t.column[c.header])
  const cells = rows.map((r) => columns.map((c) => (c.human ? c.human(r, io) : printable(String(c.value(r) ?? '—')))))
  const table = new Table({
    head: headers.map((h) => io.color.bold(h)),
    style: { head: [], border: [] },
    wordWrap: true,
    colWidths: fitWidths(
      columns.map((_, i) => Math.max((headers[i] as string).length, ...cells.map((row) => longestLine(row[i] ?? '')))),
      io.columns,
    ),
  })
  for (const row of cells) table.push(row)
  return `${table.toString()}\n`
}

/** Column widths (with padding) that fit the terminal: the widest columns give way first. */
export function fitWidths(natural: readonly number[], terminal: number): number[] {
  const widths = natural.map((w) => w + 2)
  const budget = Math.max(terminal, 40) - (widths.length + 1)
  let total = widths.reduce((a, b) => a + b, 0)
  while (total > budget) {
    const widest = widths.indexOf(Math.max(...widths))
    if ((widths[widest] as number) <= 10) break
    widths[widest] = (widths[widest] as number) - 1
    total--
  }
  return widths
}

/** The width of the widest line of a cell; colour codes take no room. */
export function longestLine(text: string): number {
  return Math.max(
    ...stripVTControlCharacters(text)
      .split('\n')
      .map((l) => [...l].length),
  )
}

function tsvCell(v: string | number | boolean | null | undefined): string {
  if (v === null || v === undefined) return ''
  return printable(String(v)).replace(/[\t\n\r]/g, ' ')
}

/** Key/value lines for one record on a terminal. */
export function renderFields(pairs: readonly (readonly [string, string])[], io: IO): string {
  const width = Math.max(...pairs.map(([k]) => k.length))
  return `${pairs.map(([k, v]) => `${io.color.dim(k.padEnd(width))}  ${v}`).join('\n')}\n`
}
