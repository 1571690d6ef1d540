import type { BusinessClock } from '../calendar/clock.js'
import { formatInstantIn, instantMs } from '../calendar/instant.js'
import type { Regulation } from '../regulation/load.js'
import { newTicket, subjectFromText } from '../ticket/intake.js'
import { statusAt } from '../ticket/lifecycle.js'
import { splitSecrets } from '../ticket/secrets.js'
import type { Status, Ticket, TicketEvent } from '../ticket/ticket.js'
import type { StoredTriage } from '../ticket/triage-record.js'
import { recordWindows } from '../ticket/window-record.js'
import { findSecrets } from '../triage/credentials.js'
import { resolveProduct } from '../triage/product.js'
import { FieldError, type ImportEvent, type ImportRecord, shownValue } from './record.js'

/** What a record's ticket is built with besides the record: the regulation, its clock, and the level and verdict. */
export interface TicketSetting {
  reg: Regulation
  clock: BusinessClock
  /** chosen by levelOf */
  level: string | null
  /** the verdict of triage on the record's text; null with --no-triage */
  triage: StoredTriage | null
}

/**
 * Checks what of a record only the regulation can judge (its tier, level and product) and returns the product as
 * the regulation names it (an unknown name is kept as given: triage may refuse it). A record of another regulation
 * (an export names it) is not given here: it is left for its own import.
 * @throws FieldError for a tier or level the regulation does not have
 */
export function checkAgainst(r: ImportRecord, reg: Regulation): void {
  if (r.tier !== null && !reg.tiers.some((t) => t.id === r.tier))
    throw new FieldError(
      'tier',
      reg.tiers.length
        ? `unknown tier ${shownValue(r.tier)} for ${reg.id}; tiers: ${reg.tiers.map((t) => t.id).join(', ')}`
        : `${reg.id} has no tiers`,
    )
  if (r.level !== null && r.level !== undefined && !reg.levels[r.level])
    throw new FieldError(
      'level',
      `unknown level ${shownValue(r.level)} for ${reg.id}; levels: ${Object.keys(reg.levels).join(', ')}`,
    )
  if (r.product !== null) r.product = productOf(r.product, reg)
  // a level change names levels of the regulation, as a record's level does
  // (the events are in time order here, with the flat times among them: the field is the list, the level says which)
  for (const e of r.events) {
    if (e.type !== 'level_change') continue
    for (const level of [e.from, e.to])
      if (level !== undefined && level !== null && !Object.hasOwn(reg.levels, level))
        throw new FieldError(
          'events',
          `a level change names the level ${shownValue(level)}, which ${reg.id} does not have; levels: ${Object.keys(reg.levels).join(', ')}`,
        )
  }
}

/**
 * A record's product as `tickets add --product` takes it: a product of the regulation (by id or name); one its list
 * leaves out when the regulation refuses such products (a verdict, out: product_unsupported); else a bad value.
 * @throws FieldError
 */
function productOf(product: string, reg: Regulation): string {
  const known = resolveProduct(reg, product)
  if (known) return known
  if (reg.products?.length && reg.eligibility.some((e) => e.rule === 'product_unsupported')) return product
  throw new FieldError(
    'product',
    reg.products?.length
      ? `unknown product ${shownValue(product)} for ${reg.id}; products: ${reg.products.map((p) => p.id).join(', ')}`
      : `${reg.id} lists no products`,
  )
}

/**
 * The level of a record's ticket: the one the agent forces (--level), else the one the record carries (a regdesk
 * export), else triage's, else its tier's (without triage); null leaves it to the regulation's assumed level.
 */
export function levelOf(r: ImportRecord, reg: Regulation, forced: string | null, triaged: StoredTriage | null) {
  if (forced !== null) return forced
  if (r.level !== undefined) return r.level
  if (triaged) return triaged.level
  const tier = reg.tiers.find((t) => t.id === r.tier) ?? reg.tiers.find((t) => t.default)
  return tier?.level ?? null
}

/**
 * The ticket of an imported record, its history the record's: received at `created_at`, then the record's events
 * in time order, the status the record gives (else the one its events lead to), and its reaction windows recorded
 * by the regulation of now. Credentials in its texts are taken apart as in `tickets add`. The same record always
 * gives the same ticket (authors come from the record, not from who imports it), so importing it again changes
 * nothing.
 */
