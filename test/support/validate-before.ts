// The ticket validation of src/ticket/validate.ts as it was before it was made faster (commit b324920), kept as the
// reference test/unit/ticket/validate.test.ts compares it with: the same problems, in the same order, for any input.
import { EVENT_TYPES, type EventType, STATUSES, type Status } from '../../src/ticket/ticket.js'
import type { TicketProblem } from '../../src/ticket/validate.js'

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/
const TICKET_ID = /^[A-Z]{1,4}-\d{6,}$/
const REGULATION_ID = /^[a-z0-9][a-z0-9-]*$/
const STATUS_SET: ReadonlySet<string> = new Set(STATUSES)
const EVENT_SET: ReadonlySet<string> = new Set(EVENT_TYPES)
const MAX_PROBLEMS = 50

function isIsoInstant(v: unknown): v is string {
  return typeof v === 'string' && ISO.test(v) && !Number.isNaN(Date.parse(v))
}

function isStatus(v: unknown): v is Status {
  return typeof v === 'string' && STATUS_SET.has(v)
}

function isEventType(v: unknown): v is EventType {
  return typeof v === 'string' && EVENT_SET.has(v)
}

/** A value safe to quote in a message: a short identifier, never free text. */
function shown(v: unknown): string {
  // a field left out (said so since the first stage's validation was kept here)
  if (v === undefined) return 'nothing (the field is missing)'
  if (v === null) return 'null'
  if (typeof v === 'string') return /^[\w.-]{1,30}$/.test(v) ? `"${v}"` : 'a string'
  if (typeof v === 'number' || typeof v === 'boolean') return String(v)
  return Array.isArray(v) ? 'a list' : typeof v === 'object' ? 'an object' : typeof v
}

/**
 * Checks the tickets of a store, by hand rather than with zod: this runs on every read of a
 * store of 100,000 tickets and must cost a small fraction of JSON.parse. Unknown keys are kept
 * (a later version may add fields); duplicate ids are an error.
 */
export function validateTicketsBefore(tickets: unknown): TicketProblem[] {
  const problems: TicketProblem[] = []
  if (!Array.isArray(tickets)) {
    problems.push({ index: -1, id: null, path: '', message: `"tickets" must be a list, got ${shown(tickets)}` })
    return problems
  }
  const ids = new Set<string>()
  const origins = new Set<string>()
  for (let i = 0; i < tickets.length && problems.length < MAX_PROBLEMS; i++) {
    const t = tickets[i] as Record<string, unknown>
    if (t === null || typeof t !== 'object' || Array.isArray(t)) {
      problems.push({ index: i, id: null, path: '', message: `expected a ticket object, got ${shown(t)}` })
      continue
    }
    const id = typeof t.id === 'string' && TICKET_ID.test(t.id) ? t.id : null
    const add = (path: string, message: string) => problems.push({ index: i, id, path, message })
    if (id === null) add('id', `expected an id like "MG-000123", got ${shown(t.id)}`)
    else if (ids.has(id)) add('id', `duplicate ticket id ${id}`)
    else ids.add(id)
    if (typeof t.regulation !== 'string' || !REGULATION_ID.test(t.regulation))
      add('regulation', `expected a regulation id, got ${shown(t.regulation)}`)
    for (const key of ['level', 'tier', 'channel', 'product', 'assignee'] as const) {
      const v = t[key]
      if (v !== null && typeof v !== 'string') add(key, `expected a string or null, got ${shown(v)}`)
    }
    if (typeof t.critical !== 'boolean') add('critical', `expected true or false, got ${shown(t.critical)}`)
    if (typeof t.subject !== 'string') add('subject', `expected a string, got ${shown(t.subject)}`)
    if (typeof t.text !== 'string') add('text', `expected a string, got ${shown(t.text)}`)
    if (!isIsoInstant(t.received_at))
      add('received_at', `expected an ISO 8601 instant with offset, got ${shown(t.received_at)}`)
    if (!isStatus(t.status)) add('status', `expected one of ${STATUSES.join(', ')}, got ${shown(t.status)}`)
    if (t.triage !== null && (typeof t.triage !== 'object' || Array.isArray(t.triage)))
      add('triage', `expected an object or null, got ${shown(t.triage)}`)
    if (t.windows !== undefined) checkWindows(t.windows, add)
    if (t.origin !== undefined) {
      const o = t.origin as Record<string, unknown> | null
      if (o === null || typeof o !== 'object' || typeof o.source !== 'string' || typeof o.external_id !== 'string')
        add('origin', `expected an object with "source" and "external_id" strings, got ${shown(o)}`)
      else {
        const key = `${o.source}\u0000${o.external_id}`
        if (origins.has(key)) add('origin', `a second ticket taken in from the same ${shown(o.source)} record`)
        else origins.add(key)
      }
    }
    if (t.attachments !== undefined) checkAttachments(t.attachments, add)
    if (t.helpdesk_deadline !== undefined && !isIsoInstant(t.helpdesk_deadline))
      add('helpdesk_deadline', `expected an ISO 8601 instant with offset, got ${shown(t.helpdesk_deadline)}`)
    if (t.secrets !== undefined) checkSecrets(t.secrets, 'secrets', t, add)
    const events = t.events
    if (!Array.isArray(events)) {
      add('events', `expected a list of events, got ${shown(events)}`)
      continue
    }
    for (let k = 0; k < events.length; k++) {
      const e = events[k] as Record<string, unknown>
      const at = `events[${k}]`
      if (e === null || typeof e !== 'object' || Array.isArray(e)) {
        add(at, `expected an event object, got ${shown(e)}`)
        continue
      }
      if (!isEventType(e.type)) add(`${at}.type`, `expected one of ${EVENT_TYPES.join(', ')}, got ${shown(e.type)}`)
      if (!isIsoInstant(e.at)) add(`${at}.at`, `expected an ISO 8601 instant with offset, got ${shown(e.at)}`)
      if (typeof e.author !== 'string') add(`${at}.author`, `expected a string, got ${shown(e.author)}`)
      if (e.message !== undefined && typeof e.message !== 'string')
        add(`${at}.message`, `expected a string, got ${shown(e.message)}`)
      for (const key of ['from', 'to'] as const) {
        const v = e[key]
        if (v !== undefined && v !== null && typeof v !== 'string')
          add(`${at}.${key}`, `expected a string or null, got ${shown(v)}`)
      }
      if (e.type === 'status_change' && !isStatus(e.to))
        add(`${at}.to`, `expected one of ${STATUSES.join(', ')}, got ${shown(e.to)}`)
      if (e.rule !== undefined && typeof e.rule !== 'string')
        add(`${at}.rule`, `expected a string, got ${shown(e.rule)}`)
      if (e.secrets !== undefined) checkSecrets(e.secrets, `${at}.secrets`, e, add)
    }
  }
  return problems
}

