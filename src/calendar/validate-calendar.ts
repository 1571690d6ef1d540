import type { Path } from '../data/locate.js'
import { buildCalendar, calendarYearOf, shortenedByRule } from './calendar.js'
import type { CalendarFile, CalendarYearFileData } from './calendar-schema.js'
import { addDays, dayNumberOf, dayNumberOfYmd, isoOfDayNumber, isoWeekday } from './dates.js'

/**
 * The checks of a production calendar beyond its schema, apart from the YAML and zod parsers
 * (parse-calendar.ts) so that `calendar import` of XML and CSV runs without loading them.
 */

type Report = (path: Path, message: string) => void

/** Every rule reports every problem it sees, so one run lists them all. */
export function validateCalendar(cal: CalendarFile, ctx: { fileId?: string }, report: Report): void {
  if (ctx.fileId !== undefined && cal.id !== ctx.fileId)
    report(['id'], `the id "${cal.id}" must match the file name "${ctx.fileId}"`)
  fixedHolidaysAreUnique(cal, report)
  const listed = datesOfEveryList(cal, report)
  for (const [year, y] of Object.entries(cal.years)) {
    const at = (list: string, i: number, key = 'date'): Path => ['years', year, list, i, key]
    y.workingWeekends.forEach((w, i) => {
      if (isoWeekday(w.date) <= 5)
        report(at('workingWeekends', i), `${w.date} is a ${weekdayName(w.date)}, not a Saturday or Sunday`)
      if (w.swapsWith) {
        const partner = listed.get(w.swapsWith)
        if (partner?.list !== 'transferredDaysOff')
          report(at('workingWeekends', i, 'swapsWith'), `${w.swapsWith} is not listed as a transferred day off`)
        else if (partner.from !== undefined && partner.from !== w.date)
          report(
            at('workingWeekends', i, 'swapsWith'),
            `${w.swapsWith} is listed as moved from ${partner.from}, not from ${w.date}`,
          )
      }
    })
    y.transferredDaysOff.forEach((t, i) => {
      if (isoWeekday(t.date) >= 6)
        report(
          at('transferredDaysOff', i),
          `${t.date} is a ${weekdayName(t.date)}: a transferred day off must be a weekday`,
        )
      if (!t.from || !t.basis) return
      const source = listed.get(t.from)
      if (t.basis === 'working-weekend-swap' && source?.list !== 'workingWeekends')
        report(at('transferredDaysOff', i, 'from'), `${t.from} is not listed as a working weekend day`)
      if (t.basis !== 'working-weekend-swap') {
        if (source?.list !== 'holidays')
          report(at('transferredDaysOff', i, 'from'), `${t.from} is not listed as a holiday`)
        else if (isoWeekday(t.from) <= 5)
          report(
            at('transferredDaysOff', i, 'from'),
            `the holiday ${t.from} is a ${weekdayName(t.from)}: only a weekend holiday moves`,
          )
      }
    })
    ;(y.shortened ?? []).forEach((s, i) => {
      const path: Path = ['years', year, 'shortened', i]
      if (!s.startsWith(`${year}-`)) return
      const other = listed.get(s)
      if (other && other.list !== 'workingWeekends')
        report(path, `${s} is also listed in ${other.list}: a shortened day must be a working day`)
      else if (!other && isoWeekday(s) >= 6)
        report(path, `${s} is a ${weekdayName(s)}: a shortened day must be a working day`)
    })
  }
}

interface Listed {
  list: string
  from?: string
}

/** Indexes the dates of every kind-defining list, reporting dates outside their year and dates listed twice. */
function datesOfEveryList(cal: CalendarFile, report: Report): Map<string, Listed> {
  const listed = new Map<string, Listed>()
  const add = (path: Path, year: string, date: string, entry: Listed) => {
    if (!date.startsWith(`${year}-`)) return report(path, `${date} is not in ${year}`)
    const before = listed.get(date)
    if (before) {
      const where =
        before.list === entry.list ? `listed twice in ${entry.list}` : `listed in both ${before.list} and ${entry.list}`
      return report(path, `${date} is ${where}`)
    }
    listed.set(date, entry)
  }
  for (const [year, y] of Object.entries(cal.years)) {
    y.holidays.forEach((h, i) => add(['years', year, 'holidays', i, 'date'], year, h.date, { list: 'holidays' }))
    y.transferredDaysOff.forEach((t, i) =>
      add(['years', year, 'transferredDaysOff', i, 'date'], year, t.date, {
        list: 'transferredDaysOff',
        ...(t.from ? { from: t.from } : {}),
      }),
    )
    y.workingWeekends.forEach((w, i) =>
      add(['years', year, 'workingWeekends', i, 'date'], year, w.date, { list: 'workingWeekends' }),
    )
    ;(y.nonWorking ?? []).forEach((n, i) => {
      const path: Path = ['years', year, 'nonWorking', i]
      const first = dayNumberOf(n.date)
      const last = dayNumberOf(n.through ?? n.date)
      if (n.through !== undefined) {
        if (last < first)
          return report([...path, 'through'], `the range ends (${n.through}) before it starts (${n.date})`)
        if (!n.through.startsWith(`${year}-`)) return report([...path, 'through'], `${n.through} is not in ${year}`)
      }
      for (let dn = first; dn <= last; dn++) add([...path, 'date'], year, isoOfDayNumber(dn), { list: 'nonWorking' })
    })
    const seen = new Set<string>()
    ;(y.shortened ?? []).forEach((s, i) => {
      const path: Path = ['years', year, 'shortened', i]
      if (!s.startsWith(`${year}-`)) report(path, `${s} is not in ${year}`)
      else if (seen.has(s)) report(path, `${s} is listed twice in shortened`)
      seen.add(s)
    })
  }
  return listed
}

