import type { Coverage, DayKindName, ProductionCalendar } from './calendar.js'
import { type CoverageWarning, coverageWarning, mergeWarnings } from './coverage.js'
import { DAY_MS, dayNumberOf, yearOfDayNumber } from './dates.js'
import { checkInstant, DayIndex } from './day-index.js'
import { formatRange, planDay } from './day-plan.js'
import { type Explanation, explainDeadline } from './explain.js'
import { bisect } from './search.js'
import type { Duration, WorkingTime } from './time-types.js'

const MINUTE_MS = 60_000
const HOUR_MS = 3_600_000

/** One calendar day under a regulation, as `day()` and `explain()` show it. */
export interface ClockDay {
  date: string
  kind: DayKindName
  /** the calendar marks the day shortened (art. 95) */
  shortened: boolean
  /** this regulation actually shortened the day's hours */
  shortenedApplied: boolean
  name?: string
  from?: string
  coverage: Coverage
  /** effective wall-clock hours, e.g. ["10:00-18:00"] */
  hours: string[]
  /** open intervals as epoch ms, half-open [start, end) */
  intervals: [number, number][]
  openMinutes: number
}

const clocks = new WeakMap<WorkingTime, WeakMap<ProductionCalendar, BusinessClock>>()

/** One clock per (working time, calendar) pair, so its day tables are built once per process. */
export function clockFor(workingTime: WorkingTime, calendar: ProductionCalendar): BusinessClock {
  let byCalendar = clocks.get(workingTime)
  if (!byCalendar) {
    byCalendar = new WeakMap()
    clocks.set(workingTime, byCalendar)
  }
  let clock = byCalendar.get(calendar)
  if (!clock) {
    clock = new BusinessClock(workingTime, calendar)
    byCalendar.set(calendar, clock)
  }
  return clock
}

/**
 * Business time of one regulation: its open intervals as epoch milliseconds in flat typed arrays
 * with prefix sums, built a month at a time in both directions as instants ask for them (a
 * command asks for a few days, and building days is most of its work). Once built, `add` and
 * `elapsed` are binary searches: no luxon, no allocation, no stepping.
 *
 * Instants are epoch ms (the offset an ISO string was written in does not matter), durations
 * are minutes. Intervals are half-open: open at 10:00, closed at 19:00 for "10:00-19:00".
 * DST gaps and overlaps follow the policy in zone.ts.
 *
 * @example
 * const clock = clockFor(moguta.workingTime, loadCalendar('ru'))  // Mon–Fri 10–19 Moscow
 * clock.add(Date.parse('2025-03-07T16:30:00+03:00'), { amount: 4, unit: 'working_hours' })
 * //=> 2025-03-10T12:30+03:00 (Fri 07.03 is shortened to 18:00, 08.03 and 09.03 are off)
 */
export class BusinessClock {
  readonly timezone: string
  private readonly ix: DayIndex

  constructor(
    readonly workingTime: WorkingTime,
    readonly calendar: ProductionCalendar,
  ) {
    this.timezone = workingTime.timezone
    this.ix = new DayIndex(workingTime, calendar)
  }

  /**
   * The deadline of `duration` counted from `startMs`.
   *
   * - working_minutes / working_hours: the instant at which that much open time has elapsed;
   *   received while closed, the clock starts at the next opening; a deadline that falls on a
   *   closing time is that closing time. Amount 0: the next opening (or `startMs` if open).
   * - working_days (whole numbers): S = first open instant at or after receipt; the N-th working
   *   day after S's day, at S's wall-clock time, clamped into that day's hours: before its
   *   opening → its opening, after its closing → its closing, inside a break between two ranges
   *   (or exactly at the end of a range that is not the last) → the next opening of that day.
   * - calendar_hours: plain elapsed time. calendar_days: the same wall-clock time N days later
   *   (DST-safe); a fractional part is added as plain hours.
   *
   * @example
   * // Mon–Fri 10–19
   * add(fri('15:00'), { amount: 1, unit: 'working_days' }) //=> Mon 15:00
   * add(sat('12:00'), { amount: 1, unit: 'working_days' }) //=> Tue 10:00 (S = Mon 10:00)
   * add(fri('18:00'), { amount: 60, unit: 'working_minutes' }) //=> Fri 19:00, not Mon 10:00
   */
  add(startMs: number, duration: Duration): number {
    const amount = duration.amount
    if (!(amount >= 0) || !Number.isFinite(amount))
      throw new RangeError(`expected a duration amount ≥ 0, got ${amount}`)
    switch (duration.unit) {
      case 'working_minutes':
        return this.addOpen(startMs, Math.round(amount * MINUTE_MS))
      case 'working_hours':
        return this.addOpen(startMs, Math.round(amount * HOUR_MS))
      case 'working_days':
        return this.addWorkingDays(startMs, amount)
      case 'calendar_hours':
        return checkInstant(startMs) + Math.round(amount * HOUR_MS)
      case 'calendar_days':
        return this.addCalendarDays(startMs, amount)
    }
  }

