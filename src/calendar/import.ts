import { SaxesParser, type SaxesTag } from 'saxes'
import type { Issue } from '../data/issue.js'
import type { Path } from '../data/locate.js'
import type { ParseResult } from '../data/yaml.js'
import type { CalendarFile, CalendarYearFileData } from './calendar-schema.js'
import { addDays, isoWeekday, isRealDate } from './dates.js'
import type { CalendarParsers } from './load.js'
import { validateCalendarYear } from './validate-calendar.js'

/**
 * `regdesk calendar import`: one year of a production calendar from the files people have, made
 * into a year file of the user's calendar directory (src/calendar/load.ts reads it back). Pure:
 * text in, the year or every problem at its line out. The formats are described in README.md
 * ("regdesk calendar import FILE").
 *
 * - xml: the public production-calendar layout Russian calendar services publish,
 *   `<calendar year="2027"><holidays><holiday id="1" title="…"/>…</holidays><days><day d="01.01" t="1" h="1"/>…`
 *   with `d` month.day, `t` 1 day off / 2 shortened working day / 3 working weekend day, `h` the
 *   holiday's id, `f` the month.day a day off was moved from; unlisted Saturdays and Sundays are days off, and
 *   a weekday off that names no `f` and no art. 112 date is a non-working day by decree (as in 2020);
 * - csv: `date,kind[,from][,name]` lines (`,` or `;`), a date as YYYY-MM-DD or DD.MM.YYYY, a kind one of
 *   `holiday`, `transferred_day_off`, `working_weekend`, `shortened`, `non_working`;
 * - yaml: a year as in regulations/calendars/ru.yaml (`year`, `holidays`, `transferredDaysOff`,
 *   `workingWeekends`, `shortened`…), the format the user's directory keeps.
 */
export const IMPORT_FORMATS = ['xml', 'csv', 'yaml'] as const
export type ImportFormat = (typeof IMPORT_FORMATS)[number]

export const DAY_KINDS = ['holiday', 'transferred_day_off', 'working_weekend', 'shortened', 'non_working'] as const
type DayKindName = (typeof DAY_KINDS)[number]

export interface ImportOptions {
  /** the shipped calendar the year belongs to: art. 112 holidays, the years around it */
  shipped: CalendarFile
  format: ImportFormat
  /** what the user says of the year: provisional when no decree is published yet */
  status?: 'official' | 'provisional'
  decree?: string
  /** reads a year file of the YAML format (src/calendar/parse-calendar.ts) */
  parseYear: CalendarParsers['calendarYear']
}

export interface ImportedYear {
  data: CalendarYearFileData
  /** what the file said of itself (the XML's publication date), for the year's `source` */
  published?: string
}

/** A day as the source file lists it, with where it does (`day_off`: the XML's t="1", a holiday or a moved day off). */
interface DayEntry {
  date: string
  kind: DayKindName | 'day_off'
  from?: string
  name?: string
  line: number
  col: number
}

interface Draft {
  year: number
  days: DayEntry[]
  /** where a problem of the whole year is reported: the list of days */
  anchor: { line: number; col: number }
  published?: string
}

/** Reads a calendar file of any supported format into one validated year. */
export function importCalendarYear(text: string, file: string, opts: ImportOptions): ParseResult<ImportedYear> {
  if (opts.format === 'yaml') {
    const parsed = opts.parseYear(text, file, { shipped: opts.shipped })
    if (!parsed.value) return { issues: parsed.issues }
    return { value: { data: withUserFacts(parsed.value, opts) }, issues: [] }
  }
  const issues: Issue[] = []
  const at = (line: number, col: number, message: string) =>
    issues.push({ file, line, col, path: '', message, severity: 'error' })
  const draft = opts.format === 'xml' ? readXml(text, at) : readCsv(text, at)
  if (!draft || issues.length) return { issues: issues.length ? issues : [issueAt(file, 1, 1, 'no year found')] }
  const { data, positions } = yearOfDraft(draft, opts.shipped)
  const year = withUserFacts(data, opts)
  validateCalendarYear(year, { shipped: opts.shipped }, (path, message) => {
    const pos = positionOf(positions, path) ?? draft.anchor
    at(pos.line, pos.col, message)
  })
  if (issues.length) return { issues: issues.sort((a, b) => a.line - b.line || a.col - b.col) }
  return { value: { data: year, ...(draft.published ? { published: draft.published } : {}) }, issues: [] }
}

