import { isRealDate } from '../calendar/dates.js'
import { dateIn } from '../calendar/instant.js'
import { isMimeType, safeFileName } from '../data/file-name.js'
import type { Status, TicketAttachment } from '../ticket/ticket.js'
import {
  booleanOf,
  channelOf,
  eventTypeOf,
  FieldError,
  type ImportEvent,
  type ImportRecord,
  optionalText,
  requiredText,
  shownValue,
  statusOf,
  type TimeReader,
  withFlatTimes,
} from './record.js'

/**
 * The generic import format (docs/IMPORT.md): one JSON object per line, or one CSV row with these columns. `events`
 * exists only in JSON Lines. `tickets export` writes the same columns, `level` and `critical` included.
 */
export const GENERIC_COLUMNS = [
  'source',
  'external_id',
  'created_at',
  'subject',
  'body',
  'requester',
  'channel',
  'tier',
  'product',
  'license_date',
  'status',
  'assignee',
  'first_response_at',
  'resolved_at',
  'closed_at',
  'level',
  'critical',
  'helpdesk_deadline',
  'regulation',
] as const

const KNOWN: ReadonlySet<string> = new Set([...GENERIC_COLUMNS, 'events', 'attachments'])

/**
 * A record of the generic format. `defaultSource` names records without a `source` (the file's format). Unknown
 * fields are refused, so a misspelt column is said rather than silently dropped.
 */
export function genericRecord(row: Record<string, unknown>, times: TimeReader, defaultSource: string): ImportRecord {
  if (row === null || typeof row !== 'object' || Array.isArray(row))
    throw new FieldError(null, `expected a JSON object, got ${shownValue(row)}`)
  for (const key of Object.keys(row)) if (!KNOWN.has(key)) throw new FieldError(key, 'is not a field of the format')
  const created = times.instant(row.created_at ?? '', 'created_at')
  const assignee = optionalText(row.assignee, 'assignee')
  const events = row.events === undefined || row.events === null ? [] : eventsOf(row.events, times)
  const attachments = row.attachments === undefined || row.attachments === null ? [] : attachmentsOf(row.attachments)
  for (let i = 0; i < events.length; i++)
    if ((events[i] as ImportEvent).at < created) throw new FieldError(`events[${i}].at`, 'is before created_at')
  const flat = {
    firstResponseAt: times.optional(row.first_response_at, 'first_response_at'),
    resolvedAt: times.optional(row.resolved_at, 'resolved_at'),
    closedAt: times.optional(row.closed_at, 'closed_at'),
    agent: assignee,
  }
  notBefore(flat.firstResponseAt, created, 'first_response_at')
  notBefore(flat.resolvedAt, created, 'resolved_at')
  notBefore(flat.closedAt, created, 'closed_at')
  return {
    source: optionalText(row.source, 'source')?.trim() || defaultSource,
    external_id: requiredText(row.external_id, 'external_id'),
    created_at: created,
    subject: optionalText(row.subject, 'subject'),
    body: optionalText(row.body, 'body') ?? '',
    requester: optionalText(row.requester, 'requester'),
    channel: channelOf(row.channel, 'channel'),
    tier: optionalText(row.tier, 'tier')?.trim() ?? null,
    product: optionalText(row.product, 'product')?.trim() ?? null,
    license_date: licenseDateOf(row.license_date, created, times),
    status: statusOf(row.status, 'status'),
    assignee,
    // a `level` field given empty is "no level" (a regdesk export of a refused request); absent, it is decided here
    level: row.level === undefined ? undefined : (optionalText(row.level, 'level')?.trim() ?? null),
    critical: booleanOf(row.critical, 'critical'),
    helpdesk_deadline: times.optional(row.helpdesk_deadline, 'helpdesk_deadline'),
    regulation: optionalText(row.regulation, 'regulation')?.trim() || null,
    events: withFlatTimes(events, flat),
    ...(attachments.length ? { attachments } : {}),
  }
}

function attachmentsOf(value: unknown): TicketAttachment[] {
  if (!Array.isArray(value)) throw new FieldError('attachments', `expected a list, got ${shownValue(value)}`)
  return value.map((a, i) => {
    const at = `attachments[${i}]`
    if (a === null || typeof a !== 'object' || Array.isArray(a))
      throw new FieldError(at, `expected an attachment {name, type, size}, got ${shownValue(a)}`)
    const { name, type, size } = a as Record<string, unknown>
    if (typeof name !== 'string' || !name.trim())
      throw new FieldError(`${at}.name`, `expected a file name, got ${shownValue(name)}`)
    // as a letter's attachments are named (src/data/file-name.ts): no path, no control or direction characters
    if (type !== undefined && type !== null && (typeof type !== 'string' || (type.trim() && !isMimeType(type.trim()))))
      throw new FieldError(`${at}.type`, `expected a MIME type like image/png, got ${shownValue(type)}`)
    if (typeof size !== 'number' || !Number.isSafeInteger(size) || size < 0)
      throw new FieldError(
        `${at}.size`,
        `expected a size in bytes (a whole number, 0 or more), got ${shownValue(size)}`,
      )
    return {
      name: safeFileName(name),
      type: typeof type === 'string' && type.trim() ? type.trim() : 'application/octet-stream',
      size,
    }
  })
}

/**
 * The licence purchase date of a record: a real date YYYY-MM-DD, not after the request was received (in the time
 * reader's zone); null when absent or empty. @throws FieldError
 */
function licenseDateOf(value: unknown, created: number, times: TimeReader): string | null {
  const text = optionalText(value, 'license_date')?.trim()
  if (!text) return null
  if (!isRealDate(text)) throw new FieldError('license_date', `expected a date YYYY-MM-DD, got ${shownValue(value)}`)
  if (text > dateIn(created, times.zone)) throw new FieldError('license_date', 'is after created_at')
  return text
}

/** @throws FieldError when the time of `field` is before `created` */
function notBefore(at: number | null, created: number, field: string): void {
  if (at !== null && at < created) throw new FieldError(field, 'is before created_at')
}

function eventsOf(value: unknown, times: TimeReader): ImportEvent[] {
  if (!Array.isArray(value)) throw new FieldError('events', `expected a list, got ${shownValue(value)}`)
  return value.map((e, i) => {
    const at = `events[${i}]`
    if (e === null || typeof e !== 'object' || Array.isArray(e))
      throw new FieldError(at, `expected an event object, got ${shownValue(e)}`)
    const ev = e as Record<string, unknown>
    const type = eventTypeOf(ev.type, `${at}.type`)
    const out: ImportEvent = {
      type,
      at: times.instant(ev.at, `${at}.at`),
      author: optionalText(ev.author, `${at}.author`),
    }
    const message = optionalText(ev.message, `${at}.message`)
    if (message !== null) out.message = message
    if (type === 'status_change') {
      const to = statusOf(ev.to, `${at}.to`)
      if (to === null) throw new FieldError(`${at}.to`, 'is required for a status_change')
      out.to = to
      const from = statusOf(ev.from, `${at}.from`)
      if (from !== null) out.from = from as Status
    } else {
      if (ev.from !== undefined) out.from = optionalText(ev.from, `${at}.from`)
      if (ev.to !== undefined) out.to = optionalText(ev.to, `${at}.to`)
    }
    const field = optionalText(ev.field, `${at}.field`)
    if (field !== null) out.field = field
    const rule = optionalText(ev.rule, `${at}.rule`)
    if (rule !== null) out.rule = rule
    return out
  })
}
