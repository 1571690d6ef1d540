import { INSTANT_YEARS, isInInstantYears, parseIsoInstant } from '../calendar/instant.js'
import { CHANNELS, type Channel } from '../regulation/vocabulary.js'
import { EVENT_TYPES, type EventType, STATUSES, type Status, type TicketAttachment } from '../ticket/ticket.js'

/**
 * A helpdesk's ticket as every import format reads it (docs/IMPORT.md): the generic JSON Lines and CSV, Okdesk
 * issues and Usedesk tickets each turn their records into this, and helpdesk/ticket.ts turns it into a Ticket.
 * Instants are epoch ms.
 */
export interface ImportRecord {
  source: string
  external_id: string
  created_at: number
  subject: string | null
  body: string
  requester: string | null
  channel: Channel | null
  tier: string | null
  product: string | null
  /** when the licence was bought, YYYY-MM-DD (imagecms: its support period runs from it) */
  license_date: string | null
  /** the status now; null: the one the events lead to */
  status: Status | null
  assignee: string | null
  /**
   * a level set in regdesk (written by `tickets export`), null for none (a refused request); undefined when the
   * record does not say: from --level, triage or the tier
   */
  level: string | null | undefined
  critical: boolean
  /** the helpdesk's own deadline of the first reaction (Okdesk `planned_reaction_at`) */
  helpdesk_deadline: number | null
  /** the regulation whose ticket the record was (written by `tickets export`); null when the record does not say */
  regulation: string | null
  /** the history after receipt, in time order */
  events: ImportEvent[]
  /** the files the request came with (names, types, sizes; generic JSON Lines only) */
  attachments?: TicketAttachment[]
  /** why the helpdesk's record is no request to answer (Usedesk: spam, deleted, a mailing, merged): not imported */
  notARequest?: string
}

export interface ImportEvent {
  type: Exclude<EventType, 'received'>
  at: number
  author: string | null
  message?: string
  from?: string | null
  to?: string | null
  field?: string
  rule?: string
  /** the flat column it was made from (first_response_at…), which a message about it names */
  column?: string
}

/** One bad row of an import file: where it is and what is wrong; the row is skipped, the rest imported. */
export interface RowProblem {
  /** the line of the file the row starts on (1-based) */
  line: number
  /** the column (CSV) or field (JSON, a path like `events[2].at`) at fault; null for the whole row */
  field: string | null
  message: string
}

/** A bad value of a row, thrown by the format readers and caught per row. Messages never quote free text. */
export class FieldError extends Error {
  constructor(
    readonly field: string | null,
    message: string,
  ) {
    super(message)
  }
}

/**
 * A time as Excel saves a date cell under a Russian locale, "20.11.2026 15:00" (day first, seconds optional), in ISO
 * form without an offset ("2026-11-20T15:00"), read in the import's zone like any time without one; other text as it is.
 */
function fromRussianExcel(text: string): string {
  const m = /^(\d{1,2})\.(\d{1,2})\.(\d{4})[ T](\d{1,2}):(\d{2})(:\d{2})?$/.exec(text)
  if (!m) return text
  const [, day = '', month = '', year = '', hour = '', minute = '', seconds = ''] = m
  return `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}T${hour.padStart(2, '0')}:${minute}${seconds}`
}

/** How instants without an offset are read: in `zone`; each one read so is counted (the summary says so). */
export class TimeReader {
  assumed = 0
  constructor(readonly zone: string) {}

  instant(value: unknown, field: string): number {
    // missing is said as missing (an Okdesk issue without created_at), a value of another kind as what it is
    if (value === undefined || value === null || (typeof value === 'string' && !value.trim()))
      throw new FieldError(field, 'is required')
    if (typeof value !== 'string')
      throw new FieldError(
        field,
        `expected an ISO 8601 instant like "2026-11-20T15:00:00+03:00", got ${shownValue(value)}`,
      )
    const text = value.trim()
    const parsed = parseIsoInstant(fromRussianExcel(text), this.zone)
    if (!parsed.ok || !parsed.hasTime)
      throw new FieldError(
        field,
        `expected an ISO 8601 instant like "2026-11-20T15:00:00+03:00" (or "20.11.2026 15:00", as Russian Excel writes it), got ${shownValue(text)}`,
      )
    // a year the business-time engine does not compute would fail later, far from its row
    if (!isInInstantYears(parsed.ms))
      throw new FieldError(
        field,
        `${shownValue(text)} is outside the years regdesk computes (${INSTANT_YEARS.from}–${INSTANT_YEARS.to})`,
      )
    if (!parsed.hasOffset) this.assumed++
    return parsed.ms
  }

  /** an optional instant: absent, null or an empty cell is null */
  optional(value: unknown, field: string): number | null {
    return value === undefined || value === null || value === '' ? null : this.instant(value, field)
  }
}

