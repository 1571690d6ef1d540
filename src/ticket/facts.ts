import { instantMs } from '../calendar/instant.js'
import type { Ticket, TicketEvent } from './ticket.js'

/**
 * What a store indexes a ticket by, derived from the ticket alone (no regulation): the team
 * store keeps these as columns so `overdue`, `queue` and `report` select their tickets in SQL;
 * the file store computes them on the fly with the same function, so both select the same
 * tickets. Instants are epoch ms.
 */
export interface TicketFacts {
  /** the latest event, receipt included */
  lastEventAt: number
  /** receipt or the customer's latest reply (the imagecms queue order) */
  lastCustomerAt: number
  /** the latest instant a window may have opened: receipt, a recorded opening or a customer reply */
  lastOpenedAt: number
  /** the recorded deadline of the latest window when no reaction followed it; null otherwise */
  openDeadline: number | null
  /** its recorded target */
  openTarget: number | null
  /** whether every window has a record (false: a ticket stored before windows were recorded) */
  recorded: boolean
}

const REACTION_STATUSES: ReadonlySet<string> = new Set(['waiting_customer', 'resolved', 'closed'])

function isReaction(e: TicketEvent): boolean {
  return e.type === 'agent_response' || (e.type === 'status_change' && REACTION_STATUSES.has(e.to ?? ''))
}

export function ticketFacts(t: Ticket): TicketFacts {
  const received = instantMs(t.received_at)
  let lastEventAt = received
  let lastCustomerAt = received
  let lastReaction = Number.NEGATIVE_INFINITY
  // of the reactions at lastReaction, the last in the list: events of one instant count in list order, as in
  // sla/windows.ts (a stable sort), so a reply recorded after a response in the same minute opens a window
  let lastReactionIndex = -1
  let lastReplyIndex = -1
  for (let i = 0; i < t.events.length; i++) {
    const e = t.events[i] as TicketEvent
    const at = instantMs(e.at)
    if (at > lastEventAt) lastEventAt = at
    if (e.type === 'customer_reply' && at >= lastCustomerAt) {
      lastCustomerAt = at
      lastReplyIndex = i
    }
    if (isReaction(e) && at >= lastReaction) {
      lastReaction = at
      lastReactionIndex = i
    }
  }
  let lastOpenedAt = lastCustomerAt
  let openDeadline: number | null = null
  let openTarget: number | null = null
  const records = t.windows
  if (records?.length) {
    let last = records[0]
    let lastAt = Number.NEGATIVE_INFINITY
    for (const r of records) {
      const at = instantMs(r.opened_at)
      if (at >= lastAt) {
        last = r
        lastAt = at
      }
    }
    if (lastAt > lastOpenedAt) lastOpenedAt = lastAt
    // the window opened by a reply is still open after a reaction of the same instant listed before that reply
    const openerIndex = last?.opened_by === 'customer_reply' && lastAt === lastCustomerAt ? lastReplyIndex : -1
    const reacted = lastReaction > lastAt || (lastReaction === lastAt && lastReactionIndex > openerIndex)
    if (last && !reacted) {
      openDeadline = last.deadline === null ? null : instantMs(last.deadline)
      openTarget = last.target === null ? null : instantMs(last.target)
    }
  }
  // a window recorded as unregulated for want of a level (before issue 16) is held to the
  // assumed level now: it counts as unrecorded, so `overdue` looks at it
  const recorded = Boolean(records?.length) && !records?.some((r) => r.reason === 'no_level' && r.level === null)
  return { lastEventAt, lastCustomerAt, lastOpenedAt, openDeadline, openTarget, recorded }
}

/**
 * ticketFacts(t).lastOpenedAt alone, reading only the instants it needs (receipt, replies, recorded openings): a
 * report selects its tickets by it over a whole store.
 */
export function lastOpenedAt(t: Ticket): number {
  let last = instantMs(t.received_at)
  for (const e of t.events) {
    if (e.type !== 'customer_reply') continue
    const at = instantMs(e.at)
    if (at > last) last = at
  }
  for (const r of t.windows ?? []) {
    const at = instantMs(r.opened_at)
    if (at > last) last = at
  }
  return last
}