  /**
   * Working minutes between two instants, signed: `elapsed(b, a) === -elapsed(a, b)`, 0 when
   * equal. Exact, so it can be fractional when the instants are not on whole minutes.
   * Inverse of `add` for open-time units: `elapsed(t, add(t, m minutes)) === m`.
   */
  elapsed(aMs: number, bMs: number): number {
    if (!(aMs >= this.ix.lo && aMs < this.ix.hi)) this.ix.ensure(aMs)
    if (!(bMs >= this.ix.lo && bMs < this.ix.hi)) this.ix.ensure(bMs)
    return (this.ix.openBefore(bMs) - this.ix.openBefore(aMs)) / MINUTE_MS
  }

  isOpen(ms: number): boolean {
    if (!(ms >= this.ix.lo && ms < this.ix.hi)) this.ix.ensure(ms)
    const k = this.ix.intervalsUpTo(ms) - 1
    return k >= 0 && ms < (this.ix.ends[k] as number)
  }

  /** The first open instant at or after `ms`: `ms` itself when open. */
  nextOpening(ms: number): number {
    if (!(ms >= this.ix.lo && ms < this.ix.hi)) this.ix.ensure(ms)
    const i = this.ix.intervalsUpTo(ms)
    if (i > 0 && ms < (this.ix.ends[i - 1] as number)) return ms
    while (i >= this.ix.n) this.ix.growForward(true)
    return this.ix.starts[i] as number
  }

  /**
   * The end of the open stretch that contains `ms`, or of the next one when closed. Ranges that
   * touch ("09:00-13:00", "13:00-18:00", or 24:00 and the next day's 00:00) form one stretch;
   * Infinity when a stretch runs for more than a year (round-the-clock schedules).
   */
  nextClosing(ms: number): number {
    const open = this.nextOpening(ms)
    let k = this.ix.intervalsUpTo(open) - 1
    let end = this.ix.ends[k] as number
    for (;;) {
      if (end - open > 366 * DAY_MS) return Number.POSITIVE_INFINITY
      if (k + 1 >= this.ix.n) this.ix.growForward(false)
      if (k + 1 >= this.ix.n || this.ix.starts[k + 1] !== end) return end
      k++
      end = this.ix.ends[k] as number
    }
  }

  /** A date under this regulation: its kind, effective hours and open intervals. */
  day(isoDate: string): ClockDay {
    const dn = dayNumberOf(isoDate)
    if (Number.isNaN(dn)) throw new RangeError(`expected a real date like "2025-01-01", got "${isoDate}"`)
    const d = this.ix.ensureDay(dn)
    const plan = planDay(this.workingTime, this.calendar, isoDate)
    const intervals: [number, number][] = []
    let open = 0
    for (let i = this.ix.dayFirst[d] as number; i < (this.ix.dayFirst[d + 1] as number); i++) {
      const s = this.ix.starts[i] as number
      const e = this.ix.ends[i] as number
      intervals.push([s, e])
      open += e - s
    }
    return {
      date: isoDate,
      kind: plan.kind,
      shortened: plan.shortened,
      shortenedApplied: plan.shortenedApplied,
      ...(plan.name ? { name: plan.name } : {}),
      ...(plan.from ? { from: plan.from } : {}),
      coverage: plan.coverage,
      hours: plan.ranges.map(formatRange),
      intervals,
      openMinutes: open / MINUTE_MS,
    }
  }

