import { instantMs } from '../calendar/instant.js'
import { lastOpenedAt, type TicketFacts, ticketFacts } from '../ticket/facts.js'
import type { Ticket } from '../ticket/ticket.js'
import type { TicketFilter } from './ticket-store.js'

/**
 * Whether a ticket matches a filter: the file store's reading of TicketFilter, the same
 * conditions the team store writes as SQL (postgres/store.ts, whereOf). `facts` is computed only when
 * a time condition needs it.
 */
export function matchesFilter(t: Ticket, f: TicketFilter, facts?: TicketFacts): boolean {
  if (f.ids && !f.ids.includes(t.id)) return false
  if (f.statuses && !f.statuses.includes(t.status)) return false
  if (f.regulation !== undefined && t.regulation !== f.regulation) return false
  if (f.assignee !== undefined && t.assignee !== f.assignee) return false
  if (f.receivedBefore !== undefined && !(instantMs(t.received_at) < f.receivedBefore)) return false
  if (f.attention === undefined && f.windowsSince === undefined) return true
  if (f.attention === undefined && facts === undefined) return lastOpenedAt(t) >= (f.windowsSince as number)
  const x = facts ?? ticketFacts(t)
  if (f.attention) {
    const { at, atRisk } = f.attention
    const due = x.openDeadline !== null && (atRisk || x.openDeadline <= at)
    if (!(due || !x.recorded || x.lastEventAt > at)) return false
  }
  if (f.windowsSince !== undefined && !(x.lastOpenedAt >= f.windowsSince)) return false
  return true
}

/** The filter has a condition (an empty one matches every ticket). */
export function isEmptyFilter(f: TicketFilter | undefined): boolean {
  return !f || Object.values(f).every((v) => v === undefined)
}