function withUserFacts(y: CalendarYearFileData, opts: ImportOptions): CalendarYearFileData {
  return {
    ...y,
    ...(opts.status ? { status: opts.status } : {}),
    ...(opts.decree ? { decree: opts.decree } : {}),
  }
}

/** The format a file name says, or the content: XML starts with "<", YAML has a `year:` key. */
export function detectFormat(name: string, text: string): ImportFormat | undefined {
  const ext = /\.([a-z]+)$/i.exec(name)?.[1]?.toLowerCase()
  if (ext === 'xml') return 'xml'
  if (ext === 'csv' || ext === 'txt') return 'csv'
  if (ext === 'yaml' || ext === 'yml') return 'yaml'
  const start = text.trimStart()
  if (start.startsWith('<')) return 'xml'
  if (/^(?:[\w-]+:|#)/m.test(start) && /^year:/m.test(start)) return 'yaml'
  if (/^\s*(?:date|\d{4}-\d{2}-\d{2}|\d{2}\.\d{2}\.\d{4})\s*[,;]/m.test(start)) return 'csv'
  return undefined
}

/**
 * The text of a calendar file: UTF-8 (a BOM dropped), or the encoding an XML declaration names, or
 * Windows-1251 for a file that is not UTF-8 (a CSV saved by a Russian Excel).
 */
export function decodeCalendarBytes(bytes: Uint8Array): string {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 200))
  const declared = /^\s*<\?xml[^>]*encoding\s*=\s*["']([\w-]+)["']/i.exec(head)?.[1]
  if (declared && !/^utf-?8$/i.test(declared)) {
    try {
      return new TextDecoder(declared).decode(bytes)
    } catch {
      // an encoding the platform does not know: read as UTF-8 below
    }
  }
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes)
  } catch {
    return new TextDecoder('windows-1251').decode(bytes)
  }
}

// ---- XML ------------------------------------------------------------------------------------

const MONTH_DAY = /^(\d{1,2})\.(\d{1,2})$/

