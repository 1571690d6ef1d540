import { isReaction } from '../sla/windows.js'
import { OWN_SOURCE, type Ticket, type TicketAttachment } from '../ticket/ticket.js'
import type { GENERIC_COLUMNS } from './generic.js'

/** A ticket as a record of the generic format (docs/IMPORT.md), what `tickets export` writes and `import` reads. */
export type ExportRecord = Record<(typeof GENERIC_COLUMNS)[number], string | boolean | null> & {
  events: Record<string, string | null>[]
  /** the files of the e-mail the ticket was taken in from (names, types, sizes), only when it had any */
  attachments?: TicketAttachment[]
}

/**
 * A ticket in the generic format: its origin (a ticket added in regdesk is of source `regdesk`, its id the
 * external one), facts, status and whole history after receipt, so that importing it gives the same ticket.
 * Credentials stay masked: their values are never exported. `flat`: for a format without the events (CSV).
 */
export function exportRecord(t: Ticket, flat = false): ExportRecord {
  const first = (pick: (e: Ticket['events'][number]) => boolean) => t.events.find(pick)?.at ?? null
  const record: ExportRecord = {
    source: t.origin?.source ?? OWN_SOURCE,
    external_id: t.origin?.external_id ?? t.id,
    created_at: t.received_at,
    subject: t.subject,
    body: t.text,
    requester: t.customer ?? null,
    channel: t.channel,
    tier: t.tier,
    product: t.product,
    license_date: t.license_date ?? null,
    status: t.status,
    assignee: t.assignee,
    // a flat record (CSV) has no events: its first response is the first reaction, which may be a move to waiting,
    // resolved or closed without an answer (it closes the first window, sla/windows.ts), or the report would change
    first_response_at: first((e) => (flat ? isReaction(e) : e.type === 'agent_response')),
    resolved_at: first((e) => e.type === 'status_change' && e.to === 'resolved'),
    closed_at: first((e) => e.type === 'status_change' && e.to === 'closed'),
    level: t.level,
    critical: t.critical,
    helpdesk_deadline: t.helpdesk_deadline ?? null,
    regulation: t.regulation,
    events: t.events
      .filter((e) => e.type !== 'received')
      .map((e) => {
        const out: Record<string, string | null> = { type: e.type, at: e.at, author: e.author }
        if (e.message !== undefined) out.message = e.message
        if (e.from !== undefined) out.from = e.from
        if (e.to !== undefined) out.to = e.to
        if (e.field !== undefined) out.field = e.field
        if (e.rule !== undefined) out.rule = e.rule
        return out
      }),
  }
  if (t.attachments?.length)
    record.attachments = t.attachments.map((a) => ({ name: a.name, type: a.type, size: a.size }))
  return record
}
