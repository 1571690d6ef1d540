import { DAY_MS } from './dates.js'
import { isKnownZone, offsetMinutes } from './instant.js'

/**
 * Wall clock ↔ instant in an IANA zone, with luxon only at build time.
 *
 * A day's mapping is summarised by four numbers (DayOffsets), so the hot path converts a
 * wall-clock time of a known day to an instant with plain arithmetic. Assumes at most one
 * offset change per calendar day (true of every IANA zone in practice).
 *
 * Gap and overlap policy (the same everywhere: day boundaries, opening hours, working_days):
 * - a wall time that does not exist (spring-forward gap) maps to the instant of the change,
 *   i.e. the first wall time that does exist after it: "opens 02:30" on a day the clocks jump
 *   02:00 → 03:00 opens at 03:00; a range lying wholly inside the gap is empty;
 * - a wall time that occurs twice (fall-back overlap) maps to its first occurrence.
 * Both rules are monotone, so ranges keep their order and never overlap after conversion.
 */
export interface DayOffsets {
  /** the instant of the day's wall-clock midnight (under the gap rule when midnight does not exist) */
  start: number
  /** the instant of the next day's midnight */
  end: number
  /** UTC offsets (ms) in force at start and just before end */
  offsetStart: number
  offsetEnd: number
  /** the instant the offset changes within the day; Infinity when it does not */
  transition: number
}

/** An IANA timezone, by name. */
export interface Zone {
  name: string
}

export function zoneOf(name: string): Zone {
  if (!isKnownZone(name)) throw new RangeError(`unknown IANA timezone "${name}"`)
  return { name }
}

/** Offsets of day number `dn` (days since 1970-01-01) in `zone`. */
export function dayOffsets(zone: Zone, dn: number): DayOffsets {
  const start = wallToInstant(zone, dn * DAY_MS)
  const end = wallToInstant(zone, (dn + 1) * DAY_MS)
  const offsetStart = offsetAt(zone, start)
  const offsetEnd = offsetAt(zone, end - 1)
  const transition =
    offsetStart === offsetEnd ? Number.POSITIVE_INFINITY : firstWithOffset(zone, start, end - 1, offsetEnd)
  return { start, end, offsetStart, offsetEnd, transition }
}

/**
 * The instant of wall-clock time `wallMs` (ms since the day's wall midnight) on a day, without
 * luxon. Agrees with `wallToInstant` under the gap/overlap policy above.
 *
 * @example
 * // Europe/Berlin, 2026-03-29: clocks jump 02:00 → 03:00 (01:00Z)
 * wallOnDay(day, 2.5 * HOUR) //=> Date.parse('2026-03-29T01:00:00Z'), the change itself
 * wallOnDay(day, 3 * HOUR)   //=> Date.parse('2026-03-29T01:00:00Z'), 03:00 CEST
 * // Europe/Berlin, 2026-10-25: 03:00 → 02:00 (01:00Z); 02:30 happens twice
 * wallOnDay(day, 2.5 * HOUR) //=> Date.parse('2026-10-25T00:30:00Z'), the first 02:30 (CEST)
 */
export function wallOnDay(dayWallMidnight: number, d: DayOffsets, wallMs: number): number {
  const local = dayWallMidnight + wallMs
  const t1 = local - d.offsetStart
  let t: number
  if (d.transition === Number.POSITIVE_INFINITY) t = t1
  else {
    const t2 = local - d.offsetEnd
    const before = t1 < d.transition
    const after = t2 >= d.transition
    if (before && after) t = Math.min(t1, t2)
    else if (before) t = t1
    else if (after) t = t2
    else t = d.transition
  }
  return Math.min(Math.max(t, d.start), d.end)
}

/** Offset-aware wall time (ms since its wall midnight) of an instant inside day `d`. */
export function wallTimeOfDay(dayWallMidnight: number, d: DayOffsets, instant: number): number {
  return instant + (instant < d.transition ? d.offsetStart : d.offsetEnd) - dayWallMidnight
}

/** The instant of a wall-clock time given as ms since 1970-01-01T00:00 wall, with luxon. */
export function wallToInstant(zone: Zone, local: number): number {
  const before = offsetAt(zone, local - DAY_MS)
  const after = offsetAt(zone, local + DAY_MS)
  const t1 = local - before
  const t2 = local - after
  const v1 = offsetAt(zone, t1) === before
  const v2 = offsetAt(zone, t2) === after
  if (v1 && v2) return Math.min(t1, t2)
  if (v1) return t1
  if (v2) return t2
  // in a gap: the change lies between the two candidates
  return firstWithOffset(zone, Math.min(t1, t2), Math.max(t1, t2), after)
}

// through the per-year table of offset changes: luxon's Intl lookups are the cost of building days
function offsetAt(zone: Zone, ms: number): number {
  return offsetMinutes(zone.name, ms) * 60_000
}

/** Smallest instant in [lo, hi] whose offset is `target`, assuming one change in the range. */
function firstWithOffset(zone: Zone, lo: number, hi: number, target: number): number {
  if (offsetAt(zone, lo) === target) return lo
  // invariant: offset(lo) !== target, offset(hi) === target; changes happen on whole seconds
  let a = Math.floor(lo / 1000)
  let b = Math.ceil(hi / 1000)
  while (b - a > 1) {
    const m = Math.floor((a + b) / 2)
    if (offsetAt(zone, m * 1000) === target) b = m
    else a = m
  }
  return b * 1000
}
