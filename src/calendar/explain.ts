import type { DayKindName } from './calendar.js'
import type { BusinessClock } from './clock.js'
import type { CoverageWarning } from './coverage.js'
import { isoOfDayNumber } from './dates.js'
import type { DayIndex } from './day-index.js'
import { type DayReason, formatRange, planDay } from './day-plan.js'
import type { Duration } from './time-types.js'

const MINUTE_MS = 60_000

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

/**
 * Day by day from receipt to deadline, for `deadline --explain`: every day, counted or not, with its hours and why.
 *
 * @example
 * explainDeadline(clock, index, fri('16:30'), { amount: 4, unit: 'working_hours' }).steps.map((s) => [s.date, s.minutesCounted])
 * //=> [['2025-03-07', 90], ['2025-03-08', 0], ['2025-03-09', 0], ['2025-03-10', 150]]
 */
export function explainDeadline(clock: BusinessClock, ix: DayIndex, startMs: number, duration: Duration): Explanation {
  const deadlineMs = clock.add(startMs, duration)
  const openUnit = duration.unit.startsWith('working_')
  const clockStart = openUnit ? clock.nextOpening(startMs) : startMs
  ix.ensure(startMs)
  ix.ensure(deadlineMs)
  const first = ix.dayIndexOf(startMs)
  const last = ix.dayIndexOf(deadlineMs > startMs ? deadlineMs - 1 : deadlineMs)
  const startDay = ix.dayIndexOf(clockStart)
  const steps: ExplainStep[] = []
  for (let d = first; d <= last; d++) {
    const date = isoOfDayNumber(ix.firstDn + d)
    const plan = planDay(ix.workingTime, ix.calendar, date)
    let open = 0
    let counted = 0
    for (let i = ix.dayFirst[d] as number; i < (ix.dayFirst[d + 1] as number); i++) {
      const s = ix.starts[i] as number
      const e = ix.ends[i] as number
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
    warnings: clock.warningsBetween(Math.min(startMs, deadlineMs), Math.max(startMs, deadlineMs)),
  }
}
