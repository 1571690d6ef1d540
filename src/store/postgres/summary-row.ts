import { asciiJson, summaryOf } from '../../ticket/summary.js'
import type { EventType, Ticket, TicketEvent } from '../../ticket/ticket.js'
import type { StoredTriage } from '../../ticket/triage-record.js'
import type { WindowRecord } from '../../ticket/window-record.js'

/**
 * The team store's `summary` column (schema version 3): the ticket as reports read it (ticket/summary.ts summaryOf)
 * written positionally, as arrays without key names. `report` parses one summary per ticket, so over 100,000 tickets
 * the parse is most of its time; the same summary as arrays is 40 % fewer bytes to send and about a third faster to
 * parse than as objects (over the 100,000 tickets bench/store-data.mjs generates). Summaries written before version 3
 * are objects (summaryJson) and are still read as they are.
 *
 *   ticket:  [id, regulation, level, tier, channel, product, critical, received_at, status, assignee, triage,
 *             events, windows | 0, helpdesk_deadline | 0]
 *   triage:  null | [scope | 0, [topic id, clause] | null, [reason code, clause] | null, [warning code, …]]
 *   event:   [type, at, present, …the present of author, from, to, rule in that order]  (present: bits 1, 2, 4, 8)
 *   window:  [opened_at, level, deadline, target, reason | 0, assumed_level 0 | 1]
 *
 * 0 marks what the ticket does not have (its keys are then absent, as in the object form), since null is a value
 * those fields can hold.
 */
type Row = [
  string,
  string,
  string | null,
  string | null,
  string | null,
  string | null,
  boolean,
  string,
  string,
  string | null,
  TriageRow | null,
  EventRow[],
  WindowRow[] | 0,
  string | 0,
]
type TriageRow = [
  string | 0,
  [string | null, string | null] | null,
  [string | null, string | null] | null,
  (string | null)[],
]
type EventRow = [string, string, number, ...(string | null)[]]
type WindowRow = [string, string | null, string | null, string | null, WindowRecord['reason'] | 0, 0 | 1]

const OPTIONAL = ['author', 'from', 'to', 'rule'] as const

/** The summary of `t` as the column keeps it, in ASCII (asciiJson). */
export function summaryRowJson(t: Ticket): string {
  return asciiJson(rowOf(summaryOf(t)))
}

/**
 * The ticket a summary column's text holds (either form), as summaryOf gives it.
 * @throws SummaryShapeError when the text is not a summary (a row changed outside regdesk)
 */
export function summaryFromColumn(text: string): Ticket {
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch (e) {
    throw new SummaryShapeError(`not JSON (${(e as Error).message})`)
  }
  if (Array.isArray(value)) {
    if (value.length !== ROW_LENGTH || !Array.isArray(value[11]) || !(value[12] === 0 || Array.isArray(value[12])))
      throw new SummaryShapeError(`expected an array of ${ROW_LENGTH} with its events and windows`)
    return ticketOf(value as Row)
  }
  // before schema version 3 the summary was the object itself
  if (value === null || typeof value !== 'object' || !Array.isArray((value as { events?: unknown }).events))
    throw new SummaryShapeError('expected an array or, written before schema 3, an object with its events')
  return value as Ticket
}

/** A summary column whose text is not a summary: said with its ticket by the store (store.ts scanSummaries). */
export class SummaryShapeError extends Error {}

const ROW_LENGTH = 14

function rowOf(s: Ticket): Row {
  return [
    s.id,
    s.regulation,
    s.level,
    s.tier,
    s.channel,
    s.product,
    s.critical,
    s.received_at,
    s.status,
    s.assignee,
    s.triage === null ? null : triageRowOf(s.triage),
    s.events.map(eventRowOf),
    s.windows ? s.windows.map(windowRowOf) : 0,
    s.helpdesk_deadline ?? 0,
  ]
}

function triageRowOf(t: StoredTriage): TriageRow {
  const reason = t.reasons?.[0]
  return [
    t.scope ?? 0,
    t.topic ? [t.topic.id ?? null, t.topic.clause ?? null] : null,
    reason ? [reason.code ?? null, reason.clause ?? null] : null,
    (t.warnings ?? []).map((w) => w?.code ?? null),
  ]
}

function eventRowOf(e: TicketEvent): EventRow {
  const row: EventRow = [e.type, e.at, 0]
  OPTIONAL.forEach((key, bit) => {
    if (e[key] === undefined) return
    row[2] |= 1 << bit
    row.push(e[key] as string | null)
  })
  return row
}

function windowRowOf(w: WindowRecord): WindowRow {
  return [w.opened_at, w.level, w.deadline, w.target, w.reason === undefined ? 0 : w.reason, w.assumed_level ? 1 : 0]
}

function ticketOf(r: Row): Ticket {
  const t: Ticket = {
    id: r[0],
    regulation: r[1],
    level: r[2],
    tier: r[3],
    channel: r[4],
    product: r[5],
    critical: r[6],
    subject: '',
    text: '',
    received_at: r[7],
    status: r[8] as Ticket['status'],
    assignee: r[9],
    triage: r[10] === null ? null : triageOf(r[10]),
    events: r[11].map(eventOf),
  }
  if (r[13] !== 0) t.helpdesk_deadline = r[13]
  if (r[12] !== 0) t.windows = r[12].map(windowOf)
  return t
}

function triageOf([scope, topic, reason, warnings]: TriageRow): StoredTriage {
  // assigned in order, not spread: a spread object literal made this the report's second cost (200 ms over 100,000)
  const out = {} as StoredTriage
  if (scope !== 0) out.scope = scope as StoredTriage['scope']
  out.topic = (topic ? { id: topic[0], clause: topic[1] } : null) as StoredTriage['topic']
  if (reason) out.reasons = [{ code: reason[0], clause: reason[1] }] as StoredTriage['reasons']
  out.warnings = warnings.map((code) => ({ code })) as StoredTriage['warnings']
  return out
}

function eventOf(r: EventRow): TicketEvent {
  const e = { type: r[0] as EventType, at: r[1] } as TicketEvent
  let i = 3
  const present = r[2]
  if (present & 1) e.author = r[i++] as string
  if (present & 2) e.from = r[i++] as string | null
  if (present & 4) e.to = r[i++] as string | null
  if (present & 8) e.rule = r[i++] as string
  return e
}

function windowOf(w: WindowRow): WindowRecord {
  const out = { opened_at: w[0], level: w[1], deadline: w[2], target: w[3] } as WindowRecord
  if (w[4] !== 0) out.reason = w[4]
  if (w[5] === 1) out.assumed_level = true
  return out
}