function readXml(text: string, at: (line: number, col: number, message: string) => void): Draft | undefined {
  const parser = new SaxesParser({ position: true })
  let failed = false
  let year: number | undefined
  let published: string | undefined
  let anchor = { line: 1, col: 1 }
  let tagStart = { line: 1, col: 1 }
  const titles = new Map<string, string>()
  const raw: { attrs: Record<string, string>; line: number; col: number }[] = []
  const stack: string[] = []
  parser.on('error', (e) => {
    if (!failed) at(parser.line, parser.column + 1, tidyXmlError(e.message))
    failed = true
  })
  parser.on('opentagstart', (tag) => {
    // the position after "<name" and one more character read: the element starts there, less name.length + 1
    tagStart = { line: parser.line, col: Math.max(1, parser.column - tag.name.length - 1) }
  })
  parser.on('opentag', (tag: SaxesTag) => {
    if (failed) return
    const attrs = tag.attributes as Record<string, string>
    const parent = stack.at(-1)
    stack.push(tag.name)
    if (parent === undefined) {
      if (tag.name !== 'calendar') {
        at(tagStart.line, tagStart.col, `expected a <calendar year="…"> production calendar, got <${tag.name}>`)
        failed = true
        return
      }
      const y = attrs.year ?? ''
      if (!/^\d{4}$/.test(y)) {
        at(tagStart.line, tagStart.col, `expected <calendar year="YYYY">, got ${y ? `year="${y}"` : 'no year'}`)
        failed = true
        return
      }
      year = Number(y)
      if (attrs.date) published = attrs.date
      anchor = tagStart
    } else if (tag.name === 'days' && parent === 'calendar') anchor = tagStart
    else if (tag.name === 'holiday' && parent === 'holidays' && attrs.id && attrs.title)
      titles.set(attrs.id, attrs.title)
    else if (tag.name === 'day' && parent === 'days') raw.push({ attrs, ...tagStart })
  })
  parser.on('closetag', () => {
    stack.pop()
  })
  try {
    parser.write(text).close()
  } catch (e) {
    if (!failed) at(parser.line, parser.column + 1, tidyXmlError((e as Error).message))
    failed = true
  }
  if (failed) return undefined
  if (year === undefined) {
    at(1, 1, 'expected a <calendar year="…"> production calendar, found no <calendar> element')
    return undefined
  }
  const days: DayEntry[] = []
  const bad = (line: number, col: number, message: string) => {
    at(line, col, message)
    failed = true
  }
  for (const { attrs, line, col } of raw) {
    const d = MONTH_DAY.exec(attrs.d ?? '')
    if (!d) {
      bad(line, col, `expected d="MM.DD" (month.day), got ${attrs.d === undefined ? 'none' : `d="${attrs.d}"`}`)
      continue
    }
    const date = `${year}-${d[1]?.padStart(2, '0')}-${d[2]?.padStart(2, '0')}`
    if (!isRealDate(date)) {
      bad(line, col, `d="${attrs.d}" is not a real month.day in ${year}`)
      continue
    }
    const t = attrs.t
    const kind: DayEntry['kind'] | undefined =
      t === '1' ? 'day_off' : t === '2' ? 'shortened' : t === '3' ? 'working_weekend' : undefined
    if (!kind) {
      bad(
        line,
        col,
        `expected t="1" (day off), "2" (shortened working day) or "3" (working weekend day), got ${t === undefined ? 'none' : `t="${t}"`}`,
      )
      continue
    }
    const entry: DayEntry = { date, kind, line, col }
    if (attrs.h !== undefined) {
      const title = titles.get(attrs.h)
      if (title) entry.name = title
    }
    if (attrs.f !== undefined) {
      const f = MONTH_DAY.exec(attrs.f)
      const from = f ? `${year}-${f[1]?.padStart(2, '0')}-${f[2]?.padStart(2, '0')}` : ''
      if (!f || !isRealDate(from)) {
        bad(line, col, `expected f="MM.DD" (the day off moved from), got f="${attrs.f}"`)
        continue
      }
      entry.from = from
    }
    days.push(entry)
  }
  if (failed) return undefined
  return { year, days, anchor, ...(published ? { published } : {}) }
}

/** saxes words its errors "12:4: unexpected close tag.": the position is the issue's own */
function tidyXmlError(message: string): string {
  return message.replace(/^\d+:\d+:\s*/, '').replace(/\.$/, '')
}

// ---- CSV ------------------------------------------------------------------------------------

const KIND_ALIASES: Record<string, DayKindName> = {
  holiday: 'holiday',
  transferred_day_off: 'transferred_day_off',
  day_off: 'transferred_day_off',
  working_weekend: 'working_weekend',
  working: 'working_weekend',
  shortened: 'shortened',
  non_working: 'non_working',
}

function readCsv(text: string, at: (line: number, col: number, message: string) => void): Draft | undefined {
  const lines = text.split(/\r\n|\n|\r/)
  const days: DayEntry[] = []
  let year: number | undefined
  let anchor = { line: 1, col: 1 }
  let failed = false
  const bad = (line: number, col: number, message: string) => {
    at(line, col, message)
    failed = true
  }
  lines.forEach((raw, i) => {
    const line = i + 1
    if (!raw.trim() || raw.trimStart().startsWith('#')) return
    const sep = raw.includes(';') && !raw.includes(',') ? ';' : ','
    const cells = splitCsvLine(raw, sep)
    const [dateCell = '', kindCell = '', fromCell = '', nameCell = ''] = cells.map((c) => c.trim())
    if (/^date$/i.test(dateCell)) {
      anchor = { line, col: 1 }
      return
    }
    const date = csvDate(dateCell)
    if (!date) return bad(line, 1, `expected a date like 2027-01-01 or 01.01.2027, got ${JSON.stringify(dateCell)}`)
    const y = Number(date.slice(0, 4))
    if (year === undefined) year = y
    else if (y !== year)
      return bad(line, 1, `${date} is not in ${year}: a file holds one year (the year of its first date)`)
    const kind = KIND_ALIASES[kindCell.toLowerCase()]
    if (!kind)
      return bad(
        line,
        raw.indexOf(kindCell) + 1 || 1,
        `expected a kind, one of ${DAY_KINDS.join(', ')}, got ${JSON.stringify(kindCell)}`,
      )
    const entry: DayEntry = { date, kind, line, col: 1 }
    if (fromCell) {
      const from = csvDate(fromCell)
      if (!from)
        return bad(
          line,
          raw.indexOf(fromCell) + 1 || 1,
          `expected the date a day off was moved from, got ${JSON.stringify(fromCell)}`,
        )
      entry.from = from
    }
    if (nameCell) entry.name = nameCell
    days.push(entry)
  })
  if (failed) return undefined
  if (year === undefined) {
    at(1, 1, 'the file lists no dates')
    return undefined
  }
  return { year, days, anchor }
}

