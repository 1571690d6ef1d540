import type { Ticket, TicketEvent } from './ticket.js'

/**
 * The store's summary: every ticket without its free text, kept beside the store by every write
 * (`<store>.summary`) so that `report` over 100,000 tickets reads a tenth of the bytes. It holds
 * what reaction windows and the report's figures are computed from — ids, regulation, level,
 * channel, assignee, status, receipt, the events that move reaction windows (responses, replies, status and level changes: type,
 * time, change; no author), the triage verdict's scope, topic and warning codes — and none of the customer's
 * words or credentials.
 *
 * Layout, one ticket per line like the store, so an append or a one-ticket change rewrites a line:
 *   {"format":1,"tickets":[
 *   {"id":"MG-000001",…},
 *   …
 *   ],"stamp":{…}}
 * `stamp` is the identity of the store file it was made from (see JsonFileStore): a summary whose
 * stamp differs from the store on disk is stale and is not used.
 *
 * Non-ASCII characters are written as \u escapes: an ASCII file parses as a one-byte string,
 * about twice as fast as text with Cyrillic in it.
 */

const SUMMARY_FORMAT = 1
export const SUMMARY_HEAD = `{"format":${SUMMARY_FORMAT},"tickets":[\n`

/** The identity of a file on disk: the same values mean the same bytes as when they were taken. */
export interface FileStamp {
  dev: string
  ino: string
  size: string
  mtimeNs: string
}

/** A ticket as the summary keeps it: the Ticket shape, with its free text empty. */
export function summaryOf(t: Ticket): Ticket {
  return {
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
        // no author: a third of the bytes, and nothing computed from the summary uses it
        const out = { type: e.type, at: e.at } as TicketEvent
        if (e.from !== undefined) out.from = e.from
        if (e.to !== undefined) out.to = e.to
        return out
      }),
  }
}

function triageSummary(triage: Record<string, unknown>): Record<string, unknown> {
  const topic = triage.topic as { id?: unknown; clause?: unknown } | null | undefined
  const warnings = Array.isArray(triage.warnings) ? (triage.warnings as { code?: unknown }[]) : []
  return {
    scope: triage.scope ?? null,
    topic: topic ? { id: topic.id ?? null, clause: topic.clause ?? null } : null,
    warnings: warnings.map((w) => ({ code: w?.code ?? null })),
  }
}

/** One line of the summary (no line break): the ticket's summary as ASCII JSON. */
export function summaryLine(t: Ticket): string {
  return asciiJson(JSON.stringify(summaryOf(t)))
}

/** The end of a summary: closes the list and records the store it describes. */
export function summaryTail(stamp: FileStamp): string {
  return `],"stamp":${JSON.stringify(stamp)}}\n`
}

export function summaryText(tickets: readonly Ticket[], stamp: FileStamp): string {
  let out = SUMMARY_HEAD
  for (let i = 0; i < tickets.length; i++)
    out += `${summaryLine(tickets[i] as Ticket)}${i < tickets.length - 1 ? ',' : ''}\n`
  return out + summaryTail(stamp)
}

/** The summary's tickets when it describes the store with `stamp`; undefined when stale or unreadable. */
export function parseSummary(text: string, stamp: FileStamp): Ticket[] | undefined {
  // the stamp is checked on the text first: a stale summary costs no parse
  if (!summaryStamped(text, stamp)) return undefined
  try {
    const data = JSON.parse(text) as { tickets?: unknown }
    return Array.isArray(data.tickets) ? (data.tickets as Ticket[]) : undefined
  } catch {
    return undefined
  }
}

/** Whether a summary's text is one written for the store file with `stamp`. */
export function summaryStamped(summary: string, stamp: FileStamp): boolean {
  return summary.startsWith(SUMMARY_HEAD) && summary.endsWith(summaryTail(stamp))
}

export function sameStamp(a: FileStamp, b: FileStamp): boolean {
  return a.dev === b.dev && a.ino === b.ino && a.size === b.size && a.mtimeNs === b.mtimeNs
}

function asciiJson(json: string): string {
  return json.replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)
}