export function importedTicket(id: string, r: ImportRecord, s: TicketSetting): Ticket {
  const zone = s.reg.workingTime.timezone
  const at = (ms: number) => formatInstantIn(ms, zone)
  const body = splitSecrets(r.body, 'text', findSecrets(r.body))
  const line = typeof r.subject === 'string' ? oneLine(r.subject) : undefined
  const subject = line ? splitSecrets(line, 'subject', findSecrets(line)) : subjectFromText(body)
  const ticket = newTicket(id, {
    regulation: s.reg.id,
    receivedAt: at(r.created_at),
    text: body.text,
    subject: subject.text,
    secrets: [...body.secrets, ...subject.secrets],
    level: s.level,
    tier: r.tier ?? s.reg.tiers.find((t) => t.default)?.id ?? null,
    channel: r.channel,
    product: r.product,
    ...(r.license_date !== null ? { licenseDate: r.license_date } : {}),
    critical: r.critical,
    triage: s.triage,
    author: r.requester?.trim() || r.source,
  })
  if (r.requester?.trim()) ticket.customer = r.requester.trim()
  ticket.origin = { source: r.source, external_id: r.external_id }
  if (r.helpdesk_deadline !== null) ticket.helpdesk_deadline = at(r.helpdesk_deadline)
  if (r.attachments?.length) ticket.attachments = r.attachments.map((a) => ({ ...a }))
  let status: Status = 'new'
  let assignee: string | null = null
  const later: TicketEvent[] = []
  for (let i = 0; i < r.events.length; i++) {
    const e = r.events[i] as ImportEvent
    const event = eventOf(e, r, at, status)
    later.push(event)
    if (e.type === 'status_change') status = e.to as Status
    else if (
      (e.type === 'agent_response' && status === 'new') ||
      (e.type === 'customer_reply' && (status === 'waiting_customer' || status === 'resolved'))
    ) {
      // the move a response or a reply makes, recorded as `tickets respond` and `reply` record it (reports replay the
      // status from these events) unless the record gives it itself, next and at the same time (a regdesk export)
      const next = r.events[i + 1]
      // the record's own change, next, moves it (from the status before the response: not «open → open»)
      if (!(next?.type === 'status_change' && next.to === 'open' && next.at === e.at)) {
        later.push({ type: 'status_change', at: event.at, author: event.author, from: status, to: 'open' })
        status = 'open'
      }
    } else if (e.type === 'assignment') assignee = e.to ?? null
  }
  // one list of the events' length: pushed to one by one, it would keep room for 19 in each of 100,000 tickets
  if (later.length) ticket.events = ticket.events.concat(later)
  ticket.status = r.status ?? status
  ticket.assignee = r.assignee?.trim() || assignee
  recordWindows(ticket, s.reg, s.clock)
  return ticket
}

/** Whitespace that oneLine changes: any but a space, or a run of two. */
const UNEVEN_SPACE = /[^\S ]| \s/

/** The text on one line: each run of whitespace one space, none at the ends (a subject is mostly that already). */
export function oneLine(text: string): string {
  return (UNEVEN_SPACE.test(text) ? text.replace(/\s+/g, ' ') : text).trim()
}

function eventOf(e: ImportEvent, r: ImportRecord, at: (ms: number) => string, status: Status): TicketEvent {
  const customer = e.type === 'customer_reply'
  const event: TicketEvent = {
    type: e.type,
    at: at(e.at),
    author: e.author?.trim() || (customer ? r.requester?.trim() || 'customer' : r.assignee?.trim() || r.source),
  }
  if (e.message !== undefined) {
    const m = splitSecrets(e.message, 'message', findSecrets(e.message))
    event.message = m.text
    if (m.secrets.length) event.secrets = m.secrets
  }
  if (e.from !== undefined) event.from = e.from
  else if (e.type === 'status_change') event.from = status
  if (e.to !== undefined) event.to = e.to
  if (e.field !== undefined) event.field = e.field
  if (e.rule !== undefined) event.rule = e.rule
  return event
}

/** Whether two tickets hold the same (key order aside: a database may give keys in another order). */
export function sameTicket(a: Ticket, b: Ticket): boolean {
  try {
    return sameJson(a, b)
  } catch (e) {
    if (!(e instanceof NotPlainJson)) throw e
    return canonical(a) === canonical(b)
  }
}

/** Thrown by sameJson at a value JSON has no plain form of, where only the canonical texts can tell. */
class NotPlainJson extends Error {}

/**
 * Whether two values have the same canonical text, found without making it (an import of 100,000 records already
 * there compares each): for JSON's own values (null, booleans, finite numbers, strings, lists, objects; keys with
 * undefined left out, as canonical does). Any other value (undefined in a list, a function, a symbol, a bigint, a
 * number JSON writes as null) throws NotPlainJson: canonical writes some of those alike.
 */
export function sameJson(a: unknown, b: unknown): boolean {
  if (typeof a !== 'object' || a === null || typeof b !== 'object' || b === null) return samePlainLeaf(a, b)
  if (Array.isArray(a) !== Array.isArray(b)) return false
  if (Array.isArray(a)) return sameList(a, b as unknown[])
  return sameObject(a as Record<string, unknown>, b as Record<string, unknown>)
}

function samePlainLeaf(a: unknown, b: unknown): boolean {
  plainLeaf(a)
  plainLeaf(b)
  return a === b
}

