import { type BusinessClock, type CoverageWarning, clockFor, type ExplainStep } from '../calendar/clock.js'
import { defaultLevel } from '../regulation/describe.js'
import { levelWorkingTime } from '../regulation/level-time.js'
import type { Regulation } from '../regulation/load.js'
import type { Duration } from '../regulation/schema.js'

/** A reaction deadline and how it was reached. Instants are epoch ms. */
export interface Deadline {
  regulation: string
  /** the level it comes from; null for an ad-hoc duration */
  level: string | null
  duration: Duration | null
  targetDuration: Duration | null
  receivedAt: number
  /** when the clock starts: the first open instant at or after receipt (calendar units: receipt) */
  clockStart: number
  deadline: number | null
  target: number | null
  /** why there is no deadline */
  reason: 'not_regulated' | null
  warnings: CoverageWarning[]
  /** day-by-day derivation, when asked for */
  steps?: ExplainStep[]
}

export interface DeadlineRequest {
  receivedAt: number
  level?: string
  duration?: Duration
  explain?: boolean
}

/**
 * The deadline of a level's reaction limit (and its softer target), or of an ad-hoc duration,
 * counted in the regulation's working time. A level without a limit has no deadline: `not_regulated`.
 * @throws Error with a message naming the valid levels for an unknown level (the caller words it)
 */
export function computeDeadline(reg: Regulation, clock: BusinessClock, req: DeadlineRequest): Deadline {
  const level = req.duration ? null : (req.level ?? defaultLevel(reg))
  const spec = level === null ? undefined : reg.levels[level]
  if (level !== null && !spec) throw new UnknownLevelError(reg, level)
  clock = levelClock(reg, clock, level)
  const duration = req.duration ?? spec?.limit ?? null
  const targetDuration = req.duration ? null : (spec?.target ?? null)
  const clockStart =
    duration && !duration.unit.startsWith('calendar') ? clock.nextOpening(req.receivedAt) : req.receivedAt
  if (!duration) {
    return {
      regulation: reg.id,
      level,
      duration: null,
      targetDuration: null,
      receivedAt: req.receivedAt,
      clockStart: req.receivedAt,
      deadline: null,
      target: null,
      reason: 'not_regulated',
      warnings: clock.warningsBetween(req.receivedAt, req.receivedAt),
    }
  }
  const explanation = req.explain ? clock.explain(req.receivedAt, duration) : undefined
  const deadline = explanation?.deadlineMs ?? clock.add(req.receivedAt, duration)
  const target = targetDuration ? clock.add(req.receivedAt, targetDuration) : null
  return {
    regulation: reg.id,
    level,
    duration,
    targetDuration,
    receivedAt: req.receivedAt,
    clockStart,
    deadline,
    target,
    reason: null,
    warnings: clock.warningsBetween(req.receivedAt, Math.max(deadline, target ?? deadline)),
    ...(explanation ? { steps: explanation.steps } : {}),
  }
}

/**
 * The deadline and target of a reaction window of `level` opened at `openedAt`: the same rule as
 * computeDeadline without its by-products (clock start, coverage warnings, explanation), for the
 * windows of every ticket of a report.
 */
export function levelDeadline(
  reg: Regulation,
  clock: BusinessClock,
  openedAt: number,
  level: string,
): { deadline: number | null; target: number | null; reason: 'not_regulated' | 'unknown_level' | null } {
  const spec = reg.levels[level]
  if (!spec) return { deadline: null, target: null, reason: 'unknown_level' }
  if (!spec.limit) return { deadline: null, target: null, reason: 'not_regulated' }
  clock = levelClock(reg, clock, level)
  return {
    deadline: clock.add(openedAt, spec.limit),
    target: spec.target ? clock.add(openedAt, spec.target) : null,
    reason: null,
  }
}

/**
 * The clock a level counts its limit on: the regulation's, or the one of the level's own working
 * time (regulations/README.md, level `workingTime`; umi consulting counts weekdays only). Both are
 * the same engine (src/calendar/clock.ts) on the same calendar; only the hours differ.
 *
 * @example
 * // umi consulting, 20 working hours from Fri 17:00: Mon–Fri 09–18 only
 * levelClock(umi, clock, 'consulting').add(fri17, { amount: 20, unit: 'working_hours' }) //=> Wed 10:00
 */
export function levelClock(reg: Regulation, clock: BusinessClock, level: string | null | undefined): BusinessClock {
  const wt = levelWorkingTime(reg, level)
  return wt === clock.workingTime ? clock : clockFor(wt, clock.calendar)
}

export class UnknownLevelError extends Error {
  constructor(
    readonly regulation: Regulation,
    readonly level: string,
  ) {
    super(`unknown level "${level}" for ${regulation.id}; levels: ${Object.keys(regulation.levels).join(', ')}`)
  }
}