function csvDate(cell: string): string | undefined {
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(cell)
  const ru = /^(\d{2})\.(\d{2})\.(\d{4})$/.exec(cell)
  const date = iso ? cell : ru ? `${ru[3]}-${ru[2]}-${ru[1]}` : ''
  return isRealDate(date) ? date : undefined
}

/** One CSV line (RFC 4180 quoting), split at `sep`. */
function splitCsvLine(line: string, sep: string): string[] {
  const cells: string[] = []
  let cur = ''
  let quoted = false
  for (let i = 0; i < line.length; i++) {
    const c = line[i] as string
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        cur += '"'
        i++
      } else if (c === '"') quoted = false
      else cur += c
    } else if (c === '"' && !cur.trim()) quoted = true
    else if (c === sep) {
      cells.push(cur)
      cur = ''
    } else cur += c
  }
  cells.push(cur)
  return cells
}

// ---- a year from the days -------------------------------------------------------------------

type Positions = Map<string, { line: number; col: number }>

/**
 * The lists of a year from the days a file lists. A day off on an art. 112 date is a holiday,
 * any other a transferred day off (moved from `from`); the basis of a move and the weekday a
 * working weekend day replaces are read from what the days say of each other.
 */
function yearOfDraft(draft: Draft, shipped: CalendarFile): { data: CalendarYearFileData; positions: Positions } {
  const fixed = new Map(shipped.fixedHolidays.map((h) => [h.date, h.name]))
  const positions: Positions = new Map()
  const data: CalendarYearFileData = {
    year: draft.year,
    holidays: [],
    transferredDaysOff: [],
    workingWeekends: [],
    shortened: [],
    nonWorking: [],
  }
  const put = (path: Path, d: DayEntry) => positions.set(path.join('.'), { line: d.line, col: d.col })
  const working = new Set(draft.days.filter((d) => d.kind === 'working_weekend').map((d) => d.date))
  const isHoliday = (d: DayEntry) =>
    d.kind === 'holiday' || (d.kind === 'day_off' && fixed.has(d.date.slice(5)) && d.from === undefined)
  const holidays = new Set(draft.days.filter(isHoliday).map((d) => d.date))
  for (const d of draft.days) {
    const fixedName = fixed.get(d.date.slice(5))
    if (isHoliday(d)) {
      // a holiday the law does not name stays one here: the art. 112 check reports it at its line
      put(['holidays', data.holidays.length], d)
      data.holidays.push({ date: d.date, name: d.name ?? fixedName ?? 'праздник' })
    } else if (d.kind === 'day_off' && d.from === undefined) {
      // a Saturday or Sunday day off that moved nothing is what the calendar says of a weekend anyway
      if (isoWeekday(d.date) >= 6) continue
      // a weekday off that moved nothing: a non-working day by decree (2020, 2021), not a transfer
      put(['nonWorking', data.nonWorking?.length ?? 0], d)
      data.nonWorking?.push({ date: d.date, reason: d.name ?? 'нерабочий день' })
    } else if (d.kind === 'day_off' || d.kind === 'transferred_day_off') {
      put(['transferredDaysOff', data.transferredDaysOff.length], d)
      data.transferredDaysOff.push({
        date: d.date,
        ...(d.from ? { from: d.from, basis: basisOf(d.date, d.from, working, holidays) } : {}),
      })
    } else if (d.kind === 'working_weekend') {
      put(['workingWeekends', data.workingWeekends.length], d)
      data.workingWeekends.push({ date: d.date })
    } else if (d.kind === 'shortened') {
      put(['shortened', data.shortened?.length ?? 0], d)
      data.shortened?.push(d.date)
    } else {
      put(['nonWorking', data.nonWorking?.length ?? 0], d)
      data.nonWorking?.push({ date: d.date, reason: d.name ?? 'нерабочий день' })
    }
  }
  for (const w of data.workingWeekends) {
    const swap = data.transferredDaysOff.find((t) => t.from === w.date)
    if (swap) w.swapsWith = swap.date
  }
  return { data, positions }
}

