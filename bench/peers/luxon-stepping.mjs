// A deliberately simple business-time reference: luxon, one minute at a time. It shares nothing
// with the engine but the data: each minute's openness comes from the regulation's weekly hours
// and the production calendar's day kinds (dayKind), read the way docs/ARCHITECTURE.md, "Business time",
// states them. Instants are whole minutes; each minute is a luxon DateTime.
import { DateTime } from 'luxon'
import { dayKind } from '../../dist/calendar/calendar.js'

const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun']
const MINUTE = 60_000
const minutesOf = (hhmm) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5))

/** The open ranges [from, to) in minutes since midnight of a date, as the design reads them. */
export function designRanges(wt, calendar, isoDate, weekday) {
  const k = dayKind(calendar, isoDate)
  let hours
  if (k.kind === 'workday' || k.kind === 'weekend') hours = wt.weekly[WEEKDAYS[weekday - 1]]
  else if (k.kind === 'holiday' || k.kind === 'non_working') hours = wt.holidays === 'closed' ? [] : wt.holidays
  else if (k.kind === 'transferred_day_off') hours = wt.transferredDaysOff === 'closed' ? [] : wt.transferredDaysOff
  else hours = typeof wt.workingWeekends === 'string' ? wt.weekly[wt.workingWeekends] : wt.workingWeekends
  const ranges = hours.map((h) => [minutesOf(h.slice(0, 5)), minutesOf(h.slice(6, 11))]).sort((a, b) => a[0] - b[0])
  // a shortened pre-holiday day ends earlier, on a day that works as a working day (art. 95)
  if (
    k.shortened &&
    wt.shortenedDayMinutes > 0 &&
    ranges.length &&
    (k.kind === 'workday' || k.kind === 'working_weekend')
  )
    ranges[ranges.length - 1][1] -= wt.shortenedDayMinutes
  return ranges
}

export function luxonStepping(wt, calendar) {
  const zone = wt.timezone
  const days = new Map()
  /** the wall clock of each minute from luxon; the day's ranges from the design's rules */
  const isOpen = (ms) => {
    const t = DateTime.fromMillis(ms, { zone })
    const key = t.year * 10_000 + t.month * 100 + t.day
    let ranges = days.get(key)
    if (!ranges) {
      ranges = designRanges(wt, calendar, t.toISODate(), t.weekday)
      days.set(key, ranges)
    }
    const m = t.hour * 60 + t.minute
    return ranges.some(([from, to]) => from <= m && m < to)
  }
  return {
    /** the end of the `minutes`-th open minute at or after `startMs` */
    add(startMs, minutes) {
      let ms = startMs
      let left = minutes
      while (left > 0) {
        if (isOpen(ms)) left--
        ms += MINUTE
      }
      return ms
    },
    /** open minutes in [aMs, bMs) */
    elapsed(aMs, bMs) {
      let n = 0
      for (let ms = aMs; ms < bMs; ms += MINUTE) if (isOpen(ms)) n++
      return n
    },
  }
}
