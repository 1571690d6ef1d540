import { daysInMonth } from '../calendar/dates.js'
import { EVENT_TYPES, type EventType, STATUSES, type Status, type Ticket } from './ticket.js'

/** One thing wrong with a ticket of the store. Messages never quote free text (it may hold credentials). */
export interface TicketProblem {
  index: number
  /** the ticket's id when it has a readable one */
  id: string | null
  /** field path inside the ticket, e.g. "events[2].at" */
  path: string
  message: string
}

const TICKET_ID = /^[A-Z]{1,4}-\d{6,}$/
const REGULATION_ID = /^[a-z0-9][a-z0-9-]*$/
const STATUS_SET: ReadonlySet<string> = new Set(STATUSES)
const EVENT_SET: ReadonlySet<string> = new Set(EVENT_TYPES)
const MAX_PROBLEMS = 50

/** The shape of an instant as the store keeps it: date, time to the minute at least, and an offset. */
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})$/

/**
 * Whether `v` is an ISO 8601 instant with an offset as the store keeps them: of the shape ISO and read by
 * Date.parse. Validating a store checks several per ticket, a million for 100,000 tickets: Date.parse is asked only
 * when a field is out of the ranges it always accepts (a real date, hours to 23, an offset below 24 h).
 */
export function isIsoInstant(v: unknown): v is string {
  if (typeof v !== 'string' || !ISO.test(v)) return false
  return inRange(v) || !Number.isNaN(Date.parse(v))
}

/** Whether the fields of a text of the shape ISO are in range; they are where ISO puts them (its digits). */
function inRange(s: string): boolean {
  const n = s.length
  const year = twoDigits(s, 0) * 100 + twoDigits(s, 2)
  const month = twoDigits(s, 5)
  const second = s.charCodeAt(16) === 58 ? twoDigits(s, 17) : 0
  const zulu = s.charCodeAt(n - 1) === 90
  return (
    month >= 1 &&
    month <= 12 &&
    twoDigits(s, 8) >= 1 &&
    twoDigits(s, 8) <= daysInMonth(year, month) &&
    twoDigits(s, 11) <= 23 &&
    twoDigits(s, 14) <= 59 &&
    second <= 59 &&
    (zulu || (twoDigits(s, n - 5) <= 23 && twoDigits(s, n - 2) <= 59))
  )
}

/** The number of the two digits at `at`. */
function twoDigits(s: string, at: number): number {
  return (s.charCodeAt(at) - 48) * 10 + s.charCodeAt(at + 1) - 48
}

export function isStatus(v: unknown): v is Status {
  return typeof v === 'string' && STATUS_SET.has(v)
}

export function isEventType(v: unknown): v is EventType {
  return typeof v === 'string' && EVENT_SET.has(v)
}

