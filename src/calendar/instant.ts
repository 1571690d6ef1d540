import type { IANAZone } from 'luxon'
import { compiledZoneYears } from '../data/compiled.js'
import { luxon } from '../data/on-demand.js'
import { DAY_MS, dayNumberOfYmd, daysInMonth } from './dates.js'

/** luxon's zones, for a zone the build made no offset table of (src/data/on-demand.ts). */
function ianaZone(): typeof IANAZone {
  return luxon().IANAZone
}

/**
 * ISO 8601 instants in and out without a luxon object per call: batch mode formats and parses
 * hundreds of thousands of them, and luxon's Intl-backed offset lookup dominates that cost.
 */

const YEAR_DAYS = 366

export interface YearOffsets {
  /** offset (minutes) at the start of the UTC year */
  initial: number
  /** instants at which the offset changes during the year, ascending */
  changes: number[]
  /** the offset from each change on */
  after: number[]
}

interface ZoneOffsets {
  /** created on the first year not computed at build time: its Intl set-up costs ~15 ms of start-up */
  zone: IANAZone | undefined
  years: Map<number, YearOffsets>
}

const zones = new Map<string, ZoneOffsets>()

function zoneOffsets(zone: string): ZoneOffsets {
  let z = zones.get(zone)
  if (!z) {
    const compiled = compiledZoneYears(zone) as Record<string, YearOffsets> | undefined
    z = { zone: undefined, years: new Map(Object.entries(compiled ?? {}).map(([y, t]) => [Number(y), t])) }
    zones.set(zone, z)
  }
  return z
}

/** Whether `zone` is an IANA timezone this Node knows (without Intl when its tables were built in). */
export function isKnownZone(zone: string): boolean {
  return zoneOffsets(zone).years.size > 0 || ianaZone().isValidZone(zone)
}

/**
 * The UTC offset of `zone` at `ms`, in minutes: a short scan of the year's offset changes,
 * found once per zone and year (a luxon call per day and a bisection per change), or taken from
 * the tables the build computed for the shipped regulations' zones.
 */
export function offsetMinutes(zone: string, ms: number): number {
  const z = zoneOffsets(zone)
  const year = utcYearOf(ms)
  let table = z.years.get(year)
  if (!table) {
    z.zone ??= ianaZone().create(zone)
    table = yearOffsets(z.zone, year)
    z.years.set(year, table)
  }
  let offset = table.initial
  for (let i = 0; i < table.changes.length && (table.changes[i] as number) <= ms; i++) offset = table.after[i] as number
  return offset
}

/** The largest instant a Date holds, in ms either side of 1970. */
const MAX_DATE_MS = 8.64e15

/**
 * `new Date(ms).getUTCFullYear()` by arithmetic (the days since 0000-03-01 in 400-year eras, as in H. Hinnant's
 * civil_from_days): an import formats several instants per row, and a Date each was a fifth of formatting one.
 */
export function utcYearOf(ms: number): number {
  if (!(Math.abs(ms) <= MAX_DATE_MS)) return Number.NaN
  // a Date drops the fraction of a millisecond (towards 0)
  const days = Math.floor(Math.trunc(ms) / DAY_MS) + 719_468
  const era = Math.floor(days / 146_097)
  const dayOfEra = days - era * 146_097
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365,
  )
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100))
  // the year counts from March: January and February are of the next one
  const fromMarch = Math.floor((5 * dayOfYear + 2) / 153)
  return yearOfEra + era * 400 + (fromMarch >= 10 ? 1 : 0)
}

export function yearOffsets(zone: IANAZone, year: number): YearOffsets {
  const start = Date.UTC(year, 0, 1)
  const end = Date.UTC(year + 1, 0, 1)
  const initial = zone.offset(start)
  const changes: number[] = []
  const after: number[] = []
  let prevT = start
  let prev = initial
  for (let d = 1; d <= YEAR_DAYS; d++) {
    const t = Math.min(start + d * DAY_MS, end)
    const o = zone.offset(t)
    if (o !== prev) {
      // bisect to the minute of the change within (prevT, t]
      let lo = prevT
      let hi = t
      while (hi - lo > 60_000) {
        const mid = lo + Math.floor((hi - lo) / 120_000) * 60_000
        if (zone.offset(mid) === prev) lo = mid
        else hi = mid
      }
      changes.push(hi)
      after.push(o)
      prev = o
    }
    prevT = t
    if (t === end) break
  }
  return { initial, changes, after }
}

/** The date YYYY-MM-DD of `ms` in `zone`. */
export function dateIn(ms: number, zone: string): string {
  return formatInstantIn(ms, zone).slice(0, 10)
}

/**
 * `ms` as ISO 8601 with the offset of `zone`, seconds precision (milliseconds when not zero).
 * @example formatInstantIn(Date.parse('2026-11-20T12:00Z'), 'Europe/Moscow') //=> '2026-11-20T15:00:00+03:00'
 */