/**
 * A value short enough and plain enough to quote in a message (a time, a code, a status word in any alphabet: a
 * Russian helpdesk's «открыт»), never free text.
 */
export function shownValue(v: unknown): string {
  if (typeof v === 'string') return /^[\p{L}\p{N}_.:+\- ]{1,40}$/u.test(v) ? `"${v}"` : 'a text'
  if (typeof v === 'number' || typeof v === 'boolean' || v === null) return String(v)
  return Array.isArray(v) ? 'a list' : typeof v
}

/** An optional text: absent, null or blank is null; a number is taken as its digits (ids in helpdesk JSON). */
export function optionalText(value: unknown, field: string): string | null {
  if (value === undefined || value === null) return null
  if (typeof value === 'number' && Number.isFinite(value)) return String(value)
  if (typeof value !== 'string') throw new FieldError(field, `expected a text, got ${shownValue(value)}`)
  return value.trim() ? value : null
}

export function requiredText(value: unknown, field: string): string {
  const text = optionalText(value, field)
  if (text === null || !text.trim()) throw new FieldError(field, 'is required')
  return text.trim()
}

const STATUS_SET: ReadonlySet<string> = new Set(STATUSES)
const CHANNEL_SET: ReadonlySet<string> = new Set(CHANNELS)

export function statusOf(value: unknown, field: string): Status | null {
  const text = optionalText(value, field)
  if (text === null) return null
  if (!STATUS_SET.has(text.trim()))
    throw new FieldError(field, `expected one of ${STATUSES.join(', ')}, got ${shownValue(text)}`)
  return text.trim() as Status
}

export function channelOf(value: unknown, field: string): Channel | null {
  const text = optionalText(value, field)
  if (text === null) return null
  if (!CHANNEL_SET.has(text.trim()))
    throw new FieldError(field, `expected one of ${CHANNELS.join(', ')}, got ${shownValue(text)}`)
  return text.trim() as Channel
}

/**
 * How a table says yes and no: JSON's and regdesk's own, English, Russian, and what Russian Excel writes for
 * TRUE and FALSE (ИСТИНА, ЛОЖЬ). Compared in lower case.
 */
const BOOLEAN_WORDS: ReadonlyMap<string, boolean> = new Map([
  ['true', true],
  ['1', true],
  ['yes', true],
  ['да', true],
  ['истина', true],
  ['false', false],
  ['0', false],
  ['no', false],
  ['нет', false],
  ['ложь', false],
])

export function booleanOf(value: unknown, field: string): boolean {
  if (value === undefined || value === null || value === '') return false
  if (typeof value === 'boolean') return value
  if (value === 1 || value === 0) return value === 1
  const word = typeof value === 'string' ? BOOLEAN_WORDS.get(value.trim().toLowerCase()) : undefined
  if (word !== undefined) return word
  throw new FieldError(field, `expected true or false (or yes/no, да/нет), got ${shownValue(value)}`)
}

const EVENT_SET: ReadonlySet<string> = new Set(EVENT_TYPES.filter((t) => t !== 'received'))

export function eventTypeOf(value: unknown, field: string): ImportEvent['type'] {
  if (typeof value !== 'string' || !EVENT_SET.has(value))
    throw new FieldError(field, `expected one of ${[...EVENT_SET].join(', ')}, got ${shownValue(value)}`)
  return value as ImportEvent['type']
}

/**
 * The events of a record completed with its flat times (first_response_at, resolved_at, closed_at): each is added
 * as the event it stands for unless the events already have one of that kind, then all are put in time order
 * (a stable sort: events at the same instant keep the order given).
 */
export function withFlatTimes(
  events: ImportEvent[],
  flat: { firstResponseAt: number | null; resolvedAt: number | null; closedAt: number | null; agent: string | null },
): ImportEvent[] {
  const out = [...events]
  if (flat.firstResponseAt !== null && !out.some((e) => e.type === 'agent_response'))
    out.push({ type: 'agent_response', at: flat.firstResponseAt, author: flat.agent, column: 'first_response_at' })
  const moved = (to: Status) => out.some((e) => e.type === 'status_change' && e.to === to)
  if (flat.resolvedAt !== null && !moved('resolved'))
    out.push({ type: 'status_change', at: flat.resolvedAt, author: flat.agent, to: 'resolved', column: 'resolved_at' })
  if (flat.closedAt !== null && !moved('closed'))
    out.push({ type: 'status_change', at: flat.closedAt, author: flat.agent, to: 'closed', column: 'closed_at' })
  // Array.prototype.sort is stable: events at the same instant keep the order given (most records come in order)
  return inTimeOrder(out) ? out : out.sort((a, b) => a.at - b.at)
}

function inTimeOrder(events: readonly ImportEvent[]): boolean {
  for (let i = 1; i < events.length; i++)
    if (!((events[i] as ImportEvent).at >= (events[i - 1] as ImportEvent).at)) return false
  return true
}