/** A value safe to quote in a message: a short identifier, never free text. */
function shown(v: unknown): string {
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
 *
 * `checkedAlone` holds tickets validateTicket already found valid, each unchanged since but for its id (an import's,
 * store/intake.ts applyIntake): of those only what validateTicket cannot know is checked (their id, given when they
 * were stored, and that their id and origin are new), since their other fields would give no problem again.
 */
export function validateTickets(tickets: unknown, checkedAlone?: ReadonlySet<unknown>): TicketProblem[] {
  const problems: TicketProblem[] = []
  if (!Array.isArray(tickets)) {
    problems.push({ index: -1, id: null, path: '', message: `"tickets" must be a list, got ${shown(tickets)}` })
    return problems
  }
  const seen: Seen = { ids: new Set<string>(), origins: new Set<string>() }
  for (let i = 0; i < tickets.length && problems.length < MAX_PROBLEMS; i++) {
    const ticket = tickets[i]
    if (checkedAlone?.has(ticket)) checkIdentity(ticket as Record<string, unknown>, i, problems, seen)
    else checkTicket(ticket, i, problems, seen)
  }
  return problems
}

/**
 * The problems of one ticket alone, as validateTickets finds them in a store of that ticket: what an import checks
 * of each ticket it builds (no store of one to make, no ids or origins to remember).
 */
export function validateTicket(ticket: unknown): TicketProblem[] {
  const problems: TicketProblem[] = []
  checkTicket(ticket, 0, problems, undefined)
  return problems
}

/** The ids and origins of the tickets checked so far: a second ticket with one of them is a problem. */
interface Seen {
  ids: Set<string>
  origins: Set<string>
}

const NULLABLE_TEXTS = ['level', 'tier', 'channel', 'product', 'assignee'] as const

/** Adds the problems of ticket `i` to `problems`; `seen`, when given, its id and origin, which must be new. */
function checkTicket(ticket: unknown, i: number, problems: TicketProblem[], seen: Seen | undefined): void {
  const t = ticket as Record<string, unknown>
  if (t === null || typeof t !== 'object' || Array.isArray(t)) {
    problems.push({ index: i, id: null, path: '', message: `expected a ticket object, got ${shown(t)}` })
    return
  }
  const id = idOf(t)
  const add = (path: string, message: string) => problems.push({ index: i, id, path, message })
  checkId(t, id, add, seen)
  if (typeof t.regulation !== 'string' || !REGULATION_ID.test(t.regulation))
    add('regulation', `expected a regulation id, got ${shown(t.regulation)}`)
  for (const key of NULLABLE_TEXTS) {
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
    else if (seen) checkOriginNew(o, add, seen)
  }
  if (t.attachments !== undefined) checkAttachments(t.attachments, add)
  if (t.helpdesk_deadline !== undefined && !isIsoInstant(t.helpdesk_deadline))
    add('helpdesk_deadline', `expected an ISO 8601 instant with offset, got ${shown(t.helpdesk_deadline)}`)
  if (t.secrets !== undefined) checkSecrets(t.secrets, 'secrets', t, add)
  const events = t.events
  if (!Array.isArray(events)) {
    add('events', `expected a list of events, got ${shown(events)}`)
    return
  }
  for (let k = 0; k < events.length; k++) checkEvent(events[k], k, add)
}

/**
 * Adds the problems validateTicket cannot find of ticket `i`, a ticket it found valid with another id: its id, and
 * that its id and origin are new (a ticket validateTickets is given in `checkedAlone`).
 */
function checkIdentity(t: Record<string, unknown>, i: number, problems: TicketProblem[], seen: Seen): void {
  const id = idOf(t)
  const add = (path: string, message: string) => problems.push({ index: i, id, path, message })
  checkId(t, id, add, seen)
  // its origin, when it has one, is of the shape checkTicket asks for: it was found valid
  if (t.origin !== undefined) checkOriginNew(t.origin as Record<string, unknown>, add, seen)
}

/** The ticket's id when it is one ("MG-000123"), else null. */
function idOf(t: Record<string, unknown>): string | null {
  return typeof t.id === 'string' && TICKET_ID.test(t.id) ? t.id : null
}

/** Adds a problem when `id` (idOf the ticket) is null, or, with `seen`, an id a ticket before had. */
function checkId(
  t: Record<string, unknown>,
  id: string | null,
  add: (path: string, message: string) => void,
  seen: Seen | undefined,
): void {
  if (id === null) add('id', `expected an id like "MG-000123", got ${shown(t.id)}`)
  else if (seen?.ids.has(id)) add('id', `duplicate ticket id ${id}`)
  else seen?.ids.add(id)
}

/** Adds a problem when a ticket before came from the same origin (`o` has "source" and "external_id" strings). */
function checkOriginNew(o: Record<string, unknown>, add: (path: string, message: string) => void, seen: Seen): void {
  const key = `${o.source}\u0000${o.external_id}`
  if (seen.origins.has(key)) add('origin', `a second ticket taken in from the same ${shown(o.source)} record`)
  else seen.origins.add(key)
}

const FROM_TO = ['from', 'to'] as const

/** The path of `field` of item `k` of a list (`events[2].at`), made only for a problem: most tickets have none. */
function fieldPath(list: string, k: number, field: string): string {
  return `${list}[${k}]${field}`
}

/** The problems of event `k` of a ticket. */
function checkEvent(event: unknown, k: number, add: (path: string, message: string) => void): void {
  const e = event as Record<string, unknown>
  if (e === null || typeof e !== 'object' || Array.isArray(e)) {
    add(fieldPath('events', k, ''), `expected an event object, got ${shown(e)}`)
    return
  }
  if (!isEventType(e.type))
    add(fieldPath('events', k, '.type'), `expected one of ${EVENT_TYPES.join(', ')}, got ${shown(e.type)}`)
  if (!isIsoInstant(e.at))
    add(fieldPath('events', k, '.at'), `expected an ISO 8601 instant with offset, got ${shown(e.at)}`)
  if (typeof e.author !== 'string') add(fieldPath('events', k, '.author'), `expected a string, got ${shown(e.author)}`)
  if (e.message !== undefined && typeof e.message !== 'string')
    add(fieldPath('events', k, '.message'), `expected a string, got ${shown(e.message)}`)
  for (const key of FROM_TO) {
    const v = e[key]
    if (v !== undefined && v !== null && typeof v !== 'string')
      add(fieldPath('events', k, `.${key}`), `expected a string or null, got ${shown(v)}`)
  }
  if (e.type === 'status_change' && !isStatus(e.to))
    add(fieldPath('events', k, '.to'), `expected one of ${STATUSES.join(', ')}, got ${shown(e.to)}`)
  if (e.rule !== undefined && typeof e.rule !== 'string')
    add(fieldPath('events', k, '.rule'), `expected a string, got ${shown(e.rule)}`)
  if (e.secrets !== undefined) checkSecrets(e.secrets, fieldPath('events', k, '.secrets'), e, add)
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
  for (let k = 0; k < windows.length; k++) checkWindow(windows[k], k, add)
}

const DEADLINE_TARGET = ['deadline', 'target'] as const

/** The problems of recorded window `k` of a ticket. */
function checkWindow(window: unknown, k: number, add: (path: string, message: string) => void): void {
  const w = window as Record<string, unknown>
  if (w === null || typeof w !== 'object' || Array.isArray(w)) {
    add(fieldPath('windows', k, ''), `expected a recorded window, got ${shown(w)}`)
    return
  }
  if (!isIsoInstant(w.opened_at))
    add(fieldPath('windows', k, '.opened_at'), `expected an ISO 8601 instant with offset, got ${shown(w.opened_at)}`)
  for (const key of DEADLINE_TARGET)
    if (w[key] !== null && !isIsoInstant(w[key]))
      add(fieldPath('windows', k, `.${key}`), `expected an ISO 8601 instant with offset or null, got ${shown(w[key])}`)
  if (w.level !== null && typeof w.level !== 'string')
    add(fieldPath('windows', k, '.level'), `expected a string or null, got ${shown(w.level)}`)
  if (typeof w.fingerprint !== 'string')
    add(fieldPath('windows', k, '.fingerprint'), `expected a string, got ${shown(w.fingerprint)}`)
  if (w.assumed_level !== undefined && typeof w.assumed_level !== 'boolean')
    add(fieldPath('windows', k, '.assumed_level'), `expected true or false, got ${shown(w.assumed_level)}`)
  if (w.reason !== undefined && !REASONS.has(w.reason))
    add(fieldPath('windows', k, '.reason'), `expected a reason or null, got ${shown(w.reason)}`)
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

/** A ticket is checked like the stored ones before it is written: a bug must not corrupt a store. */
export function checkedTicket(ticket: Ticket): Ticket {
  const problem = validateTicket(ticket)[0]
  if (problem) throw new Error(`refusing to store an invalid ticket: ${problem.path}: ${problem.message}`)
  return ticket
}

/** The ticket list after validation succeeded. */
export function asTickets(tickets: unknown): Ticket[] {
  return tickets as Ticket[]
}

/**
 * Where a JSON text stops being JSON, found by a small scanner (JSON.parse's messages differ by
 * Node version, sometimes lack the position and quote the text, which may hold credentials).
 * Returns null when the text is valid JSON.
 */
export function findJsonError(text: string): { offset: number; message: string } | null {
  let i = 0
  const n = text.length
  const END = 'unexpected end of the file (is it truncated?)'
  class Stop {
    constructor(readonly message: string) {}
  }
  const fail = (message: string): never => {
    throw new Stop(i >= n ? END : message)
  }
  const ws = () => {
    while (i < n) {
      const c = text.charCodeAt(i)
      if (c === 32 || c === 9 || c === 10 || c === 13) i++
      else break
    }
  }
  const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y
  const string = () => {
    i++
    for (;;) {
      if (i >= n) fail(END)
      const c = text.charCodeAt(i)
      if (c === 34) {
        i++
        return
      }
      if (c === 92) {
        const e = text[i + 1]
        if (e === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) fail('bad \\u escape in a string')
          i += 6
        } else if (e !== undefined && '"\\/bfnrt'.includes(e)) i += 2
        else fail('bad escape in a string')
      } else if (c < 0x20) fail('a line break or control character inside a string (a missing closing quote?)')
      else i++
    }
  }
  const value = (depth: number): void => {
    if (depth > 500) fail('nested too deeply')
    ws()
    const c = text[i]
    if (c === '{') {
      i++
      ws()
      if (text[i] === '}') {
        i++
        return
      }
      for (;;) {
        ws()
        if (text[i] !== '"') fail('expected a property name in double quotes')
        string()
        ws()
        if (text[i] !== ':') fail("expected ':' after a property name")
        i++
        value(depth + 1)
        ws()
        if (text[i] === ',') {
          i++
          continue
        }
        if (text[i] === '}') {
          i++
          return
        }
        fail("expected ',' or '}' after a property value")
      }
    }
    if (c === '[') {
      i++
      ws()
      if (text[i] === ']') {
        i++
        return
      }
      for (;;) {
        value(depth + 1)
        ws()
        if (text[i] === ',') {
          i++
          continue
        }
        if (text[i] === ']') {
          i++
          return
        }
        fail("expected ',' or ']' after a list item")
      }
    }
    if (c === '"') {
      string()
      return
    }
    for (const word of ['true', 'false', 'null'])
      if (text.startsWith(word, i)) {
        i += word.length
        return
      }
    NUMBER.lastIndex = i
    if (NUMBER.test(text)) {
      i = NUMBER.lastIndex
      return
    }
    fail('expected a value (object, list, string, number, true, false or null)')
  }
  try {
    value(0)
    ws()
    if (i < n) fail('unexpected text after the end of the JSON document')
    return null
  } catch (e) {
    if (e instanceof Stop) return { offset: Math.min(i, n), message: e.message }
    throw e
  }
}