function checkAttachments(attachments: unknown, add: (path: string, message: string) => void): void {
  if (!Array.isArray(attachments)) {
    add('attachments', `expected a list of attachments, got ${shown(attachments)}`)
    return
  }
  for (let k = 0; k < attachments.length; k++) {
    const a = attachments[k] as Record<string, unknown>
    const at = `attachments[${k}]`
    if (a === null || typeof a !== 'object' || Array.isArray(a)) {
      add(at, `expected an attachment {name, type, size}, got ${shown(a)}`)
      continue
    }
    for (const key of ['name', 'type'] as const)
      if (typeof a[key] !== 'string') add(`${at}.${key}`, `expected a string, got ${shown(a[key])}`)
    if (typeof a.size !== 'number' || !Number.isSafeInteger(a.size) || a.size < 0)
      add(`${at}.size`, `expected a size in bytes (a whole number, 0 or more), got ${shown(a.size)}`)
  }
}

const REASONS: ReadonlySet<unknown> = new Set([null, 'not_regulated', 'no_level', 'unknown_level'])

function checkWindows(windows: unknown, add: (path: string, message: string) => void): void {
  if (!Array.isArray(windows)) {
    add('windows', `expected a list of recorded windows, got ${shown(windows)}`)
    return
  }
  for (let k = 0; k < windows.length; k++) {
    const w = windows[k] as Record<string, unknown>
    const at = `windows[${k}]`
    if (w === null || typeof w !== 'object' || Array.isArray(w)) {
      add(at, `expected a recorded window, got ${shown(w)}`)
      continue
    }
    if (!isIsoInstant(w.opened_at))
      add(`${at}.opened_at`, `expected an ISO 8601 instant with offset, got ${shown(w.opened_at)}`)
    for (const key of ['deadline', 'target'] as const)
      if (w[key] !== null && !isIsoInstant(w[key]))
        add(`${at}.${key}`, `expected an ISO 8601 instant with offset or null, got ${shown(w[key])}`)
    if (w.level !== null && typeof w.level !== 'string')
      add(`${at}.level`, `expected a string or null, got ${shown(w.level)}`)
    if (typeof w.fingerprint !== 'string') add(`${at}.fingerprint`, `expected a string, got ${shown(w.fingerprint)}`)
    if (w.assumed_level !== undefined && typeof w.assumed_level !== 'boolean')
      add(`${at}.assumed_level`, `expected true or false, got ${shown(w.assumed_level)}`)
    if (w.reason !== undefined && !REASONS.has(w.reason))
      add(`${at}.reason`, `expected a reason or null, got ${shown(w.reason)}`)
  }
}

function checkSecrets(
  secrets: unknown,
  path: string,
  owner: Record<string, unknown>,
  add: (path: string, message: string) => void,
): void {
  if (!Array.isArray(secrets)) {
    add(path, `expected a list, got ${shown(secrets)}`)
    return
  }
  for (let j = 0; j < secrets.length; j++) {
    const s = secrets[j] as Record<string, unknown> | null
    const field = s && typeof s.field === 'string' ? owner[s.field] : undefined
    if (
      !s ||
      typeof s !== 'object' ||
      typeof s.kind !== 'string' ||
      typeof s.value !== 'string' ||
      typeof field !== 'string' ||
      typeof s.offset !== 'number' ||
      !Number.isInteger(s.offset) ||
      s.offset < 0 ||
      s.offset > field.length
    )
      add(`${path}[${j}]`, 'expected {field, kind, offset, value} pointing into a text field of the same object')
  }
}
