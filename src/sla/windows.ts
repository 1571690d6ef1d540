import type { BusinessClock } from '../calendar/clock.js'
import type { Regulation } from '../regulation/load.js'
import type { TicketEvent } from '../store/ticket.js'
import { computeDeadline, UnknownLevelError } from './deadline.js'
import { type WindowStatus, windowStatus } from './status.js'

/** What the windows of a ticket depend on (a stored ticket has it). */
export interface WindowTicket {
  level: string | null
  received_at: string
  events: readonly Pick<TicketEvent, 'type' | 'at' | 'from' | 'to'>[]
}

/** One reaction window: from what opened it to the reaction that closed it. Instants are epoch ms. */
export interface ReactionWindow {
  openedAt: number
  openedBy: 'received' | 'customer_reply'
  /** the level in force when the window opened */
  level: string | null
  deadline: number | null
  target: number | null
  respondedAt: number | null
  /** an agent response, or the agent moving the ticket to waiting/resolved/closed without one */
  respondedBy: 'agent_response' | 'status_change' | null
  status: WindowStatus
  /** why there is no deadline: the level states none, the ticket has no level, or its level is unknown */
  reason: 'not_regulated' | 'no_level' | 'unknown_level' | null
  /** working minutes from opening to the reaction */
  reactionWorkingMinutes: number | null
}

const ENDING_STATUSES: ReadonlySet<string> = new Set(['waiting_customer', 'resolved', 'closed'])

/**
 * The reaction windows of a ticket as of `now` (DESIGN.md, "SLA of a ticket"). Pure.
 *
 * - The first window opens at receipt; the first agent response after it closes it.
 * - Under `reactionWindows.opens: every-customer-reply` (advantshop, umi) a customer reply that
 *   comes after the last window was answered opens a new window; replies while a window is
 *   still open add nothing (that window is still running).
 * - Moving the ticket to waiting_customer, resolved or closed closes an open window too: the
 *   agent has acted on the request (it counts as the reaction, `respondedBy: 'status_change'`).
 * - A window's deadline and target come from the level in force when it opened: a level change
 *   applies to the windows opened at or after it, never retroactively (an advantshop transfer to
 *   `development` does not turn an already missed `free` deadline into a met one).
 * - Events after `now` are ignored, so `--now` in the past gives the picture of that moment.
 *
 * @example
 * // moguta (3 working days, target 1): received Fri 18:00, answered Mon 11:00
 * ticketWindows(ticket, moguta, clock, now)[0] //=> { deadline: Wed 18:00, target: Mon 18:00, status: 'met', … }
 */
export function ticketWindows(
  ticket: WindowTicket,
  reg: Regulation,
  clock: BusinessClock,
  now: number,
): ReactionWindow[] {
  const received = Date.parse(ticket.received_at)
  const events = timeline(ticket.events, now)
  const initialLevel = firstLevelChange(ticket.events)?.from ?? ticket.level
  const everyReply = reg.reactionWindows.opens === 'every-customer-reply'

  const opened: { at: number; by: ReactionWindow['openedBy']; level: string | null }[] = []
  const answers: { at: number; by: 'agent_response' | 'status_change' }[] = []
  let level = initialLevel
  let open = true
  opened.push({ at: received, by: 'received', level: initialLevel })
  for (const e of events) {
    if (e.type === 'level_change') {
      level = e.to ?? null
      // an open window keeps its level; one opened at this same instant takes the new one
      const last = opened[opened.length - 1]
      if (last && open && last.at === e.ms) last.level = level
    } else if (
      open &&
      (e.type === 'agent_response' || (e.type === 'status_change' && ENDING_STATUSES.has(e.to ?? '')))
    ) {
      if (e.ms >= (opened[opened.length - 1]?.at ?? received)) {
        answers.push({ at: e.ms, by: e.type === 'agent_response' ? 'agent_response' : 'status_change' })
        open = false
      }
    } else if (!open && everyReply && e.type === 'customer_reply') {
      opened.push({ at: e.ms, by: 'customer_reply', level })
      open = true
    }
  }
  return opened.map((o, i) => windowOf(reg, clock, now, o, answers[i] ?? null))
}

function windowOf(
  reg: Regulation,
  clock: BusinessClock,
  now: number,
  o: { at: number; by: ReactionWindow['openedBy']; level: string | null },
  answer: { at: number; by: 'agent_response' | 'status_change' } | null,
): ReactionWindow {
  let deadline: number | null = null
  let target: number | null = null
  let reason: ReactionWindow['reason'] = null
  if (o.level === null) reason = 'no_level'
  else {
    try {
      const d = computeDeadline(reg, clock, { receivedAt: o.at, level: o.level })
      deadline = d.deadline
      target = d.target
      if (d.reason) reason = d.reason
    } catch (e) {
      if (!(e instanceof UnknownLevelError)) throw e
      reason = 'unknown_level'
    }
  }
  const respondedAt = answer?.at ?? null
  return {
    openedAt: o.at,
    openedBy: o.by,
    level: o.level,
    deadline,
    target,
    respondedAt,
    respondedBy: answer?.by ?? null,
    status: windowStatus(clock, { openedAt: o.at, deadline, target, respondedAt }, now),
    reason,
    reactionWorkingMinutes: respondedAt === null ? null : clock.elapsed(o.at, respondedAt),
  }
}

/** The earliest level change in time (whatever `now` is): its `from` is the level the ticket was received with. */
function firstLevelChange(events: WindowTicket['events']) {
  let first: WindowTicket['events'][number] | undefined
  let firstMs = Number.POSITIVE_INFINITY
  for (const e of events) {
    if (e.type !== 'level_change') continue
    const ms = Date.parse(e.at)
    if (ms < firstMs) {
      first = e
      firstMs = ms
    }
  }
  return first
}

interface TimedEvent {
  type: TicketEvent['type']
  ms: number
  from: string | null
  to: string | null
}

/** The events up to `now` in time order (events may be recorded late with --at; ties keep their order). */
function timeline(events: WindowTicket['events'], now: number): TimedEvent[] {
  const out: TimedEvent[] = []
  let sorted = true
  for (const e of events) {
    const ms = Date.parse(e.at)
    if (ms > now) continue
    const last = out[out.length - 1]
    if (last && ms < last.ms) sorted = false
    out.push({ type: e.type, ms, from: e.from ?? null, to: e.to ?? null })
  }
  if (!sorted) out.sort((a, b) => a.ms - b.ms)
  return out
}

/** The window that decides whether a ticket needs attention: the last one (only the last can be open). */
export function currentWindow(windows: readonly ReactionWindow[]): ReactionWindow | undefined {
  return windows[windows.length - 1]
}
