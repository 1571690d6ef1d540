import type { BusinessClock } from '../calendar/clock.js'
import { instantMs } from '../calendar/instant.js'
import { RegdeskError } from '../errors.js'
import type { Regulation } from '../regulation/load.js'
import type { LifecycleRule } from '../regulation/schema.js'
import { PURGED_MASK, purgedText } from './secrets.js'
import type { Status, Ticket, TicketEvent } from './ticket.js'

/** Who acts and when (an ISO instant in the regulation's zone). */
export interface Actor {
  author: string
  at: string
}

/** Appends a status change (nothing when the status is already `to`). */
export function setStatus(t: Ticket, to: Status, actor: Actor, rule?: string): void {
  if (t.status === to) return
  t.events.push({
    type: 'status_change',
    at: actor.at,
    author: actor.author,
    from: t.status,
    to,
    ...(rule ? { rule } : {}),
  })
  t.status = to
}

function refuseClosed(t: Ticket, action: string): void {
  if (t.status === 'closed') throw new RegdeskError(`cannot ${action} ${t.id}: it is closed; reopen it first`)
}

/** An agent answered: a new ticket becomes open. */
export function respond(t: Ticket, actor: Actor, message?: TicketEvent): void {
  refuseClosed(t, 'respond to')
  t.events.push({ type: 'agent_response', at: actor.at, author: actor.author, ...messageOf(message) })
  if (t.status === 'new') setStatus(t, 'open', actor)
}

/** The customer replied: a ticket waiting for them or resolved becomes open again. */
export function customerReply(t: Ticket, actor: Actor, message?: TicketEvent): void {
  refuseClosed(t, 'record a reply on')
  t.events.push({ type: 'customer_reply', at: actor.at, author: actor.author, ...messageOf(message) })
  if (t.status === 'waiting_customer' || t.status === 'resolved') setStatus(t, 'open', actor)
}

export function changeStatus(t: Ticket, to: Status, actor: Actor): void {
  const allowed: Record<Status, Status[]> = {
    new: [],
    open: ['closed', 'resolved'],
    waiting_customer: ['new', 'open'],
    resolved: ['new', 'open', 'waiting_customer'],
    closed: ['new', 'open', 'waiting_customer', 'resolved'],
  }
  if (t.status === to) throw new RegdeskError(`${t.id} already has the status ${to}`)
  if (!allowed[to].includes(t.status))
    throw new RegdeskError(
      `cannot move ${t.id} from ${t.status} to ${to}; ${to === 'open' ? 'only a resolved or closed ticket is reopened' : 'reopen it first'}`,
    )
  setStatus(t, to, actor)
}

/**
 * Assigns the ticket. Taking a ticket another agent has is refused unless `reassign`: when two
 * agents take the same ticket at once, the store runs the changes one after the other (the
 * JSON file's lock, the database's row lock), so the second is told who has it instead of
 * silently taking it over.
 */
export function assign(t: Ticket, agent: string | null, actor: Actor, reassign = false): void {
  if (t.assignee === agent)
    throw new RegdeskError(`${t.id} is already ${agent === null ? 'unassigned' : `assigned to ${agent}`}`)
  if (agent !== null && t.assignee !== null && !reassign)
    throw new RegdeskError(
      `${t.id} is assigned to ${t.assignee}; pass --reassign to give it to ${agent}, or unassign it first`,
    )
  t.events.push({ type: 'assignment', at: actor.at, author: actor.author, from: t.assignee, to: agent })
  t.assignee = agent
}

/** A level change applies to the windows opened at or after it (see ticketWindows). */
export function changeLevel(t: Ticket, reg: Regulation, level: string, actor: Actor): void {
  if (!reg.levels[level])
    throw new RegdeskError(`unknown level "${level}" for ${reg.id}; levels: ${Object.keys(reg.levels).join(', ')}`)
  if (t.level === level) throw new RegdeskError(`${t.id} is already at level ${level}`)
  t.events.push({ type: 'level_change', at: actor.at, author: actor.author, from: t.level, to: level })
  t.level = level
}

/**
 * Settles the events a change appended at an instant before the ticket's last event (a late entry of the record,
 * `--force`): each is placed at its time among the others, and the status changes it implied against the status of
 * now are dropped — the history recorded after it decided the statuses since, and the ticket keeps its status.
 * A reply entered late into a ticket resolved after it does not reopen it. `appendedFrom`: the number of events before
 * the change; `status`: the ticket's status before it.
 * @returns whether anything was entered late (false: the events were at the end of the history already)
 */
export function settleLateEntry(t: Ticket, appendedFrom: number, status: Status): boolean {
  const before = t.events.slice(0, appendedFrom)
  const appended = t.events.slice(appendedFrom)
  const lastAt = before.reduce((m, e) => Math.max(m, instantMs(e.at)), Number.NEGATIVE_INFINITY)
  if (!appended.some((e) => instantMs(e.at) < lastAt)) return false
  const events = [...before]
  for (const e of appended) {
    if (e.type === 'status_change') continue
    const at = instantMs(e.at)
    // after every event at or before its time: a stable place among events of the same instant
    let i = events.length
    while (i > 0 && instantMs((events[i - 1] as TicketEvent).at) > at) i--
    events.splice(i, 0, e)
  }
  t.events = events
  t.status = status
  return true
}

