import type { Ticket, TicketEvent } from './ticket.js'
import type { StoredTriage } from './triage-record.js'
import type { WindowRecord } from './window-record.js'

/**
 * A ticket as reports need it: the Ticket shape without the customer's words or credentials
 * (subject and text empty, no messages, no secrets) and without what no figure is computed
 * from (notes, assignments, authors other than responders', limits and fingerprints of recorded
 * windows, the verdict beyond scope, topic and warning codes). Both
 * stores keep it beside the ticket (the file store's `.summary`, the team store's `summary`
 * column), so `report` over 100,000 tickets reads a fraction of the bytes.
 */
const REACTIONS: ReadonlySet<string> = new Set(['waiting_customer', 'resolved', 'closed'])

export function summaryOf(t: Ticket): Ticket {
  const out: Ticket = {
    id: t.id,
    regulation: t.regulation,
    level: t.level,
    tier: t.tier,
    channel: t.channel,
    product: t.product,
    critical: t.critical,
    subject: '',
    text: '',
    received_at: t.received_at,
    status: t.status,
    assignee: t.assignee,
    triage: t.triage === null ? null : triageSummary(t.triage),
    events: t.events
      .filter((e) => e.type !== 'note' && e.type !== 'assignment' && e.type !== 'field_change')
      .map((e) => {
        const out = { type: e.type, at: e.at } as TicketEvent
        // the author only of reactions: `report --by agent` counts who responded
        if (e.type === 'agent_response' || (e.type === 'status_change' && REACTIONS.has(e.to ?? '')))
          out.author = e.author
        if (e.from !== undefined) out.from = e.from
        if (e.to !== undefined) out.to = e.to
        // a level change that follows a corrected tier re-levels the open window (sla/windows.ts)
        if (e.type === 'level_change' && e.rule !== undefined) out.rule = e.rule
        return out
      }),
  }
  // `report` sets the helpdesk's deadline beside regdesk's
  if (t.helpdesk_deadline !== undefined) out.helpdesk_deadline = t.helpdesk_deadline
  if (t.windows)
    out.windows = t.windows.map(
      (w) =>
        // what the report's figures need: no limits, no fingerprint
        ({
          opened_at: w.opened_at,
          level: w.level,
          deadline: w.deadline,
          target: w.target,
          reason: w.reason,
          ...(w.assumed_level ? { assumed_level: true } : {}),
        }) as WindowRecord,
    )
  return out
}

function triageSummary(triage: StoredTriage): StoredTriage {
  const topic = triage.topic
  // what the report reads (scope, topic, the deciding reason, warning codes); the rest of the verdict stays in the store
  const reason = Array.isArray(triage.reasons) ? triage.reasons[0] : undefined
  return {
    scope: triage.scope,
    topic: topic ? { id: topic.id ?? null, clause: topic.clause ?? null } : null,
    ...(reason ? { reasons: [{ code: reason.code ?? null, clause: reason.clause ?? null }] } : {}),
    warnings: (Array.isArray(triage.warnings) ? triage.warnings : []).map((w) => ({ code: w?.code ?? null })),
  } as StoredTriage
}

/** The summary as one line of ASCII JSON (asciiJson). */
export function summaryJson(t: Ticket): string {
  return asciiJson(summaryOf(t))
}

/**
 * `value` as one line of ASCII JSON: non-ASCII characters as \u escapes, since an ASCII text parses as a one-byte
 * string, about twice as fast as text with Cyrillic in it.
 */
export function asciiJson(value: unknown): string {
  return JSON.stringify(value).replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)
}