export function formatInstantIn(ms: number, zone: string): string {
  // one text for an instant given again: a ticket gives its receipt several times (received, its first window's
  // opening), and deadlines fall on the few openings and closings of working days, the same for many tickets
  const slot = recentSlot(ms)
  if (recentMs[slot] === ms && recentZones[slot] === zone) return recentTexts[slot] as string
  const text = formatted(ms, zone)
  recentMs[slot] = ms
  recentZones[slot] = zone
  recentTexts[slot] = text
  return text
}

/** The instants formatted lately, each in a slot found from its whole seconds (deadlines are whole hours). */
const RECENT = 4096
const recentMs = new Float64Array(RECENT).fill(Number.NaN)
const recentZones: (string | undefined)[] = new Array(RECENT).fill(undefined)
const recentTexts: (string | undefined)[] = new Array(RECENT).fill(undefined)

function recentSlot(ms: number): number {
  return Math.imul(Math.floor(ms / 1000) | 0, 0x9e3779b1) >>> 20
}

function formatted(ms: number, zone: string): string {
  const offset = offsetMinutes(zone, ms)
  const wall = ms + offset * 60_000
  const day = Math.floor(wall / DAY_MS)
  let date = dates.get(day)
  if (date === undefined) {
    date = new Date(day * DAY_MS).toISOString().slice(0, 11) // YYYY-MM-DDT
    // years outside 0000–9999 have a sign and six digits: not cached, still right
    if (date.length !== 11) return slowFormat(wall, offset)
    if (dates.size > 4096) dates.clear()
    dates.set(day, date)
  }
  // the time of day by arithmetic: listing 100,000 tickets formats a million instants
  let rest = wall - day * DAY_MS
  const h = Math.floor(rest / 3_600_000)
  rest -= h * 3_600_000
  const m = Math.floor(rest / 60_000)
  rest -= m * 60_000
  const sec = Math.floor(rest / 1000)
  const milli = rest - sec * 1000
  // joined, not added: a text made by + is a chain of pieces, flattened (copied) when first read, and kept
  // alongside its flat copy by a ticket that holds it
  const parts = milli ? millisParts : secondsParts
  parts[0] = date
  parts[1] = TWO_DIGITS[h] as string
  parts[3] = TWO_DIGITS[m] as string
  parts[5] = TWO_DIGITS[sec] as string
  if (milli) parts[7] = String(milli).padStart(3, '0')
  parts[parts.length - 1] = offsetTextOf(offset)
  return parts.join('')
}

/** "00" to "99": the hours, minutes and seconds of a time of day (whole numbers below 60) */
const TWO_DIGITS = Array.from({ length: 100 }, (_, n) => pad(n))
/** the pieces of an instant, filled in and joined by formatInstantIn (one at a time: nothing it calls formats) */
const secondsParts = ['', '', ':', '', ':', '', '']
const millisParts = ['', '', ':', '', ':', '', '.', '', '']

/** 'YYYY-MM-DDT' of wall-clock day numbers already formatted */
const dates = new Map<number, string>()

/** offsetText of the offsets already formatted (a zone has a few) */
const offsetTexts = new Map<number, string>()

function offsetTextOf(offset: number): string {
  let text = offsetTexts.get(offset)
  if (text === undefined) {
    text = offsetText(offset)
    if (offsetTexts.size > 256) offsetTexts.clear()
    offsetTexts.set(offset, text)
  }
  return text
}

function slowFormat(wall: number, offset: number): string {
  const iso = new Date(wall).toISOString()
  return `${iso.endsWith('.000Z') ? iso.slice(0, -5) : iso.slice(0, -1)}${offsetText(offset)}`
}

function offsetText(offset: number): string {
  const abs = Math.abs(offset)
  return `${offset < 0 ? '-' : '+'}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`
}

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?)?(Z|[+-]\d{2}(?::?\d{2})?)?$/i

export type ParsedIso =
  | { ok: true; ms: number; hasOffset: boolean; hasTime: boolean }
  | { ok: false; problem: 'format' | 'date' | 'time' | 'offset' }

/**
 * Parses "YYYY-MM-DD[THH:MM[:SS[.mmm]]][Z|±HH[:MM]]". Without an offset the wall-clock time is read
 * in `zone` (a time in a DST gap moves forward, one in an overlap takes the first occurrence, as luxon does).
 * Calendar validity is checked: 2026-02-30 and 25:00 are errors, not roll-overs.
 */
