import type { BusinessClock } from '../calendar/clock.js'

/**
 * The state of one reaction window (the words `overdue` and `report` use too):
 * - `met`: answered at or before the deadline; `late`: answered after it;
 * - `pending`: unanswered, not yet due; `at_risk`: unanswered, past the target or with less than
 *   AT_RISK_SHARE of the limit left (in working minutes); `overdue`: unanswered, past the deadline;
 * - `not_regulated`: the level states no reaction time (or the ticket has no level yet).
 */
export type WindowStatus = 'met' | 'late' | 'pending' | 'at_risk' | 'overdue' | 'not_regulated'

export const WINDOW_STATUSES: readonly WindowStatus[] = [
  'met',
  'late',
  'pending',
  'at_risk',
  'overdue',
  'not_regulated',
]

/** An unanswered window with less than this share of its limit left is at risk. */
export const AT_RISK_SHARE = 0.2

export interface StatusInput {
  openedAt: number
  deadline: number | null
  target: number | null
  respondedAt: number | null
}

/**
 * @example
 * // moguta, opened Fri 18:00, deadline Wed 18:00 (3 working days), target Mon 18:00
 * windowStatus(clock, { openedAt: fri18, deadline: wed18, target: mon18, respondedAt: mon11 }, now) //=> 'met'
 * windowStatus(clock, { openedAt: fri18, deadline: wed18, target: mon18, respondedAt: null }, tue12) //=> 'at_risk' (past the target)
 */
export function windowStatus(clock: BusinessClock, w: StatusInput, now: number): WindowStatus {
  if (w.deadline === null) return 'not_regulated'
  if (w.respondedAt !== null) return w.respondedAt <= w.deadline ? 'met' : 'late'
  if (now > w.deadline) return 'overdue'
  if (w.target !== null && now >= w.target) return 'at_risk'
  const limit = clock.elapsed(w.openedAt, w.deadline)
  const left = clock.elapsed(Math.max(now, w.openedAt), w.deadline)
  return left < AT_RISK_SHARE * limit ? 'at_risk' : 'pending'
}

/** True for the statuses of an unanswered window that needs attention now. */
export function isAlert(status: WindowStatus, withAtRisk: boolean): boolean {
  return status === 'overdue' || (withAtRisk && status === 'at_risk')
}
