import { summaryJson } from '../../ticket/summary.js'
import type { Ticket } from '../../ticket/ticket.js'
import type { FileStamp } from './atomic-file.js'

/**
 * The file store's summary, `<store>.summary`: every ticket as summaryOf keeps it, so that
 * `report` reads a fraction of the store's bytes. Layout, one ticket per line like the store, so
 * an append or a one-ticket change rewrites a line:
 *   {"format":2,"tickets":[
 *   {"id":"MG-000001",…},
 *   …
 *   ],"stamp":{…}}
 * `stamp` is the identity of the store file it was made from: a summary whose stamp differs from
 * the store on disk is stale and is not used.
 */

/** 2: recorded windows and the responders' names */
const SUMMARY_FORMAT = 2
export const SUMMARY_HEAD = `{"format":${SUMMARY_FORMAT},"tickets":[\n`

/** One line of the summary (no line break): the ticket's summary as ASCII JSON. */
export function summaryLine(t: Ticket): string {
  return summaryJson(t)
}

/** The end of a summary: closes the list and records the store it describes. */
export function summaryTail(stamp: FileStamp): string {
  return `],"stamp":${JSON.stringify(stamp)}}\n`
}

export function summaryText(tickets: readonly Ticket[], stamp: FileStamp): string {
  return [...summaryParts(tickets, stamp)].join('')
}

/** The summary (summaryText) in parts, a ticket's line and what follows it, for writing without one string of all. */
export function* summaryParts(tickets: readonly Ticket[], stamp: FileStamp): Generator<string> {
  yield SUMMARY_HEAD
  for (let i = 0; i < tickets.length; i++) {
    yield summaryLine(tickets[i] as Ticket)
    yield i < tickets.length - 1 ? ',\n' : '\n'
  }
  yield summaryTail(stamp)
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

/** The summary with its stamp replaced (after a write it followed). */
export function restamp(summary: string, stamp: FileStamp): string {
  return summary.slice(0, summary.lastIndexOf('\n],"stamp":') + 1) + summaryTail(stamp)
}

export function appendSummaryLine(summary: string, ticket: Ticket): string {
  const tail = summary.lastIndexOf('\n],"stamp":') + 1
  const empty = tail === SUMMARY_HEAD.length
  return `${summary.slice(0, empty ? tail : tail - 1)}${empty ? '' : ',\n'}${summaryLine(ticket)}\n${summary.slice(tail)}`
}

/** The summary with one ticket's line replaced; undefined when it has no line for it. */
export function replaceSummaryLine(summary: string, ticket: Ticket): string | undefined {
  const at = summary.indexOf(`\n{"id":${JSON.stringify(ticket.id)},`)
  if (at < 0) return undefined
  const start = at + 1
  const lineEnd = summary.indexOf('\n', start)
  const end = summary[lineEnd - 1] === ',' ? lineEnd - 1 : lineEnd
  return summary.slice(0, start) + summaryLine(ticket) + summary.slice(end)
}