export function parseIsoInstant(text: string, zone: string): ParsedIso {
  const ms = offsetInstantMs(text)
  if (ms !== undefined) return { ok: true, ms, hasOffset: true, hasTime: true }
  const m = ISO.exec(text)
  if (!m) return { ok: false, problem: 'format' }
  const [, y, mo, d, h = '00', mi = '00', s = '00', frac = '', off] = m
  const year = Number(y)
  const month = Number(mo)
  const day = Number(d)
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return { ok: false, problem: 'date' }
  const hour = Number(h)
  const minute = Number(mi)
  const second = Number(s)
  if (hour > 23 || minute > 59 || second > 59) return { ok: false, problem: 'time' }
  const wallMs = Date.UTC(year, month - 1, day, hour, minute, second, Number(frac.padEnd(3, '0')))
  const hasTime = m[4] !== undefined
  if (off !== undefined) {
    let offset = 0
    if (off.toUpperCase() !== 'Z') {
      const digits = off.slice(1).replace(':', '')
      const oh = Number(digits.slice(0, 2))
      const om = Number(digits.slice(2) || '0')
      if (oh > 23 || om > 59) return { ok: false, problem: 'offset' }
      offset = (off[0] === '-' ? -1 : 1) * (oh * 60 + om)
    }
    return { ok: true, ms: wallMs - offset * 60_000, hasOffset: true, hasTime }
  }
  return { ok: true, ms: wallToInstant(wallMs, zone), hasOffset: false, hasTime }
}

/**
 * The instant of a text in the shape helpdesks export, "YYYY-MM-DDTHH:MM:SS[.mmm](Z|±HH:MM)", with every field in
 * range (a year from 100: Date.UTC reads 0–99 as 19xx); undefined for any other text, which parseIsoInstant reads
 * with ISO. An import reads several per row: this reads them by character codes, without the match and its groups.
 */
function offsetInstantMs(s: string): number | undefined {
  const n = s.length
  if (n < 20 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45 || s.charCodeAt(10) !== 84) return undefined
  if (s.charCodeAt(13) !== 58 || s.charCodeAt(16) !== 58) return undefined
  let at = 19
  let millis = 0
  if (s.charCodeAt(at) === 46) {
    let scale = 100
    for (at++; at < n && at <= 22; at++) {
      const d = s.charCodeAt(at) - 48
      if (d < 0 || d > 9) break
      millis += d * scale
      scale /= 10
    }
    if (at === 20) return undefined
  }
  let offset = 0
  const sign = s.charCodeAt(at)
  if (sign === 90) {
    if (at + 1 !== n) return undefined
  } else if (sign === 43 || sign === 45) {
    if (at + 6 !== n || s.charCodeAt(at + 3) !== 58) return undefined
    const hours = twoDigits(s, at + 1)
    const minutes = twoDigits(s, at + 4)
    if (!(hours >= 0 && hours <= 23 && minutes >= 0 && minutes <= 59)) return undefined
    offset = (sign === 45 ? -1 : 1) * (hours * 60 + minutes)
  } else return undefined
  const century = twoDigits(s, 0)
  const yy = twoDigits(s, 2)
  const year = century * 100 + yy
  const month = twoDigits(s, 5)
  const day = twoDigits(s, 8)
  const hour = twoDigits(s, 11)
  const minute = twoDigits(s, 14)
  const second = twoDigits(s, 17)
  if (!(century >= 1 && yy >= 0 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month)))
    return undefined
  if (!(hour >= 0 && hour <= 23 && minute >= 0 && minute <= 59 && second >= 0 && second <= 59)) return undefined
  return dayNumberOfYmd(year, month, day) * DAY_MS + ((hour * 60 + minute - offset) * 60 + second) * 1000 + millis
}

/** The number of two decimal digits at `at`; -1 when one is not a digit. */
function twoDigits(s: string, at: number): number {
  const tens = s.charCodeAt(at) - 48
  const units = s.charCodeAt(at + 1) - 48
  // unsigned: a code below '0' wraps above 9
  return tens >>> 0 > 9 || units >>> 0 > 9 ? -1 : tens * 10 + units
}

/** The instant of a wall-clock time in `zone` (`wall` is that wall time read as if it were UTC). */
function wallToInstant(wall: number, zone: string): number {
  // the offsets a day either side cover both sides of any change near this wall time
  const before = wall - offsetMinutes(zone, wall - 86_400_000) * 60_000
  const after = wall - offsetMinutes(zone, wall + 86_400_000) * 60_000
  const maps = (t: number) => t + offsetMinutes(zone, t) * 60_000 === wall
  if (before === after) return before
  if (maps(before) && maps(after)) return Math.min(before, after) // an overlap: the first occurrence
  if (maps(before)) return before
  if (maps(after)) return after
  return Math.max(before, after) // a gap: moved forward by the gap, as luxon does
}

/**
 * `Date.parse` of an ISO instant, without its cost in the shapes the store and helpdesks write (offsetInstantMs): a
 * report parses every event of every ticket. Any other shape, or a field out of range, goes to `Date.parse`, so the
 * result is always the same as its.
 */
export function instantMs(iso: string): number {
  return offsetInstantMs(iso) ?? Date.parse(iso)
}

function pad(n: number): string {
  return n < 10 ? `0${n}` : String(n)
}

/**
 * The years an instant typed or imported may fall in (UTC): what the production calendars and the business-time
 * engine are meant for, with room either side. An instant outside them is refused where it comes in.
 */
export const INSTANT_YEARS = { from: 1970, to: 2500 } as const

export function isInInstantYears(ms: number): boolean {
  const year = new Date(ms).getUTCFullYear()
  return year >= INSTANT_YEARS.from && year <= INSTANT_YEARS.to
}
