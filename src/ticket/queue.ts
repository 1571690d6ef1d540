import type { Regulation } from '../regulation/load.js'
import type { Ticket } from './ticket.js'

export interface QueueEntry {
  ticket: Ticket
  /** 1-based place in its regulation's queue */
  position: number
  /** the last time the customer wrote: receipt or their last reply */
  lastCustomerAt: number
}

/** Tickets that are someone's move: new or open (waiting for the customer, resolved and closed are not). */
export function inQueue(t: Ticket): boolean {
  return t.status === 'new' || t.status === 'open'
}

/**
 * The order to work a regulation's tickets in, by its `queue` policy:
 * - `received`: first come, first served (moguta, advantshop, mst, umi);
 * - `tier-then-last-customer-comment`: by `tierOrder` (imagecms: Premium, then Pro, then the
 *   rest), then the oldest last customer comment first;
 * - `criticalFirst` (advantshop, umi): critical "restore a broken site" tickets go before all others.
 * Ties keep receipt order, then id.
 */
export function queueOrder(tickets: readonly Ticket[], reg: Regulation): QueueEntry[] {
  const q = reg.queue
  const tierRank = (tier: string | null) => {
    const i = tier === null ? -1 : (q.tierOrder ?? []).indexOf(tier)
    return i === -1 ? Number.MAX_SAFE_INTEGER : i
  }
  const rows = tickets
    .filter((t) => t.regulation === reg.id && inQueue(t))
    .map((t) => ({ ticket: t, received: Date.parse(t.received_at), lastCustomerAt: lastCustomerAt(t) }))
  rows.sort((a, b) => {
    if (q.criticalFirst && a.ticket.critical !== b.ticket.critical) return a.ticket.critical ? -1 : 1
    if (q.order === 'tier-then-last-customer-comment') {
      const byTier = tierRank(a.ticket.tier) - tierRank(b.ticket.tier)
      if (byTier) return byTier
      if (a.lastCustomerAt !== b.lastCustomerAt) return a.lastCustomerAt - b.lastCustomerAt
    }
    return a.received - b.received || (a.ticket.id < b.ticket.id ? -1 : a.ticket.id > b.ticket.id ? 1 : 0)
  })
  return rows.map((r, i) => ({ ticket: r.ticket, position: i + 1, lastCustomerAt: r.lastCustomerAt }))
}

function lastCustomerAt(t: Ticket): number {
  let at = Date.parse(t.received_at)
  for (const e of t.events) {
    if (e.type !== 'customer_reply') continue
    const ms = Date.parse(e.at)
    if (ms > at) at = ms
  }
  return at
}
