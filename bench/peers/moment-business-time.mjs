// The npm peer: moment-business-time (weekly working hours per weekday + a list of holiday dates,
// in the process's local timezone). It cannot express per-date hours, so a day whose hours under
// the regulation differ from "the weekday's hours, or closed if listed as a holiday" is outside
// its model: `inScope` tells whether a span of time touches such a day.
import { createRequire } from 'node:module'
import { DateTime } from 'luxon'
import { designRanges } from './luxon-stepping.mjs'

const require = createRequire(import.meta.url)
export const PEER_NAME = 'moment-business-time'
export const PEER_VERSION = require('moment-business-time/package.json').version

const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun']
const DAY = 86_400_000
let moment = null

/**
 * Configures the library for a regulation over [fromYear, toYear] and returns add/elapsed on epoch
 * ms (whole minutes) plus the scope test. The library's settings are global (moment's locale), so
 * only the peer last made is usable.
 */
export function momentBusinessTime(wt, calendar, fromYear, toYear) {
  process.env.TZ = wt.timezone // the library works in local time; Node applies a changed TZ at once
  moment ??= require('moment-business-time')
  const hhmmss = (range) => [`${range.slice(0, 5)}:00`, `${range.slice(6, 11)}:00`]
  const workinghours = {}
  WEEKDAYS.forEach((key, i) => {
    const hours = wt.weekly[key]
    workinghours[(i + 1) % 7] = hours.length ? hours.flatMap(hhmmss) : null // moment: 0 = Sunday
  })
  // the same holiday dates: every date the regulation closes although its weekday has hours
  const holidays = []
  const matches = [] // per day from `first`: the library's model gives the regulation's hours
  const first = Date.UTC(fromYear, 0, 1)
  for (let ms = first; ms < Date.UTC(toYear + 1, 0, 1); ms += DAY) {
    const iso = new Date(ms).toISOString().slice(0, 10)
    const weekday = ((new Date(ms).getUTCDay() + 6) % 7) + 1
    const mine = designRanges(wt, calendar, iso, weekday)
    const weekly = designRangesOfWeekday(wt, weekday)
    const closedDay = mine.length === 0 && weekly.length > 0
    if (closedDay) holidays.push(iso)
    matches.push(closedDay || JSON.stringify(mine) === JSON.stringify(weekly))
  }
  moment.updateLocale(moment.locale(), { workinghours, holidays })
  const prefix = new Int32Array(matches.length + 1) // days outside the model before day i
  matches.forEach((ok, i) => {
    prefix[i + 1] = prefix[i] + (ok ? 0 : 1)
  })
  const dayIndex = (ms) => {
    const d = DateTime.fromMillis(ms, { zone: wt.timezone })
    return Math.round((Date.UTC(d.year, d.month - 1, d.day) - first) / DAY)
  }
  return {
    holidays,
    outsideModel: prefix[matches.length],
    /** every day that [aMs, bMs] touches is within the library's model */
    inScope(aMs, bMs) {
      const i = dayIndex(aMs)
      const j = dayIndex(bMs)
      return i >= 0 && j < matches.length && prefix[j + 1] - prefix[i] === 0
    },
    add: (startMs, minutes) => moment(startMs).addWorkingTime(minutes, 'minutes').valueOf(),
    elapsed: (aMs, bMs) => moment(bMs).workingDiff(moment(aMs), 'minutes'),
  }
}

function designRangesOfWeekday(wt, weekday) {
  return wt.weekly[WEEKDAYS[weekday - 1]]
    .map((h) => [
      Number(h.slice(0, 2)) * 60 + Number(h.slice(3, 5)),
      Number(h.slice(6, 8)) * 60 + Number(h.slice(9, 11)),
    ])
    .sort((a, b) => a[0] - b[0])
}
