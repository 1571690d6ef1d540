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
  /** never cut (an id): free text gives way instead; ISO instants are kept without being told */
  keep?: boolean
  /** free text shown on one line, cut with … at the column's width rather than wrapped (a subject in a list) */
  cut?: boolean
}

/** An ISO instant or date as regdesk prints them: cut, it would read as another time. */
const ISO_TIME = /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2})?(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})?)?$/

/** Whether a column holds ISO times (besides "—" or "no response"): such a column is never cut. */
export function isTimeColumn(cells: readonly string[]): boolean {
  return cells.some((c) => ISO_TIME.test(c))
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
  const natural = columns.map((_, i) =>
    Math.max((headers[i] as string).length, ...cells.map((row) => longestLine(row[i] ?? ''))),
  )
  const keep = columns.map((c, i) => c.keep === true || isTimeColumn(cells.map((row) => row[i] ?? '')))
  const widths = fitWidths(natural, io.columns, keep)
  // ids and times alone are wider than the terminal: one block of fields per row rather than a cut
  if (widths.reduce((a, b) => a + b, widths.length + 1) > io.columns)
    return cells
      .map((row) =>
        renderFields(
          columns.map((_, i) => [headers[i] as string, row[i] ?? ''] as const),
          io,
        ),
      )
      .join('\n')
  const table = new Table({
    head: headers.map((h) => io.color.bold(h)),
    style: { head: [], border: [] },
    wordWrap: true,
    colWidths: widths,
  })
  for (const row of cells)
    table.push(row.map((cell, i) => (columns[i]?.cut ? fitLine(cell, (widths[i] as number) - 2) : cell)))
  return `${table.toString()}\n`
}

/**
 * Column widths (with padding) that fit the terminal: the widest columns give way first. Kept
 * columns (ids, ISO times) never shrink: a cut "2026-11-0…" or ticket id reads as another one.
 */
export function fitWidths(
  natural: readonly number[],
  terminal: number,
  keep: readonly boolean[] = [],
  /** the narrowest a column may become, with padding */
  floor: readonly number[] = [],
): number[] {
  const widths = natural.map((w) => w + 2)
  const budget = Math.max(terminal, 40) - (widths.length + 1)
  let total = widths.reduce((a, b) => a + b, 0)
  while (total > budget) {
    let widest = -1
    for (let i = 0; i < widths.length; i++)
      if (
        !keep[i] &&
        (widths[i] as number) > (floor[i] ?? 10) &&
        (widest < 0 || (widths[i] as number) > (widths[widest] as number))
      )
        widest = i
    if (widest < 0) break
    widths[widest] = (widths[widest] as number) - 1
    total--
  }
  return widths
}

/** The width of the widest line of a cell on screen; colour codes take no room. */
export function longestLine(text: string): number {
  return Math.max(...stripVTControlCharacters(text).split('\n').map(screenWidth))
}

/** Columns a line takes on screen (columnsOf each character). */
function screenWidth(line: string): number {
  let width = 0
  for (const char of line) width += columnsOf(char)
  return width
}

function tsvCell(v: string | number | boolean | null | undefined): string {
  if (v === null || v === undefined) return ''
  // line breaks of any system (\r\n from Windows too) are blanks in a cell, not control characters shown as �
  return printable(String(v).replace(/\r\n|[\t\n\r]/g, ' '))
}

/** Key/value lines for one record on a terminal. */
export function renderFields(pairs: readonly (readonly [string, string])[], io: IO): string {
  const width = Math.max(...pairs.map(([k]) => k.length))
  // a value of several lines (the stacked times of a report's breach) goes on under itself
  const field = (k: string, v: string) =>
    v
      .split('\n')
      .map((line, i) => `${i ? ' '.repeat(width) : io.color.dim(k.padEnd(width))}  ${line}`)
      .join('\n')
  return `${pairs.map(([k, v]) => field(k, v)).join('\n')}\n`
}

/** Key/value lines whose keys are labels of the catalogue (`field`), said in the interface language. */
export function renderNamedFields(pairs: readonly (readonly [keyof Messages['field'], string])[], io: IO): string {
  return renderFields(
    pairs.map(([k, v]) => [io.speech.t.field[k], v] as const),
    io,
  )
}

/**
 * One line at most `width` columns wide on screen, the rest replaced by … (a table cell's padding is outside the
 * width): cut between characters, never inside one, an emoji or a CJK character taking two columns.
 */
export function fitLine(text: string, width: number): string {
  const chars = Array.from(text.replace(/\s+/g, ' '))
  const widths = chars.map(columnsOf)
  if (widths.reduce((a, b) => a + b, 0) <= width) return chars.join('')
  // what fits beside the …
  let kept = 0
  for (let used = 0; kept < chars.length && used + (widths[kept] as number) <= width - 1; kept++)
    used += widths[kept] as number
  return `${chars.slice(0, kept).join('')}…`
}

/** Columns a character takes in a terminal: two for wide ones (East Asian wide, emoji shown as emoji), else one. */
function columnsOf(char: string): number {
  const c = char.codePointAt(0) as number
  return EMOJI.test(char) || WIDE.some(([from, to]) => c >= from && c <= to) ? 2 : 1
}

/** Emoji a terminal shows as pictures, two columns wide (✅, 🚀, 🫡), as the table library measures them. */
const EMOJI = /\p{Emoji_Presentation}/u

/** Ranges of wide characters (Unicode East Asian Width W and F). */
const WIDE: readonly (readonly [number, number])[] = [
  [0x1100, 0x115f],
  [0x2e80, 0x303e],
  [0x3041, 0x33ff],
  [0x3400, 0x4dbf],
  [0x4e00, 0x9fff],
  [0xa000, 0xa4cf],
  [0xac00, 0xd7a3],
  [0xf900, 0xfaff],
  [0xfe30, 0xfe4f],
  [0xff00, 0xff60],
  [0xffe0, 0xffe6],
  [0x20000, 0x3fffd],
]
