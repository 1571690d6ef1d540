import type { Ticket, TicketEvent } from './ticket.js'
import type { StoredTriage } from './triage-record.js'
import type { WindowRecord } from './window-record.js'

/**
 * A ticket as reports need it: the Ticket shape without the customer's words or credentials
 * (subject and text empty, no messages, no secrets) and without what no figure is computed
 * from (notes, assignments, authors other than responders', limits of recorded windows). Both
 * stores keep it beside the ticket (the file store's `.summary`, the team store's `summary`
 * column), so `report` over 100,000 tickets reads a fraction of the bytes.
 */
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
      .filter((e) => e.type !== 'note' && e.type !== 'assignment')
      .map((e) => {
        const out = { type: e.type, at: e.at } as TicketEvent
        // the author only of reactions: `report --by agent` counts who responded
        if (e.type === 'agent_response' || e.type === 'status_change') out.author = e.author
        if (e.from !== undefined) out.from = e.from
        if (e.to !== undefined) out.to = e.to
        return out
      }),
  }
  if (t.windows)
    out.windows = t.windows.map(
      (w) =>
        ({
          opened_at: w.opened_at,
          level: w.level,
          deadline: w.deadline,
          target: w.target,
          reason: w.reason,
          fingerprint: w.fingerprint,
        }) as WindowRecord,
    )
  return out
}

function triageSummary(triage: StoredTriage): StoredTriage {
  const topic = triage.topic
  return {
    regulation: triage.regulation,
    scope: triage.scope,
    level: triage.level ?? null,
    topic: topic ? { id: topic.id ?? null, clause: topic.clause ?? null } : null,
    warnings: (Array.isArray(triage.warnings) ? triage.warnings : []).map((w) => ({ code: w?.code ?? null })),
  } as StoredTriage
}

/**
 * The summary as one line of ASCII JSON: non-ASCII characters as \u escapes, since an ASCII text
 * parses as a one-byte string, about twice as fast as text with Cyrillic in it.
 */
export function summaryJson(t: Ticket): string {
  return JSON.stringify(summaryOf(t)).replace(
    /[\u0080-\uffff]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  )
}