function basisOf(
  date: string,
  from: string,
  working: ReadonlySet<string>,
  holidays: ReadonlySet<string>,
): 'working-weekend-swap' | 'holiday-on-weekend' | 'holiday-moved-by-decree' | undefined {
  if (working.has(from)) return 'working-weekend-swap'
  if (!holidays.has(from)) return undefined
  // the New Year holidays never move by themselves: the Government moves two of them (art. 112 part 2)
  if (from.slice(5, 7) === '01') return 'holiday-moved-by-decree'
  // art. 112 part 2: a holiday on a weekend moves to the next working day
  let next = addDays(from, 1)
  while (isoWeekday(next) >= 6 || holidays.has(next)) next = addDays(next, 1)
  return next === date ? 'holiday-on-weekend' : 'holiday-moved-by-decree'
}

function positionOf(positions: Positions, path: Path): { line: number; col: number } | undefined {
  for (let n = path.length; n >= 2; n--) {
    const pos = positions.get(path.slice(0, n).join('.'))
    if (pos) return pos
  }
  return undefined
}

function issueAt(file: string, line: number, col: number, message: string): Issue {
  return { file, line, col, path: '', message, severity: 'error' }
}

// ---- the year file ----------------------------------------------------------------------------

/** The text of a year file for the user's calendar directory (the format of parseCalendarYearFile). */
export function formatCalendarYearFile(
  y: CalendarYearFileData,
  meta: { calendar: string; source: string; importedFrom: string; importedAt: string },
): string {
  const q = (s: string) => JSON.stringify(s)
  const lines = [
    `# One year of the production calendar "${meta.calendar}", imported by \`regdesk calendar import\`.`,
    '# It replaces the shipped year; delete this file to use the shipped one again.',
    'schemaVersion: 1',
    `calendar: ${meta.calendar}`,
    `year: ${y.year}`,
    `status: ${y.status ?? 'official'}`,
    ...(y.decree ? [`decree: ${q(y.decree)}`] : []),
    `source: ${q(y.source ?? meta.source)}`,
    ...(y.note ? [`note: ${q(y.note)}`] : []),
    `importedFrom: ${q(meta.importedFrom)}`,
    `importedAt: ${q(meta.importedAt)}`,
    'holidays:',
    ...y.holidays.map((h) => `  - { date: ${h.date}, name: ${q(h.name)} }`),
    `transferredDaysOff:${y.transferredDaysOff.length ? '' : ' []'}`,
    ...y.transferredDaysOff.map(
      (t) => `  - { date: ${t.date}${t.from ? `, from: ${t.from}` : ''}${t.basis ? `, basis: ${t.basis}` : ''} }`,
    ),
    `workingWeekends:${y.workingWeekends.length ? '' : ' []'}`,
    ...y.workingWeekends.map((w) => `  - { date: ${w.date}${w.swapsWith ? `, swapsWith: ${w.swapsWith}` : ''} }`),
    ...(y.shortened?.length
      ? [`shortened: [${y.shortened.join(', ')}]`]
      : ['# no shortened days listed: they follow the rule of Labour Code art. 95 (src/calendar/calendar.ts)']),
    `nonWorking:${y.nonWorking?.length ? '' : ' []'}`,
    ...(y.nonWorking ?? []).map(
      (n) =>
        `  - { date: ${n.date}${n.through ? `, through: ${n.through}` : ''}, reason: ${q(n.reason)}${n.decree ? `, decree: ${q(n.decree)}` : ''} }`,
    ),
  ]
  return `${lines.join('\n')}\n`
}
