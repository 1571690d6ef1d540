import type {
  CalendarFile,
  CalendarYearFile,
  CalendarYearFileData,
  TransferBasis,
  YearStatus,
} from './calendar-schema.js'
import { addDays, dayNumberOf, isoOfDayNumber, isoWeekday } from './dates.js'

export type DayKindName = 'workday' | 'weekend' | 'holiday' | 'transferred_day_off' | 'non_working' | 'working_weekend'
export type Coverage = YearStatus | 'uncovered'

/** What the calendar says about one date; a regulation decides what it means for its hours. */
export interface DayKind {
  kind: DayKindName
  /** a shortened pre-holiday day (Labour Code art. 95) */
  shortened: boolean
  /** holiday name; for a transferred day off, the name of the holiday it was moved from; the reason of a non-working day */
  name?: string
  /** transferred day off: the date the day off was moved from */
  from?: string
  /** working weekend day: the weekday that became a day off in exchange */
  swapsWith?: string
  coverage: Coverage
}

export interface CalendarYearInfo {
  year: number
  status: YearStatus
  decree?: string
  source: string
  /** false: shortened days come from the calendar's shortened rule */
  publishedShortened: boolean
  /** shipped with regdesk, or imported by `regdesk calendar import` into the user's calendar directory */
  origin: 'shipped' | 'imported'
  /** the file the year was read from */
  file?: string
}

interface DayFact {
  kind: Exclude<DayKindName, 'weekend'>
  shortened: boolean
  name?: string
  from?: string
  swapsWith?: string
  basis?: TransferBasis
}

/** A loaded production calendar: per-date facts indexed for constant-time lookup. */
export interface ProductionCalendar {
  id: string
  name: string
  years: ReadonlyMap<number, CalendarYearInfo>
  /** "MM-DD" → name: the statutory holidays, used alone for years the file does not cover */
  fixedHolidays: ReadonlyMap<string, string>
  /** ISO date → fact, for every date that is not a plain weekday or weekend of a covered year */
  facts: ReadonlyMap<string, DayFact>
}

/**
 * Indexes a validated calendar file (parse-calendar.ts checks it first: no conflicting entries).
 * `imported`: year → the user's file it came from (load.ts replaces those years of the shipped file).
 */
export function buildCalendar(file: CalendarFile, imported?: ReadonlyMap<number, string>): ProductionCalendar {
  const facts = new Map<string, DayFact>()
  const years = new Map<number, CalendarYearInfo>()
  const holidayNames = new Map<string, string>()
  for (const y of Object.values(file.years)) for (const h of y.holidays) holidayNames.set(h.date, h.name)
  for (const [key, y] of Object.entries(file.years)) {
    const year = Number(key)
    years.set(year, {
      year,
      status: y.status,
      ...(y.decree ? { decree: y.decree } : {}),
      source: y.source,
      publishedShortened: y.shortened !== undefined,
      origin: imported?.has(year) ? 'imported' : 'shipped',
      ...(imported?.has(year) ? { file: imported.get(year) as string } : {}),
    })
    for (const h of y.holidays) facts.set(h.date, { kind: 'holiday', shortened: false, name: h.name })
    for (const t of y.transferredDaysOff) {
      const name = t.from ? holidayNames.get(t.from) : undefined
      facts.set(t.date, {
        kind: 'transferred_day_off',
        shortened: false,
        ...(name ? { name } : {}),
        ...(t.from ? { from: t.from } : {}),
        ...(t.basis ? { basis: t.basis } : {}),
      })
    }
    for (const w of y.workingWeekends)
      facts.set(w.date, {
        kind: 'working_weekend',
        shortened: false,
        ...(w.swapsWith ? { swapsWith: w.swapsWith } : {}),
      })
    for (const n of y.nonWorking ?? []) {
      const last = dayNumberOf(n.through ?? n.date)
      for (let dn = dayNumberOf(n.date); dn <= last; dn++)
        facts.set(isoOfDayNumber(dn), { kind: 'non_working', shortened: false, name: n.reason })
    }
    for (const s of y.shortened ?? []) {
      const fact = facts.get(s)
      if (fact) fact.shortened = true
      else facts.set(s, { kind: 'workday', shortened: true })
    }
  }
  return {
    id: file.id,
    name: file.name,
    years,
    fixedHolidays: new Map(file.fixedHolidays.map((h) => [h.date, h.name])),
    facts,
  }
}

