import { DateTime, IANAZone } from 'luxon'
import type { ProductionCalendar } from '../../../src/calendar/calendar.js'
import { dayKind } from '../../../src/calendar/calendar.js'
import type { WorkingTime } from '../../../src/regulation/schema.js'

/**
 * A deliberately simple business-time model: a bitmap of open minutes over a window, derived
 * minute by minute from the wall clock. Slow and obvious; the property tests compare the clock
 * with it. Only valid where every range boundary is a whole minute and no range touches a
 * DST gap or overlap.
 */
export class ReferenceClock {
  readonly open: Uint8Array
  private readonly prefix: Int32Array
  private readonly zone: IANAZone

  constructor(
    private readonly wt: WorkingTime,
    private readonly calendar: ProductionCalendar,
    readonly from: number,
    readonly minutes: number,
  ) {
    this.zone = IANAZone.create(wt.timezone)
    this.open = new Uint8Array(minutes)
    this.prefix = new Int32Array(minutes + 1)
    const offsets = new Map<number, number>()
    for (let i = 0; i < minutes; i++) {
      const t = from + i * 60_000
      const hour = Math.floor(t / 3_600_000)
      let offset = offsets.get(hour)
      if (offset === undefined) {
        offset = this.zone.offset(t)
        offsets.set(hour, offset)
      }
      const wall = new Date(t + offset * 60_000)
      const date = wall.toISOString().slice(0, 10)
      const minute = wall.getUTCHours() * 60 + wall.getUTCMinutes()
      this.open[i] = this.rangesOf(date).some(([s, e]) => s <= minute && minute < e) ? 1 : 0
      this.prefix[i + 1] = (this.prefix[i] as number) + (this.open[i] as number)
    }
  }

  private readonly cache = new Map<string, [number, number][]>()

  /** The policy, restated plainly. */
  rangesOf(date: string): [number, number][] {
    const hit = this.cache.get(date)
    if (hit) return hit
    const k = dayKind(this.calendar, date)
    const weekday =
      (['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const)[new Date(`${date}T00:00:00Z`).getUTCDay()] ?? 'mon'
    let hours: readonly string[] = []
    if (k.kind === 'workday' || k.kind === 'weekend') hours = this.wt.weekly[weekday]
    if (k.kind === 'holiday' || k.kind === 'non_working') hours = this.wt.holidays === 'closed' ? [] : this.wt.holidays
    if (k.kind === 'transferred_day_off')
      hours = this.wt.transferredDaysOff === 'closed' ? [] : this.wt.transferredDaysOff
    if (k.kind === 'working_weekend')
      hours =
        typeof this.wt.workingWeekends === 'string' ? this.wt.weekly[this.wt.workingWeekends] : this.wt.workingWeekends
    const minutesOf = (s: string) => Number(s.slice(0, 2)) * 60 + Number(s.slice(3, 5))
    // as a set of open minutes, so shortening is "drop the last N open minutes of the day"
    const set: number[] = []
    for (const h of hours) for (let m = minutesOf(h.slice(0, 5)); m < minutesOf(h.slice(6)); m++) set.push(m)
    set.sort((a, b) => a - b)
    if (
      k.shortened &&
      this.wt.shortenedDayMinutes > 0 &&
      (k.kind === 'workday' || k.kind === 'working_weekend') &&
      set.length
    )
      set.length = Math.max(0, set.length - this.wt.shortenedDayMinutes)
    const ranges: [number, number][] = []
    for (const m of set) {
      const last = ranges[ranges.length - 1]
      if (last && last[1] === m) last[1] = m + 1
      else ranges.push([m, m + 1])
    }
    this.cache.set(date, ranges)
    return ranges
  }

  private index(t: number): number {
    return (t - this.from) / 60_000
  }

  /** undefined when the answer lies outside the window */
  add(t: number, minutes: number): number | undefined {
    let count = 0
    for (let i = this.index(t); i < this.minutes; i++) {
      if (this.open[i]) count++
      if (count === minutes) return this.from + (i + 1) * 60_000
    }
    return undefined
  }

  elapsed(a: number, b: number): number {
    const sign = a <= b ? 1 : -1
    const [x, y] = a <= b ? [a, b] : [b, a]
    const count = (this.prefix[this.index(y)] as number) - (this.prefix[this.index(x)] as number)
    return count === 0 ? 0 : sign * count
  }

  workingDays(t: number, n: number): number | undefined {
    let i = this.index(t)
    while (i < this.minutes && !this.open[i]) i++
    if (i >= this.minutes) return undefined
    const s = DateTime.fromMillis(this.from + i * 60_000, { zone: this.zone })
    const wall = s.hour * 60 + s.minute
    let day = s.startOf('day')
    for (let found = 0; found < n; ) {
      day = day.plus({ days: 1 })
      if (day.toMillis() >= this.from + this.minutes * 60_000) return undefined
      if (this.rangesOf(day.toISODate() as string).length) found++
    }
    const ranges = this.rangesOf(day.toISODate() as string)
    const first = ranges[0] as [number, number]
    const last = ranges[ranges.length - 1] as [number, number]
    let target = wall
    if (wall <= first[0]) target = first[0]
    else if (wall >= last[1]) target = last[1]
    else if (!ranges.some(([a, b]) => a <= wall && wall < b))
      target = (ranges.find(([a]) => a > wall) as [number, number])[0]
    if (target === 1440) return day.plus({ days: 1 }).startOf('day').toMillis()
    return day.set({ hour: Math.floor(target / 60), minute: target % 60 }).toMillis()
  }
}
