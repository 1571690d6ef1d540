import type { Duration, WorkingTime } from '../regulation/schema.js'
import { type Coverage, coverageOf, type DayKindName, type ProductionCalendar } from './calendar.js'
import { DAY_MS, dayNumberOf, dayNumberOfYmd, isoOfDayNumber, monthOfDayNumber, yearOfDayNumber } from './dates.js'
import { type DayReason, formatRange, planDay } from './day-plan.js'
import { offsetMinutes } from './instant.js'
import { dayOffsets, wallOnDay, type Zone, zoneOf } from './zone.js'

const MINUTE_MS = 60_000
const HOUR_MS = 3_600_000
const MIN_YEAR = 1900
const MAX_YEAR = 2600
/** consecutive months without any open time after which a search gives up (two years) */
const EMPTY_MONTHS_LIMIT = 24

export interface CoverageWarning {
  code: 'provisional_year' | 'uncovered_year'
  /** the first year concerned */
  year: number
  /** every year concerned (one warning per code, however many years) */
  years: number[]
  message: string
}

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

export interface ExplainStep {
  date: string
  /** the day counts toward the duration (working days: one of the N days; minutes: some open time used) */
  counted: boolean
  openMinutes: number
  /** open minutes of this day between receipt and deadline */
  minutesCounted: number
  reason: DayReason
  /** the calendar's kind of day (a shortened working Saturday: kind working_weekend, reason shortened) */
  kind: DayKindName
  shortened: boolean
  name?: string
  /** for a transferred day off or a working weekend: the date it was moved from or swapped with */
  from?: string
  hours: string[]
}

export interface Explanation {
  receivedMs: number
  /** when the clock starts: the first open instant at or after receipt (calendar units: receipt) */
  startMs: number
  deadlineMs: number
  duration: Duration
  steps: ExplainStep[]
  warnings: CoverageWarning[]
}

/** The days of one calendar month (`month`: year × 12 + month index, see monthOfDayNumber). */
interface MonthChunk {
  month: number
  firstDn: number
  dayStart: Float64Array // days + 1
  offsetStart: Float64Array
  offsetEnd: Float64Array
  transition: Float64Array
  intervalsPerDay: Int32Array
  starts: number[]
  ends: number[]
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
  private readonly zone: Zone
  private chunks: MonthChunk[] = []
  private firstMonth = 0
  private lastMonth = -1
  private emptyMonthsInARow = 0
  private readonly touched = new Map<number, CoverageWarning>()

  // flat day tables, day i = day number firstDn + i
  private firstDn = 0
  private nDays = 0
  private dayStart = new Float64Array(1)
  private offsetStart = new Float64Array(0)
  private offsetEnd = new Float64Array(0)
  private transition = new Float64Array(0)
  /** index of each day's first interval; day i owns [dayFirst[i], dayFirst[i + 1]) */
  private dayFirst = new Int32Array(1)
  /** number of working days (days with open time) before day i */
  private workBefore = new Int32Array(1)

  // flat interval tables
  private n = 0
  private starts = new Float64Array(0)
  private ends = new Float64Array(0)
  /** open ms before interval i; cum[n] is the total */
  private cum = new Float64Array(1)
  private intervalDay = new Int32Array(0)
  private lo = Number.POSITIVE_INFINITY
  private hi = Number.NEGATIVE_INFINITY

  constructor(
    readonly workingTime: WorkingTime,
    readonly calendar: ProductionCalendar,
  ) {
    this.timezone = workingTime.timezone
    this.zone = zoneOf(workingTime.timezone)
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
    if (!(aMs >= this.lo && aMs < this.hi)) this.ensure(aMs)
    if (!(bMs >= this.lo && bMs < this.hi)) this.ensure(bMs)
    return (this.openBefore(bMs) - this.openBefore(aMs)) / MINUTE_MS
  }

  isOpen(ms: number): boolean {
    if (!(ms >= this.lo && ms < this.hi)) this.ensure(ms)
    const k = upperBound(this.starts, this.n, ms) - 1
    return k >= 0 && ms < (this.ends[k] as number)
  }

  /** The first open instant at or after `ms`: `ms` itself when open. */
  nextOpening(ms: number): number {
    if (!(ms >= this.lo && ms < this.hi)) this.ensure(ms)
    const i = upperBound(this.starts, this.n, ms)
    if (i > 0 && ms < (this.ends[i - 1] as number)) return ms
    while (i >= this.n) this.growForward(true)
    return this.starts[i] as number
  }

