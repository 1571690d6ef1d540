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

/**
 * Hands each ticket of a summary that describes the store with `stamp` to `visit`, parsed one line at a time: a report
 * keeps none of them, so 100,000 tickets never sit in memory at once (nor are they all promoted to the old
 * generation, which cost a report over them more than the parse). False, having visited none, when the summary is
 * stale; false, after those before it, at a line that is not a ticket's JSON (a hand-edited summary).
 */
export function eachSummaryTicket(text: string, stamp: FileStamp, visit: (ticket: Ticket) => void): boolean {
  // the stamp is checked on the text first: a stale summary costs no parse
  if (!summaryStamped(text, stamp)) return false
  const end = text.lastIndexOf('\n],"stamp":') + 1
  let at = SUMMARY_HEAD.length
  while (at < end) {
    const lineEnd = text.indexOf('\n', at)
    const line = text.slice(at, text.charCodeAt(lineEnd - 1) === 44 ? lineEnd - 1 : lineEnd)
    at = lineEnd + 1
    let ticket: unknown
    try {
      ticket = JSON.parse(line)
    } catch {
      return false
    }
    if (typeof ticket !== 'object' || ticket === null || Array.isArray(ticket)) return false
    visit(ticket as Ticket)
  }
  return true
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