/** @throws NotPlainJson unless `v` is null, a boolean, a finite number, a string, or an object or list */
function plainLeaf(v: unknown): void {
  const type = typeof v
  if (v === null || type === 'string' || type === 'boolean' || type === 'object') return
  if (type === 'number' && Number.isFinite(v)) return
  throw new NotPlainJson()
}

function sameList(a: readonly unknown[], b: readonly unknown[]): boolean {
  // canonical writes an undefined item as nothing: [undefined] and [] read alike
  if (a.length !== b.length) {
    for (const v of a) if (typeof v !== 'object') plainLeaf(v)
    for (const v of b) if (typeof v !== 'object') plainLeaf(v)
    return false
  }
  for (let i = 0; i < a.length; i++) if (!sameJson(a[i], b[i])) return false
  return true
}

function sameObject(a: Record<string, unknown>, b: Record<string, unknown>): boolean {
  let count = 0
  for (const key of Object.keys(a)) {
    const v = a[key]
    if (v === undefined) continue
    count++
    const w = b[key]
    if (w === undefined || !Object.hasOwn(b, key)) {
      plainLeaf(v)
      return false
    }
    if (!sameJson(v, w)) return false
  }
  let other = 0
  for (const key of Object.keys(b)) if (b[key] !== undefined) other++
  return count === other
}

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`
  if (value && typeof value === 'object') {
    const o = value as Record<string, unknown>
    return `{${Object.keys(o)
      .filter((k) => o[k] !== undefined)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical(o[k])}`)
      .join(',')}}`
  }
  return JSON.stringify(value)
}

/**
 * The work done in regdesk on an imported ticket since its record was taken in: the events of `stored` that the
 * helpdesk's record (`fresh`) does not hold — a response, a note, an assignment, a status an agent set here. Each of
 * the record's events accounts for one stored event alike (a note written twice is two); the receipt is the record's.
 */
export function localEvents(stored: Ticket, fresh: Ticket): TicketEvent[] {
  const held = new Map<string, number>()
  for (const e of fresh.events) {
    const key = canonical(e)
    held.set(key, (held.get(key) ?? 0) + 1)
  }
  const local: TicketEvent[] = []
  for (const e of stored.events) {
    if (e.type === 'received') continue
    const key = canonical(e)
    const n = held.get(key) ?? 0
    if (n > 0) held.set(key, n - 1)
    else local.push(e)
  }
  return local
}

/**
 * The ticket of a helpdesk's record with the work done on it in regdesk kept (localEvents): the events in time order
 * (ties keep the record's first), and the status, assignee and level the local events set, unless the record changed
 * the same thing later (a status change, an assignment, a level change of its own after the local one). A status the
 * record states without its events (a helpdesk's snapshot) stands against local changes made before its last event.
 */
export function withLocalWork(fresh: Ticket, local: readonly TicketEvent[]): Ticket {
  const inTimeOrder = (list: readonly TicketEvent[]) =>
    list
      .map((e, i) => ({ e, i, t: instantMs(e.at) }))
      .sort((a, b) => a.t - b.t || a.i - b.i)
      .map((x) => x.e)
  const ticket: Ticket = { ...fresh, events: withoutRepeatedOpening(inTimeOrder([...fresh.events, ...local])) }
  const lastOfRecord = (type: TicketEvent['type']) =>
    Math.max(Number.NEGATIVE_INFINITY, ...fresh.events.filter((e) => e.type === type).map((e) => instantMs(e.at)))
  // a status the record's events lead to stands until a later change; a stated one, until the record's last event
  const statusFrom =
    fresh.status === statusAt(fresh, Number.POSITIVE_INFINITY)
      ? lastOfRecord('status_change')
      : Math.max(...fresh.events.map((e) => instantMs(e.at)))
  for (const e of inTimeOrder(local)) {
    const t = instantMs(e.at)
    if (e.type === 'status_change' && e.to && t >= statusFrom) ticket.status = e.to as Status
    else if (e.type === 'assignment' && t >= lastOfRecord('assignment')) ticket.assignee = e.to ?? null
    else if (e.type === 'level_change' && t >= lastOfRecord('level_change')) ticket.level = e.to ?? null
  }
  return ticket
}

/**
 * The timeline without a move out of `new` that an earlier one made already: a response in the record moves a new
 * ticket to open (importedTicket), yet a response in regdesk before it may have done so («new → open» twice).
 */
function withoutRepeatedOpening(events: TicketEvent[]): TicketEvent[] {
  let status: string = 'new'
  return events.filter((e) => {
    if (e.type !== 'status_change') return true
    if (e.from === 'new' && e.to === 'open' && status !== 'new') return false
    status = e.to ?? status
    return true
  })
}

/** Makes `stored` the ticket `fresh` (its id kept): every field replaced, fields `fresh` lacks removed. */
export function replaceTicket(stored: Ticket, fresh: Ticket): void {
  const id = stored.id
  const s = stored as unknown as Record<string, unknown>
  for (const key of Object.keys(s)) delete s[key]
  Object.assign(s, fresh, { id })
}