function messageOf(e: TicketEvent | undefined): Partial<TicketEvent> {
  if (!e?.message) return {}
  return { message: e.message, ...(e.secrets?.length ? { secrets: e.secrets } : {}) }
}

/** A lifecycle rule that applies to a ticket now, and since when it does. */
export interface RuleMatch {
  ticket: Ticket
  rule: LifecycleRule
  /** the instant the rule's period ended (it applies from then on) */
  dueAt: number
}

const last = (events: readonly TicketEvent[], pred: (e: TicketEvent) => boolean): number => {
  let best = Number.NEGATIVE_INFINITY
  for (const e of events) {
    if (!pred(e)) continue
    const ms = Date.parse(e.at)
    if (ms > best) best = ms
  }
  return best
}

const isAgentAnswer = (e: TicketEvent) =>
  e.type === 'agent_response' || (e.type === 'status_change' && (e.to === 'waiting_customer' || e.to === 'resolved'))
const isCustomer = (e: TicketEvent) => e.type === 'received' || e.type === 'customer_reply'

/**
 * The tickets `autoclose` closes at `now`:
 * - close_resolved_after_inactivity: resolved, and the last event is older than the period;
 * - close_without_customer_answer: not closed, the agent spoke last (a response, or moving the
 *   ticket to waiting/resolved) and the customer has not answered for the period.
 * Periods are counted with the regulation's clock (calendar days: same wall-clock time).
 */
export function autocloseMatches(
  tickets: readonly Ticket[],
  regOf: (id: string) => Regulation | undefined,
  clockOf: (reg: Regulation) => BusinessClock,
  now: number,
): RuleMatch[] {
  const out: RuleMatch[] = []
  for (const t of tickets) {
    if (t.status === 'closed' || t.status === 'new') continue
    const reg = regOf(t.regulation)
    if (!reg) continue
    for (const rule of reg.lifecycle) {
      let since: number
      if (rule.rule === 'close_resolved_after_inactivity') {
        if (t.status !== 'resolved') continue
        since = last(t.events, () => true)
      } else if (rule.rule === 'close_without_customer_answer') {
        const agent = last(t.events, isAgentAnswer)
        if (!(agent > last(t.events, isCustomer))) continue
        since = agent
      } else continue
      if (!Number.isFinite(since) || since > now) continue
      const dueAt = clockOf(reg).add(since, rule.after)
      if (dueAt <= now) {
        out.push({ ticket: t, rule, dueAt })
        break
      }
    }
  }
  return out
}

/** Closed tickets holding credentials past the regulation's retention (moguta: 2 days after closing). */
export function purgeMatches(
  tickets: readonly Ticket[],
  regOf: (id: string) => Regulation | undefined,
  clockOf: (reg: Regulation) => BusinessClock,
  now: number,
): RuleMatch[] {
  const out: RuleMatch[] = []
  for (const t of tickets) {
    if (t.status !== 'closed' || !hasSecrets(t)) continue
    const reg = regOf(t.regulation)
    const rule = reg?.lifecycle.find((r) => r.rule === 'purge_credentials_after_close')
    if (!reg || !rule || rule.rule !== 'purge_credentials_after_close') continue
    const closedAt = last(t.events, (e) => e.type === 'status_change' && e.to === 'closed')
    if (!Number.isFinite(closedAt)) continue
    const dueAt = clockOf(reg).add(closedAt, rule.after)
    if (dueAt <= now) out.push({ ticket: t, rule, dueAt })
  }
  return out
}

export function hasSecrets(t: Ticket): boolean {
  return Boolean(t.secrets?.length) || t.events.some((e) => e.secrets?.length)
}

/** Drops every stored credential value for good; the texts keep PURGED_MASK where they were. Returns how many. */
export function purgeSecrets(t: Ticket, actor: Actor, rule: LifecycleRule): number {
  let n = 0
  if (t.secrets?.length) {
    n += t.secrets.length
    t.text = purgedText(t.text, 'text', t.secrets)
    t.subject = purgedText(t.subject, 'subject', t.secrets)
    delete t.secrets
  }
  for (const e of t.events) {
    if (!e.secrets?.length) continue
    n += e.secrets.length
    if (e.message !== undefined) e.message = purgedText(e.message, 'message', e.secrets)
    delete e.secrets
  }
  t.events.push({
    type: 'note',
    at: actor.at,
    author: actor.author,
    rule: rule.rule,
    message: `${n} credential${n === 1 ? '' : 's'} removed from the ticket (${PURGED_MASK}) under clause ${rule.clause} of the regulation`,
  })
  return n
}

/** A ticket's status at an instant: the last status change up to it (events are in time order). */
export function statusAt(t: Ticket, at: number): Status {
  let status: Status = 'new'
  for (const e of t.events) {
    if (instantMs(e.at) > at) break
    if (e.type === 'status_change' && e.to) status = e.to as Status
  }
  return status
}