  /** Day by day from receipt to deadline, for `deadline --explain` (src/calendar/explain.ts). */
  explain(startMs: number, duration: Duration): Explanation {
    return explainDeadline(this, this.ix, startMs, duration)
  }

  /** Provisional and uncovered years this clock has built so far (each once), oldest first. */
  warnings(): CoverageWarning[] {
    return [...this.ix.touched.values()].sort((a, b) => a.year - b.year)
  }

  /** Provisional and uncovered years between two instants, in the regulation's timezone. */
  warningsBetween(aMs: number, bMs: number): CoverageWarning[] {
    this.ix.ensure(aMs)
    this.ix.ensure(bMs)
    const from = yearOfDayNumber(this.ix.firstDn + this.ix.dayIndexOf(Math.min(aMs, bMs)))
    const to = yearOfDayNumber(this.ix.firstDn + this.ix.dayIndexOf(Math.max(aMs, bMs)))
    const years: Record<CoverageWarning['code'], number[]> = { provisional_year: [], uncovered_year: [] }
    for (let y = from; y <= to; y++) {
      const w = coverageWarning(this.calendar, y)
      if (w) years[w.code].push(y)
    }
    return mergeWarnings(this.calendar, years)
  }

  private addOpen(t: number, ms: number): number {
    if (ms === 0) return this.nextOpening(t)
    if (!(t >= this.ix.lo && t < this.ix.hi)) this.ix.ensure(t)
    const target = this.ix.openBefore(t) + ms
    while ((this.ix.cum[this.ix.n] as number) < target) this.ix.growForward(true)
    // the first j with cum[j] >= target: the deadline lies in interval j - 1
    const k = bisect(this.ix.cum, 0, this.ix.n, target, true) - 1
    return (this.ix.starts[k] as number) + target - (this.ix.cum[k] as number)
  }

  private addWorkingDays(t: number, count: number): number {
    if (!Number.isInteger(count)) throw new RangeError(`expected a whole number of working days, got ${count}`)
    const s = this.nextOpening(t)
    if (count === 0) return s
    const k = this.ix.intervalsUpTo(s) - 1
    const d = this.ix.intervalDay[k] as number
    const wall = s + ((s < (this.ix.transition[d] as number) ? this.ix.offsetStart[d] : this.ix.offsetEnd[d]) as number)
    const wallTime = wall - (this.ix.firstDn + d) * DAY_MS
    const need = (this.ix.workBefore[d + 1] as number) + count
    while ((this.ix.workBefore[this.ix.nDays] as number) < need) this.ix.growForward(true)
    // the target day D is the first with workBefore[D + 1] >= need
    const day = bisect(this.ix.workBefore, d + 2, this.ix.nDays, need, true) - 1
    const target = this.ix.wallOnDayIndex(day, wallTime)
    const f = this.ix.dayFirst[day] as number
    const l = (this.ix.dayFirst[day + 1] as number) - 1
    if (target <= (this.ix.starts[f] as number)) return this.ix.starts[f] as number
    if (target >= (this.ix.ends[l] as number)) return this.ix.ends[l] as number
    const p = this.ix.intervalsUpTo(target) - 1
    return target < (this.ix.ends[p] as number) ? target : (this.ix.starts[p + 1] as number)
  }

  private addCalendarDays(t: number, days: number): number {
    checkInstant(t)
    const whole = Math.trunc(days)
    const rest = Math.round((days - whole) * DAY_MS)
    this.ix.ensure(t)
    const d = this.ix.dayIndexOf(t)
    const wallTime =
      t +
      ((t < (this.ix.transition[d] as number) ? this.ix.offsetStart[d] : this.ix.offsetEnd[d]) as number) -
      (this.ix.firstDn + d) * DAY_MS
    const dn = this.ix.firstDn + d + whole
    return this.ix.wallOnDayIndex(this.ix.ensureDay(dn), wallTime) + rest
  }
}

export type { CoverageWarning } from './coverage.js'
export type { ExplainStep, Explanation } from './explain.js'
