import { type DayKind, dayKind, type ProductionCalendar } from './calendar.js'
import { isoWeekday } from './dates.js'
import type { WorkingTime } from './time-types.js'

const WEEKDAY_KEYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const

export type DayReason =
  | 'weekday'
  | 'weekend'
  | 'holiday'
  | 'transferred_day_off'
  | 'working_weekend'
  | 'shortened'
  | 'non_working'

/** One date under one regulation: the calendar's kind and the wall-clock ranges that apply. */
export interface DayPlan extends DayKind {
  date: string
  /** [start, end] in minutes since wall midnight, sorted; end may be 1440 ("24:00") */
  ranges: [number, number][]
  /** the regulation shortened this day's hours (kind says why the day works at all) */
  shortenedApplied: boolean
  reason: DayReason
}

/**
 * The hours of a date under a regulation's working time.
 *
 * - workday / weekend: the weekly hours of that weekday;
 * - holiday and non-working day: `holidays` ('closed' or its ranges);
 * - transferred day off: `transferredDaysOff`;
 * - working weekend: the named weekday's hours, or the explicit ranges;
 * - a shortened day loses `shortenedDayMinutes` of open time from its end, only when it is
 *   otherwise a normal working day of the regulation (a workday or working weekend with hours).
 *   If the last range is shorter than that, the cut continues into the previous range: art. 95
 *   shortens the working day, not one range.
 *
 * @example
 * // moguta: Mon–Fri 10–19, shortened by 60
 * planDay(wt, ru, '2025-11-01').ranges //=> [[600, 1080]] (working Saturday, shortened: 10:00-18:00)
 */
export function planDay(wt: WorkingTime, calendar: ProductionCalendar, isoDate: string): DayPlan {
  const kind = dayKind(calendar, isoDate)
  const weekday = WEEKDAY_KEYS[isoWeekday(isoDate) - 1] ?? 'mon'
  let hours: readonly string[]
  switch (kind.kind) {
    case 'workday':
    case 'weekend':
      hours = wt.weekly[weekday]
      break
    case 'holiday':
    case 'non_working':
      hours = wt.holidays === 'closed' ? [] : wt.holidays
      break
    case 'transferred_day_off':
      hours = wt.transferredDaysOff === 'closed' ? [] : wt.transferredDaysOff
      break
    case 'working_weekend':
      hours = typeof wt.workingWeekends === 'string' ? wt.weekly[wt.workingWeekends] : wt.workingWeekends
      break
  }
  const ranges = hours.map(parseRange).sort((a, b) => a[0] - b[0])
  const shortenedApplied =
    kind.shortened &&
    wt.shortenedDayMinutes > 0 &&
    (kind.kind === 'workday' || kind.kind === 'working_weekend') &&
    ranges.length > 0
  const effective = shortenedApplied ? cutFromEnd(ranges, wt.shortenedDayMinutes) : ranges
  return { ...kind, date: isoDate, ranges: effective, shortenedApplied, reason: reasonOf(kind, shortenedApplied) }
}

function reasonOf(kind: DayKind, shortenedApplied: boolean): DayReason {
  if (shortenedApplied) return 'shortened'
  return kind.kind === 'workday' ? 'weekday' : kind.kind
}

function cutFromEnd(ranges: [number, number][], minutes: number): [number, number][] {
  const out = ranges.map((r) => [r[0], r[1]] as [number, number])
  let left = minutes
  while (left > 0 && out.length) {
    const last = out[out.length - 1] as [number, number]
    const length = last[1] - last[0]
    if (length > left) {
      last[1] -= left
      left = 0
    } else {
      out.pop()
      left -= length
    }
  }
  return out
}

export function parseRange(range: string): [number, number] {
  return [minutes(range.slice(0, 5)), minutes(range.slice(6, 11))]
}

export function formatRange([start, end]: readonly [number, number]): string {
  return `${hhmm(start)}-${hhmm(end)}`
}

function minutes(hhmm: string): number {
  return Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5))
}

function hhmm(m: number): string {
  return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`
}
