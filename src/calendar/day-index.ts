import type { ProductionCalendar } from './calendar.js'
import { type CoverageWarning, coverageWarning } from './coverage.js'
import { DAY_MS, dayNumberOfYmd, isoOfDayNumber, monthOfDayNumber } from './dates.js'
import { planDay } from './day-plan.js'
import { offsetMinutes } from './instant.js'
import { bisect } from './search.js'
import type { WorkingTime } from './time-types.js'
import { dayOffsets, wallOnDay, type Zone, zoneOf } from './zone.js'

const MINUTE_MS = 60_000
const MIN_YEAR = 1900
const MAX_YEAR = 2600
/** consecutive months without any open time after which a search gives up (two years) */
const EMPTY_MONTHS_LIMIT = 24

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

/**
 * The open intervals of one working time as epoch milliseconds in flat typed arrays with prefix sums, built a month at
 * a time in both directions as instants ask for them (a command asks for a few days, and building days is most of its
 * work). BusinessClock (src/calendar/clock.ts) answers from these tables by binary search.
 */
export class DayIndex {
  private readonly zone: Zone
  private chunks: MonthChunk[] = []
  private firstMonth = 0
  private lastMonth = -1
  private emptyMonthsInARow = 0
  /** the years built so far that the calendar covers only provisionally or not at all */
  readonly touched = new Map<number, CoverageWarning>()

  // flat day tables, day i = day number firstDn + i
  firstDn = 0
  nDays = 0
  dayStart = new Float64Array(1)
  offsetStart = new Float64Array(0)
  offsetEnd = new Float64Array(0)
  transition = new Float64Array(0)
  /** index of each day's first interval; day i owns [dayFirst[i], dayFirst[i + 1]) */
  dayFirst = new Int32Array(1)
  /** number of working days (days with open time) before day i */
  workBefore = new Int32Array(1)

  // flat interval tables
  n = 0
  starts = new Float64Array(0)
  ends = new Float64Array(0)
  /** open ms before interval i; cum[n] is the total */
  cum = new Float64Array(1)
  intervalDay = new Int32Array(0)
  /** the built range: [lo, hi) */
  lo = Number.POSITIVE_INFINITY
  hi = Number.NEGATIVE_INFINITY

  constructor(
    readonly workingTime: WorkingTime,
    readonly calendar: ProductionCalendar,
  ) {
    this.zone = zoneOf(workingTime.timezone)
  }

  /** Number of intervals starting at or before `t`: the interval containing `t`, if any, is the one before. */
  intervalsUpTo(t: number): number {
    return bisect(this.starts, 0, this.n, t)
  }

  ensure(t: number): void {
    checkInstant(t)
    if (t >= this.lo && t < this.hi) return
    const wall = new Date(t + offsetMinutes(this.workingTime.timezone, t) * MINUTE_MS)
    const month = wall.getUTCFullYear() * 12 + wall.getUTCMonth()
    if (this.nDays === 0) this.extend(month, month)
    else this.extend(Math.min(month, this.firstMonth), Math.max(month, this.lastMonth))
    // an instant just outside the zone's month boundary can still fall one month further
    while (t < this.lo) this.extend(this.firstMonth - 1, this.lastMonth)
    while (t >= this.hi) this.extend(this.firstMonth, this.lastMonth + 1)
  }

  /** Builds the months needed to contain day number dn; returns its day index. */
  ensureDay(dn: number): number {
    const month = monthOfDayNumber(dn)
    if (this.nDays === 0) this.extend(month, month)
    else if (month < this.firstMonth || month > this.lastMonth)
      this.extend(Math.min(month, this.firstMonth), Math.max(month, this.lastMonth))
    return dn - this.firstDn
  }

  /**
   * Builds further months: as many as are built already (at least one), so a long search (100,000
   * working days) builds and copies its range a few times, not once per month.
   */
  growForward(needOpenTime: boolean): void {
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

  /** Open ms from the start of the built range up to instant t (t inside the range). */
  openBefore(t: number): number {
    const k = bisect(this.starts, 0, this.n, t) - 1
    if (k < 0) return 0
    const s = this.starts[k] as number
    const e = this.ends[k] as number
    return (this.cum[k] as number) + Math.min(t, e) - s
  }

  dayIndexOf(t: number): number {
    return bisect(this.dayStart, 0, this.nDays, t) - 1
  }

  wallOnDayIndex(d: number, wallTime: number): number {
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

export function checkInstant(t: number): number {
  if (!Number.isFinite(t)) throw new RangeError(`expected an instant in epoch milliseconds, got ${t}`)
  return t
}
