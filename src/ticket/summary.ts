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

/**
 * The summary as one line of ASCII JSON: non-ASCII characters as \u escapes, since an ASCII text
 * parses as a one-byte string, about twice as fast as text with Cyrillic in it.
 *
 * Always the text asciiJson(JSON.stringify(summaryOf(t))) (test/unit/ticket/summary.test.ts compares them on any
 * ticket). A ticket of the stored shape is written field by field (plainSummaryJson), without the summary object and
 * without escaping the whole line: a store of 100,000 tickets writes every summary after each import; any other
 * ticket the long way.
 */
export function summaryJson(t: Ticket): string {
  try {
    return plainSummaryJson(t)
  } catch {
    // NotPlain, or an error summaryOf meets too: the long way gives its text, or throws its error
    return asciiJson(JSON.stringify(summaryOf(t)))
  }
}

/** A JSON text with every character beyond ASCII as its \u escape (JSON.parse reads it back the same). */
export function asciiJson(json: string): string {
  return json.replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)
}

/** Thrown by plainSummaryJson at a value of another type than a stored ticket has there (summaryJson goes the long way). */
class NotPlain extends Error {}

/**
 * summaryJson of a ticket whose summarised fields have the types validateTickets (ticket/validate.ts) gives them and
 * whose events and windows are objects: each member as JSON.stringify writes it in summaryOf's order.
 * @throws NotPlain at any other value (an absent field, a number where a text is, a list with a hole)
 */
function plainSummaryJson(t: Ticket): string {
  if (typeof t.critical !== 'boolean' || !Array.isArray(t.events)) throw new NotPlain()
  let out = `{"id":${text(t.id)},"regulation":${text(t.regulation)},"level":${orNull(t.level)},"tier":${orNull(t.tier)},"channel":${orNull(t.channel)},"product":${orNull(t.product)},"critical":${t.critical},"subject":"","text":"","received_at":${text(t.received_at)},"status":${text(t.status)},"assignee":${orNull(t.assignee)},"triage":${t.triage === null ? 'null' : asciiJson(JSON.stringify(triageSummary(t.triage)))},"events":[`
  let first = true
  for (const e of t.events) {
    if (e === null || typeof e !== 'object') throw new NotPlain()
    if (e.type === 'note' || e.type === 'assignment' || e.type === 'field_change') continue
    out += `${first ? '' : ','}${eventJson(e)}`
    first = false
  }
  out += ']'
  if (t.helpdesk_deadline !== undefined) out += `,"helpdesk_deadline":${text(t.helpdesk_deadline)}`
  if (t.windows) out += `,"windows":${windowsJson(t.windows)}`
  return `${out}}`
}

/** An event of the summary (summaryOf's), as JSON. */
function eventJson(e: TicketEvent): string {
  let out = `{"type":${text(e.type)},"at":${text(e.at)}`
  if (e.type === 'agent_response' || (e.type === 'status_change' && REACTIONS.has(e.to ?? '')))
    out += `,"author":${text(e.author)}`
  if (e.from !== undefined) out += `,"from":${orNull(e.from)}`
  if (e.to !== undefined) out += `,"to":${orNull(e.to)}`
  if (e.type === 'level_change' && e.rule !== undefined) out += `,"rule":${text(e.rule)}`
  return `${out}}`
}

/** The recorded windows of the summary (summaryOf's), as JSON. */
function windowsJson(windows: readonly WindowRecord[]): string {
  if (!Array.isArray(windows)) throw new NotPlain()
  let out = '['
  for (let i = 0; i < windows.length; i++) {
    const w = windows[i]
    if (w === null || typeof w !== 'object') throw new NotPlain()
    out += `${i ? ',' : ''}{"opened_at":${text(w.opened_at)},"level":${orNull(w.level)},"deadline":${orNull(w.deadline)},"target":${orNull(w.target)}`
    if (w.reason !== undefined) out += `,"reason":${orNull(w.reason)}`
    out += w.assumed_level ? ',"assumed_level":true}' : '}'
  }
  return `${out}]`
}

/** Printable ASCII but the quote and the backslash: a text JSON writes as it is, between quotes. */
const PLAIN_TEXT = /^[\x20\x21\x23-\x5b\x5d-\x7e]*$/

/** A text as asciiJson(JSON.stringify(v)) writes it. @throws NotPlain when `v` is not a text */
function text(v: unknown): string {
  if (typeof v !== 'string') throw new NotPlain()
  return PLAIN_TEXT.test(v) ? `"${v}"` : asciiJson(JSON.stringify(v))
}

/** A text or null, as asciiJson(JSON.stringify(v)) writes it. @throws NotPlain for anything else */
function orNull(v: unknown): string {
  return v === null ? 'null' : text(v)
}