export function coverageOf(calendar: ProductionCalendar, year: number): Coverage {
  return calendar.years.get(year)?.status ?? 'uncovered'
}

/**
 * The kind of a date under the calendar. Years the file does not cover get the statutory fixed
 * holidays only: no transfers, no working weekends, no shortened days, coverage "uncovered".
 *
 * @example
 * dayKind(ru, '2025-11-01') //=> { kind: 'working_weekend', shortened: true, swapsWith: '2025-11-03', coverage: 'official' }
 * dayKind(ru, '2025-12-30') //=> { kind: 'workday', shortened: false, coverage: 'official' } (12-31 is only a transferred day off)
 * dayKind(ru, '2030-05-09') //=> { kind: 'holiday', shortened: false, name: 'День Победы', coverage: 'uncovered' }
 */
export function dayKind(calendar: ProductionCalendar, isoDate: string): DayKind {
  const year = Number(isoDate.slice(0, 4))
  const info = calendar.years.get(year)
  const base = baseKind(calendar, isoDate)
  if (!info) return { ...base, shortened: false, coverage: 'uncovered' }
  const shortened = info.publishedShortened ? base.shortened : shortenedByRule(calendar, isoDate)
  return { ...base, shortened, coverage: info.status }
}

/**
 * The reference file's rule, for covered years without a published list: (a) a working day
 * right before an art. 112 holiday is shortened (not before a transferred day off, and a Friday
 * before a Monday holiday is not, since Saturday comes in between); (b) a working weekend day
 * swapped with weekday X is shortened iff X would have been by (a).
 */
export function shortenedByRule(calendar: ProductionCalendar, isoDate: string): boolean {
  if (!calendar.years.has(Number(isoDate.slice(0, 4)))) return false
  const kind = baseKind(calendar, isoDate)
  if (kind.kind !== 'workday' && kind.kind !== 'working_weekend') return false
  if (baseKind(calendar, addDays(isoDate, 1)).kind === 'holiday') return true
  if (kind.kind === 'working_weekend' && kind.swapsWith)
    return isoWeekday(kind.swapsWith) <= 5 && baseKind(calendar, addDays(kind.swapsWith, 1)).kind === 'holiday'
  return false
}

function baseKind(calendar: ProductionCalendar, isoDate: string): Omit<DayKind, 'coverage'> {
  const weekend = isoWeekday(isoDate) >= 6
  if (!calendar.years.has(Number(isoDate.slice(0, 4)))) {
    const name = calendar.fixedHolidays.get(isoDate.slice(5))
    if (name) return { kind: 'holiday', shortened: false, name }
    return { kind: weekend ? 'weekend' : 'workday', shortened: false }
  }
  const fact = calendar.facts.get(isoDate)
  if (!fact) return { kind: weekend ? 'weekend' : 'workday', shortened: false }
  return {
    kind: fact.kind,
    shortened: fact.shortened,
    ...(fact.name ? { name: fact.name } : {}),
    ...(fact.from ? { from: fact.from } : {}),
    ...(fact.swapsWith ? { swapsWith: fact.swapsWith } : {}),
  }
}

/** The year as a year of the calendar file, with the defaults of an imported year. */
export function calendarYearOf(y: CalendarYearFileData, defaults: { source: string }): CalendarYearFile {
  return {
    status: y.status ?? 'official',
    ...(y.decree ? { decree: y.decree } : {}),
    source: y.source ?? defaults.source,
    ...(y.note ? { note: y.note } : {}),
    holidays: y.holidays,
    transferredDaysOff: y.transferredDaysOff,
    workingWeekends: y.workingWeekends,
    ...(y.shortened?.length ? { shortened: y.shortened } : {}),
    ...(y.nonWorking ? { nonWorking: y.nonWorking } : {}),
  }
}