function fixedHolidaysAreUnique(cal: CalendarFile, report: Report): void {
  const seen = new Set<string>()
  cal.fixedHolidays.forEach((h, i) => {
    if (seen.has(h.date)) report(['fixedHolidays', i, 'date'], `${h.date} is listed twice in fixedHolidays`)
    seen.add(h.date)
  })
}

const WEEKDAY_NAMES = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday']

function weekdayName(iso: string): string {
  return WEEKDAY_NAMES[isoWeekday(iso) - 1] ?? 'day'
}

/** What a year file is checked against: the shipped calendar of its id (art. 112 holidays, the years around it). */
export interface YearFileContext {
  shipped: CalendarFile
  /** the year its file name gives */
  year?: number
}

/**
 * A year must stand on its own before it replaces the shipped one:
 * - the checks of a year of the calendar file (dates in their year, one kind per date, weekends
 *   really weekends, transfers that name what they move);
 * - Labour Code art. 112 part 1: each of its holidays is listed, as a holiday, and nothing else is;
 * - complete (an official year): art. 112 part 2 moves a day off for each holiday on a weekend
 *   outside the New Year holidays, and the Government two of the New Year holidays on a weekend, so
 *   the days off moved (transferred days off less working weekend days) are that many. Every year
 *   2019–2026 of regulations/calendars/ru.yaml meets it; the provisional 2027 does not;
 * - art. 95: the shortened days listed are exactly the working days before a holiday (the rule of
 *   calendar.ts, `shortenedByRule`); a year that lists none gets them by that rule.
 */
export function validateCalendarYear(y: CalendarYearFileData, ctx: YearFileContext, report: Report): void {
  const year = String(y.year)
  if (ctx.year !== undefined && y.year !== ctx.year)
    report(['year'], `the file is for ${y.year}, but its name says ${ctx.year}`)
  if (y.calendar !== undefined && y.calendar !== ctx.shipped.id)
    report(['calendar'], `the file is for the calendar "${y.calendar}", not "${ctx.shipped.id}"`)
  const asYear = calendarYearOf(y, { source: 'imported' })
  const before = { n: 0 }
  const inner: Report = (path, message) => {
    before.n++
    report(path.slice(2), message)
  }
  validateCalendar({ ...ctx.shipped, fixedHolidays: [], years: { [year]: asYear } }, {}, inner)
  // the checks below read the lists as one calendar: after a conflict they would only repeat it
  if (before.n) return
  const where = (date: string): Path => {
    for (const list of ['holidays', 'transferredDaysOff', 'workingWeekends', 'nonWorking'] as const) {
      const i = (y[list] ?? []).findIndex((e) => e.date === date)
      if (i >= 0) return [list, i, 'date']
    }
    const s = (y.shortened ?? []).indexOf(date)
    return s >= 0 ? ['shortened', s] : ['holidays']
  }
  const fixed = new Map(ctx.shipped.fixedHolidays.map((h) => [`${year}-${h.date}`, h.name]))
  const listed = new Set(y.holidays.map((h) => h.date))
  for (const [date, name] of fixed)
    if (!listed.has(date))
      report(
        where(date),
        `${date} (${name}) is a non-working holiday under Labour Code art. 112, but the file does not list it as a holiday`,
      )
  y.holidays.forEach((h, i) => {
    if (!fixed.has(h.date))
      report(
        ['holidays', i, 'date'],
        `${h.date} is not a holiday of Labour Code art. 112 (a day off moved by decree is a transferred day off)`,
      )
  })
  if ((y.status ?? 'official') === 'official') {
    const onWeekend = [...fixed.keys()].filter((d) => !d.startsWith(`${year}-01-`) && isoWeekday(d) >= 6)
    const expected = onWeekend.length + NEW_YEAR_DAYS_MOVED
    const moved = y.transferredDaysOff.length - y.workingWeekends.length
    if (moved !== expected)
      report(
        ['transferredDaysOff'],
        `the year moves ${moved} day${moved === 1 ? '' : 's'} off (transferred days off less working weekend days), but Labour Code art. 112 part 2 moves ${expected}: one for each holiday on a weekend (${onWeekend.join(', ') || 'none'}) and the two the Government moves from the New Year holidays; is the year complete, or provisional (--provisional)?`,
      )
  }
  if (y.shortened?.length) {
    const byRule = buildCalendar({
      ...ctx.shipped,
      years: { ...ctx.shipped.years, [year]: { ...asYear, shortened: undefined } },
    })
    const expected = new Set<string>()
    const first = dayNumberOfYmd(y.year, 1, 1)
    const last = dayNumberOfYmd(y.year, 12, 31)
    for (let dn = first; dn <= last; dn++) {
      const date = isoOfDayNumber(dn)
      if (shortenedByRule(byRule, date)) expected.add(date)
    }
    const shortened = new Set(y.shortened)
    y.shortened.forEach((s, i) => {
      if (!expected.has(s))
        report(
          ['shortened', i],
          `${s} is not shortened under Labour Code art. 95: only the working day right before a non-working holiday is (or a working weekend day that replaces one)`,
        )
    })
    for (const d of expected)
      if (!shortened.has(d))
        report(
          where(d),
          `${d} is the working day before the holiday ${nextHoliday(fixed, d)}: shortened under Labour Code art. 95, but the file does not list it as shortened`,
        )
  }
}

/** art. 112 part 2: the Government moves two of the days off that fall on the New Year holidays */
const NEW_YEAR_DAYS_MOVED = 2

function nextHoliday(fixed: ReadonlyMap<string, string>, date: string): string {
  for (let i = 1; i <= 7; i++) {
    const d = addDays(date, i)
    if (fixed.has(d)) return d
  }
  return addDays(date, 1)
}