  /**
   * The end of the open stretch that contains `ms`, or of the next one when closed. Ranges that
   * touch ("09:00-13:00", "13:00-18:00", or 24:00 and the next day's 00:00) form one stretch;
   * Infinity when a stretch runs for more than a year (round-the-clock schedules).
   */
  nextClosing(ms: number): number {
    const open = this.nextOpening(ms)
    let k = upperBound(this.starts, this.n, open) - 1
    let end = this.ends[k] as number
    for (;;) {
      if (end - open > 366 * DAY_MS) return Number.POSITIVE_INFINITY
      if (k + 1 >= this.n) this.growForward(false)
      if (k + 1 >= this.n || this.starts[k + 1] !== end) return end
      k++
      end = this.ends[k] as number
    }
  }

  /** A date under this regulation: its kind, effective hours and open intervals. */
  day(isoDate: string): ClockDay {
    const dn = dayNumberOf(isoDate)
    if (Number.isNaN(dn)) throw new RangeError(`expected a real date like "2025-01-01", got "${isoDate}"`)
    const d = this.ensureDay(dn)
    const plan = planDay(this.workingTime, this.calendar, isoDate)
    const intervals: [number, number][] = []
    let open = 0
    for (let i = this.dayFirst[d] as number; i < (this.dayFirst[d + 1] as number); i++) {
      const s = this.starts[i] as number
      const e = this.ends[i] as number
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

  /**
   * Day by day from receipt to deadline, for `deadline --explain`.
   *
   * @example
   * explain(fri('16:30'), { amount: 4, unit: 'working_hours' }).steps.map((s) => [s.date, s.minutesCounted])
   * //=> [['2025-03-07', 90], ['2025-03-08', 0], ['2025-03-09', 0], ['2025-03-10', 150]]
   */
  explain(startMs: number, duration: Duration): Explanation {
    const deadlineMs = this.add(startMs, duration)
    const openUnit = duration.unit.startsWith('working_')
    const clockStart = openUnit ? this.nextOpening(startMs) : startMs
    this.ensure(startMs)
    this.ensure(deadlineMs)
    const first = this.dayIndexOf(startMs)
    const last = this.dayIndexOf(deadlineMs > startMs ? deadlineMs - 1 : deadlineMs)
    const startDay = this.dayIndexOf(clockStart)
    const steps: ExplainStep[] = []
    for (let d = first; d <= last; d++) {
      const date = isoOfDayNumber(this.firstDn + d)
      const plan = planDay(this.workingTime, this.calendar, date)
      let open = 0
      let counted = 0
      for (let i = this.dayFirst[d] as number; i < (this.dayFirst[d + 1] as number); i++) {
        const s = this.starts[i] as number
        const e = this.ends[i] as number
        open += e - s
        counted += Math.max(0, Math.min(e, deadlineMs) - Math.max(s, startMs))
      }
      const isWorking = open > 0
      steps.push({
        date,
        counted: duration.unit === 'working_days' ? isWorking && d > startDay : openUnit ? counted > 0 : true,
        openMinutes: open / MINUTE_MS,
        minutesCounted: counted / MINUTE_MS,
        reason: plan.reason,
        kind: plan.kind,
        shortened: plan.shortenedApplied,
        ...(plan.name ? { name: plan.name } : {}),
        ...(plan.from ? { from: plan.from } : plan.swapsWith ? { from: plan.swapsWith } : {}),
        hours: plan.ranges.map(formatRange),
      })
    }
    return {
      receivedMs: startMs,
      startMs: clockStart,
      deadlineMs,
      duration,
      steps,
      warnings: this.warningsBetween(Math.min(startMs, deadlineMs), Math.max(startMs, deadlineMs)),
    }
  }

  /** Provisional and uncovered years this clock has built so far (each once), oldest first. */
  warnings(): CoverageWarning[] {
    return [...this.touched.values()].sort((a, b) => a.year - b.year)
  }

  /** Provisional and uncovered years between two instants, in the regulation's timezone. */
  warningsBetween(aMs: number, bMs: number): CoverageWarning[] {
    this.ensure(aMs)
    this.ensure(bMs)
    const from = yearOfDayNumber(this.firstDn + this.dayIndexOf(Math.min(aMs, bMs)))
    const to = yearOfDayNumber(this.firstDn + this.dayIndexOf(Math.max(aMs, bMs)))
    const years: Record<CoverageWarning['code'], number[]> = { provisional_year: [], uncovered_year: [] }
    for (let y = from; y <= to; y++) {
      const w = coverageWarning(this.calendar, y)
      if (w) years[w.code].push(y)
    }
    return mergeWarnings(this.calendar, years)
  }

  // ---- internals -------------------------------------------------------------------------

  /** Open ms from the start of the built range up to instant t (t inside the range). */
  private openBefore(t: number): number {
    const k = upperBound(this.starts, this.n, t) - 1
    if (k < 0) return 0
    const s = this.starts[k] as number
    const e = this.ends[k] as number
    return (this.cum[k] as number) + Math.min(t, e) - s
  }

  private addOpen(t: number, ms: number): number {
    if (ms === 0) return this.nextOpening(t)
    if (!(t >= this.lo && t < this.hi)) this.ensure(t)
    const target = this.openBefore(t) + ms
    while ((this.cum[this.n] as number) < target) this.growForward(true)
    const cum = this.cum
    // first j with cum[j] >= target; the deadline lies in interval j - 1
    let a = 0
    let b = this.n
    while (a < b) {
      const m = (a + b) >>> 1
      if ((cum[m] as number) < target) a = m + 1
      else b = m
    }
    const k = a - 1
    return (this.starts[k] as number) + target - (cum[k] as number)
  }

  private addWorkingDays(t: number, count: number): number {
    if (!Number.isInteger(count)) throw new RangeError(`expected a whole number of working days, got ${count}`)
    const s = this.nextOpening(t)
    if (count === 0) return s
    const k = upperBound(this.starts, this.n, s) - 1
    const d = this.intervalDay[k] as number
    const wall = s + ((s < (this.transition[d] as number) ? this.offsetStart[d] : this.offsetEnd[d]) as number)
    const wallTime = wall - (this.firstDn + d) * DAY_MS
    const need = (this.workBefore[d + 1] as number) + count
    while ((this.workBefore[this.nDays] as number) < need) this.growForward(true)
    // the target day D is the first with workBefore[D + 1] >= need
    const wb = this.workBefore
    let a = d + 2
    let b = this.nDays
    while (a < b) {
      const m = (a + b) >>> 1
      if ((wb[m] as number) < need) a = m + 1
      else b = m
    }
    const day = a - 1
    const target = this.wallOnDayIndex(day, wallTime)
    const f = this.dayFirst[day] as number
    const l = (this.dayFirst[day + 1] as number) - 1
    if (target <= (this.starts[f] as number)) return this.starts[f] as number
    if (target >= (this.ends[l] as number)) return this.ends[l] as number
    const p = upperBound(this.starts, this.n, target) - 1
    return target < (this.ends[p] as number) ? target : (this.starts[p + 1] as number)
  }

  private addCalendarDays(t: number, days: number): number {
    checkInstant(t)
    const whole = Math.trunc(days)
    const rest = Math.round((days - whole) * DAY_MS)
    this.ensure(t)
    const d = this.dayIndexOf(t)
    const wallTime =
      t +
      ((t < (this.transition[d] as number) ? this.offsetStart[d] : this.offsetEnd[d]) as number) -
      (this.firstDn + d) * DAY_MS
    const dn = this.firstDn + d + whole
    return this.wallOnDayIndex(this.ensureDay(dn), wallTime) + rest
  }

  private wallOnDayIndex(d: number, wallTime: number): number {
    return wallOnDay(
      (this.firstDn + d) * DAY_MS,
      {
        start: this.dayStart[d] as number,
        end: this.dayStart[d + 1] as number,
        offsetStart: this.offsetStart[d] as number,
        offsetEnd: this.offsetEnd[d] as number,
        transition: this.transition[d] as number,
      },
      wallTime,
    )
  }

  private dayIndexOf(t: number): number {
    return upperBound(this.dayStart, this.nDays, t) - 1
  }

  /** Builds the months needed to contain day number dn; returns its day index. */
  private ensureDay(dn: number): number {
    const month = monthOfDayNumber(dn)
    if (this.nDays === 0) this.extend(month, month)
    else if (month < this.firstMonth || month > this.lastMonth)
      this.extend(Math.min(month, this.firstMonth), Math.max(month, this.lastMonth))
    return dn - this.firstDn
  }

  private ensure(t: number): void {
    checkInstant(t)
    if (t >= this.lo && t < this.hi) return
    const wall = new Date(t + offsetMinutes(this.timezone, t) * MINUTE_MS)
    const month = wall.getUTCFullYear() * 12 + wall.getUTCMonth()
    if (this.nDays === 0) this.extend(month, month)
    else this.extend(Math.min(month, this.firstMonth), Math.max(month, this.lastMonth))
    // an instant just outside the zone's month boundary can still fall one month further
    while (t < this.lo) this.extend(this.firstMonth - 1, this.lastMonth)
    while (t >= this.hi) this.extend(this.firstMonth, this.lastMonth + 1)
  }

  /**
   * Builds further months: as many as are built already (at least one), so a long search (100,000
   * working days) builds and copies its range a few times, not once per month.
   */
  private growForward(needOpenTime: boolean): void {
    const before = this.n
    const span = this.lastMonth - this.firstMonth + 1
    const added = Math.max(1, Math.min(span, MAX_YEAR * 12 + 11 - this.lastMonth))
    this.extend(this.firstMonth, this.lastMonth + added)
    if (!needOpenTime) return
    this.emptyMonthsInARow = this.n === before ? this.emptyMonthsInARow + added : 0
    if (this.emptyMonthsInARow >= EMPTY_MONTHS_LIMIT) {
      const last = Math.floor(this.lastMonth / 12)
      throw new RangeError(
        `the working time has no open hours in ${Math.floor((this.lastMonth - EMPTY_MONTHS_LIMIT + 1) / 12)}–${last}`,
      )
    }
  }

  private extend(firstMonth: number, lastMonth: number): void {
    const firstYear = Math.floor(firstMonth / 12)
    const lastYear = Math.floor(lastMonth / 12)
    if (firstYear < MIN_YEAR || lastYear > MAX_YEAR)
      throw new RangeError(
        `business time is computed for years ${MIN_YEAR}–${MAX_YEAR}, got ${firstYear < MIN_YEAR ? firstYear : lastYear}`,
      )
    const before: MonthChunk[] = []
    const after: MonthChunk[] = []
    const built = this.nDays > 0
    for (let m = firstMonth; m <= lastMonth; m++) {
      if (built && m >= this.firstMonth && m <= this.lastMonth) continue
      ;(built && m > this.lastMonth ? after : before).push(this.buildMonth(m))
    }
    if (!before.length && !after.length) return
    this.chunks = [...before, ...this.chunks, ...after]
    this.firstMonth = firstMonth
    this.lastMonth = lastMonth
    this.flatten()
  }

  private buildMonth(month: number): MonthChunk {
    const year = Math.floor(month / 12)
    const firstDn = dayNumberOfYmd(year, (month % 12) + 1, 1)
    const days = dayNumberOfYmd(Math.floor((month + 1) / 12), ((month + 1) % 12) + 1, 1) - firstDn
    const chunk: MonthChunk = {
      month,
      firstDn,
      dayStart: new Float64Array(days + 1),
      offsetStart: new Float64Array(days),
      offsetEnd: new Float64Array(days),
      transition: new Float64Array(days),
      intervalsPerDay: new Int32Array(days),
      starts: [],
      ends: [],
    }
    for (let i = 0; i < days; i++) {
      const dn = firstDn + i
      const offsets = dayOffsets(this.zone, dn)
      chunk.dayStart[i] = offsets.start
      chunk.dayStart[i + 1] = offsets.end
      chunk.offsetStart[i] = offsets.offsetStart
      chunk.offsetEnd[i] = offsets.offsetEnd
      chunk.transition[i] = offsets.transition
      const plan = planDay(this.workingTime, this.calendar, isoOfDayNumber(dn))
      let count = 0
      let previousEnd = Number.NEGATIVE_INFINITY
      for (const [from, to] of plan.ranges) {
        // clamped against the previous range so unvalidated overlapping hours cannot break the order
        const s = Math.max(wallOnDay(dn * DAY_MS, offsets, from * MINUTE_MS), previousEnd)
        const e = wallOnDay(dn * DAY_MS, offsets, to * MINUTE_MS)
        if (e <= s) continue
        chunk.starts.push(s)
        chunk.ends.push(e)
        previousEnd = e
        count++
      }
      chunk.intervalsPerDay[i] = count
    }
    const warning = coverageWarning(this.calendar, year)
    if (warning) this.touched.set(year, warning)
    return chunk
  }

  private flatten(): void {
    const chunks = this.chunks
    let nDays = 0
    let n = 0
    for (const c of chunks) {
      nDays += c.offsetStart.length
      n += c.starts.length
    }
    const dayStart = new Float64Array(nDays + 1)
    const offsetStart = new Float64Array(nDays)
    const offsetEnd = new Float64Array(nDays)
    const transition = new Float64Array(nDays)
    const dayFirst = new Int32Array(nDays + 1)
    const workBefore = new Int32Array(nDays + 1)
    const starts = new Float64Array(n)
    const ends = new Float64Array(n)
    const cum = new Float64Array(n + 1)
    const intervalDay = new Int32Array(n)
    let d = 0
    let i = 0
    for (const c of chunks) {
      const days = c.offsetStart.length
      dayStart.set(c.dayStart.subarray(0, days), d)
      offsetStart.set(c.offsetStart, d)
      offsetEnd.set(c.offsetEnd, d)
      transition.set(c.transition, d)
      let j = 0
      for (let k = 0; k < days; k++, d++) {
        dayFirst[d] = i
        const count = c.intervalsPerDay[k] as number
        workBefore[d + 1] = (workBefore[d] as number) + (count > 0 ? 1 : 0)
        for (let m = 0; m < count; m++, i++, j++) {
          starts[i] = c.starts[j] as number
          ends[i] = c.ends[j] as number
          cum[i + 1] = (cum[i] as number) + (c.ends[j] as number) - (c.starts[j] as number)
          intervalDay[i] = d
        }
      }
      dayStart[d] = c.dayStart[days] as number
    }
    dayFirst[nDays] = n
    this.firstDn = chunks[0]?.firstDn ?? 0
    this.nDays = nDays
    this.dayStart = dayStart
    this.offsetStart = offsetStart
    this.offsetEnd = offsetEnd
    this.transition = transition
    this.dayFirst = dayFirst
    this.workBefore = workBefore
    this.n = n
    this.starts = starts
    this.ends = ends
    this.cum = cum
    this.intervalDay = intervalDay
    this.lo = dayStart[0] as number
    this.hi = dayStart[nDays] as number
  }
}

/** One warning per kind, naming the years as ranges: "2028–2031, 2040". */
function mergeWarnings(
  calendar: ProductionCalendar,
  years: Record<CoverageWarning['code'], number[]>,
): CoverageWarning[] {
  const out: CoverageWarning[] = []
  const provisional = years.provisional_year
  const uncovered = years.uncovered_year
  if (provisional.length)
    out.push({
      code: 'provisional_year',
      year: provisional[0] as number,
      years: provisional,
      message: `the ${calendar.id} production calendar for ${yearRanges(provisional)} is provisional (no decree yet): transfers and shortened days may change`,
    })
  if (uncovered.length)
    out.push({
      code: 'uncovered_year',
      year: uncovered[0] as number,
      years: uncovered,
      message: `the ${calendar.id} production calendar does not cover ${yearRanges(uncovered)}: only the statutory holidays are applied`,
    })
  return out
}

function yearRanges(years: readonly number[]): string {
  const parts: string[] = []
  for (let i = 0; i < years.length; ) {
    let j = i
    while (j + 1 < years.length && (years[j + 1] as number) === (years[j] as number) + 1) j++
    parts.push(i === j ? String(years[i]) : `${years[i]}–${years[j]}`)
    i = j + 1
  }
  return parts.join(', ')
}

function coverageWarning(calendar: ProductionCalendar, year: number): CoverageWarning | undefined {
  const coverage = coverageOf(calendar, year)
  if (coverage === 'provisional')
    return {
      code: 'provisional_year',
      year,
      years: [year],
      message: `the ${calendar.id} production calendar for ${year} is provisional (no decree yet): transfers and shortened days may change`,
    }
  if (coverage === 'uncovered')
    return {
      code: 'uncovered_year',
      year,
      years: [year],
      message: `the ${calendar.id} production calendar does not cover ${year}: only the statutory holidays are applied`,
    }
  return undefined
}

function checkInstant(t: number): number {
  if (!Number.isFinite(t)) throw new RangeError(`expected an instant in epoch milliseconds, got ${t}`)
  return t
}

/** Number of elements among the first `n` of the sorted array that are <= x. */
function upperBound(arr: Float64Array, n: number, x: number): number {
  let a = 0
  let b = n
  while (a < b) {
    const m = (a + b) >>> 1
    if ((arr[m] as number) <= x) a = m + 1
    else b = m
  }
  return a
}
