import type { Path } from '../regulation/locate.js'
import { type ParseResult, parseYamlWith } from '../regulation/parse.js'
import { buildCalendar, type ProductionCalendar } from './calendar.js'
import { type CalendarFile, calendarFileSchema } from './calendar-schema.js'
import { dayNumberOf, isoOfDayNumber, isoWeekday } from './dates.js'

type Report = (path: Path, message: string) => void

/**
 * Parses a production calendar file: YAML, the zod schema, then the facts the schema cannot
 * check (dates in their year, one kind per date, weekends really weekends…). Pure: text in,
 * a calendar or every issue with its line and column out.
 */
export function parseCalendar(
  text: string,
  file: string,
  ctx: { fileId?: string } = {},
): ParseResult<ProductionCalendar> {
  const parsed = parseCalendarFile(text, file, ctx)
  return parsed.value ? { value: buildCalendar(parsed.value), issues: parsed.issues } : { issues: parsed.issues }
}

/** The validated file as written (plain data: the build caches it as JSON). */
export function parseCalendarFile(
  text: string,
  file: string,
  ctx: { fileId?: string } = {},
): ParseResult<CalendarFile> {
  return parseYamlWith(text, file, calendarFileSchema, (cal, report) => validateCalendar(cal, ctx, report))
}

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
