import type { Channel } from '../regulation/vocabulary.js'
import type { Status } from '../ticket/ticket.js'
import { plainText } from './html-text.js'
import {
  FieldError,
  type ImportEvent,
  type ImportRecord,
  optionalText,
  requiredText,
  shownValue,
  TimeReader,
} from './record.js'

/**
 * A Usedesk ticket as its API gives it (POST /ticket: `{ticket, comments, changes}`; a saved list of them as a JSON
 * array; docs/IMPORT.md names the fields used). Usedesk documents its times as UTC and writes them without an offset
 * ("2026-11-20 12:00:00"): they are read as UTC whatever --tz says.
 */
export function usedeskRecord(answer: unknown): ImportRecord {
  if (answer === null || typeof answer !== 'object' || Array.isArray(answer))
    throw new FieldError(null, `expected a Usedesk ticket object, got ${shownValue(answer)}`)
  const a = answer as Record<string, unknown>
  const t = (a.ticket && typeof a.ticket === 'object' ? a.ticket : a) as Record<string, unknown>
  const prefix = a.ticket ? 'ticket.' : ''
  const utc = new TimeReader('UTC')
  const created = utc.instant(t.published_at ?? t.created_at, `${prefix}published_at`)
  const comments = listOf(a.comments ?? t.comments, 'comments')
  const changes = listOf(a.changes ?? t.changes, 'changes')

  // agents by id, as the comments name them: changes and the assignee carry only ids
  const agents = new Map<number, string>()
  for (const c of comments) {
    const user = (c as Record<string, unknown>).user as Record<string, unknown> | null | undefined
    if (user && typeof user.id === 'number' && typeof user.name === 'string') agents.set(user.id, user.name)
  }
  const agentName = (id: unknown): string | null =>
    typeof id === 'number' ? (agents.get(id) ?? `usedesk user ${id}`) : null

  // the request itself is the client's first message, when no agent wrote before it
  const firstClient = comments.findIndex((c) => (c as Record<string, unknown> | null)?.from === 'client')
  const bodyAt = comments.slice(0, firstClient).some((c) => (c as Record<string, unknown> | null)?.from === 'user')
    ? -1
    : firstClient
  let body = ''
  let requester = optionalText(t.client_name, `${prefix}client_name`)
  const events: ImportEvent[] = []
  comments.forEach((raw, i) => {
    const at = `comments[${i}]`
    if (raw === null || typeof raw !== 'object') throw new FieldError(at, `expected a comment, got ${shownValue(raw)}`)
    const c = raw as Record<string, unknown>
    const when = Math.max(utc.instant(c.published_at, `${at}.published_at`), created)
    const message = plainText(optionalText(c.message, `${at}.message`) ?? '')
    if (c.from === 'client') {
      const name = nameIn(c.client) ?? optionalText(c.client_name, `${at}.client_name`)
      requester ??= name
      if (i === bodyAt) body = message
      else events.push({ type: 'customer_reply', at: when, author: name, ...(message ? { message } : {}) })
    } else if (c.from === 'user') {
      const author = nameIn(c.user) ?? agentName(c.user_id)
      events.push({
        type: c.type === 'private' ? 'note' : 'agent_response',
        at: when,
        author,
        ...(message ? { message } : {}),
      })
    }
    // a trigger's message is the helpdesk's own automation, not a reaction
  })

  let last: Status | null = null
  changes.forEach((raw, i) => {
    const at = `changes[${i}]`
    if (raw === null || typeof raw !== 'object') throw new FieldError(at, `expected a change, got ${shownValue(raw)}`)
    const c = raw as Record<string, unknown>
    if (c.new_status === undefined || c.new_status === null || c.new_status === c.old_status) return
    const to = statusOf(c.new_status, `${at}.new_status`)
    if (to === last) return
    events.push({
      type: 'status_change',
      at: Math.max(utc.instant(c.changed_at, `${at}.changed_at`), created),
      author: agentName(c.user_id),
      to,
    })
    last = to
  })
  events.sort((x, y) => x.at - y.at)
  const subject = optionalText(t.subject, `${prefix}subject`)
  // a Usedesk ticket has a subject or a client's message; an object with neither is another helpdesk's (an Okdesk
  // issue has `title` and `description`), which would make an empty ticket
  if (!subject?.trim() && !body.trim())
    throw new FieldError(
      null,
      'has neither a subject nor a client message: is it a Usedesk ticket ({ticket, comments, changes})?',
    )

  const notRequest = notARequest(t.status_id)
  return {
    ...(notRequest ? { notARequest: notRequest } : {}),
    source: 'usedesk',
    external_id: requiredText(t.id, `${prefix}id`),
    created_at: created,
    subject,
    body,
    requester,
    channel: channelOf(t),
    tier: null,
    product: null,
    status: t.status_id === undefined || t.status_id === null ? null : statusOf(t.status_id, `${prefix}status_id`),
    assignee: agentName(t.assignee_id),
    level: undefined,
    critical: false,
    helpdesk_deadline: null,
    license_date: null,
    regulation: null,
    events,
  }
}

/**
 * Usedesk's status ids: 1 opened, 2 completed, 3 closed, 4 deleted, 5 on hold, 6 waiting, 7 spam, 8 new,
 * 9 mailing, 10 merged. Deleted, spam, mailing and merged tickets are finished: closed, and no requests (NOT_REQUESTS).
 */
const STATUSES: Record<number, Status> = {
  1: 'open',
  2: 'resolved',
  3: 'closed',
  4: 'closed',
  5: 'open',
  6: 'waiting_customer',
  7: 'closed',
  8: 'new',
  9: 'closed',
  10: 'closed',
}

/** The statuses of tickets that are no request to answer, by what they are: a reaction window means nothing there. */
const NOT_REQUESTS: Record<number, string> = { 4: 'deleted', 7: 'spam', 9: 'a mailing', 10: 'merged into another' }

/** What a Usedesk ticket is when its status says it is no request (NOT_REQUESTS); undefined for a request. */
function notARequest(value: unknown): string | undefined {
  const id = statusId(value)
  return id === undefined ? undefined : NOT_REQUESTS[id]
}

function statusOf(value: unknown, field: string): Status {
  const id = statusId(value)
  const status = id === undefined ? undefined : STATUSES[id]
  if (!status) throw new FieldError(field, `expected a Usedesk status id 1–10, got ${shownValue(value)}`)
  return status
}

/** A status id as Usedesk gives it, a number or its digits in a string; undefined for anything else. */
function statusId(value: unknown): number | undefined {
  const id = typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value
  return typeof id === 'number' ? id : undefined
}

function channelOf(t: Record<string, unknown>): Channel | null {
  return typeof t.email === 'string' && t.email.includes('@') ? 'email' : null
}

function listOf(value: unknown, field: string): unknown[] {
  if (value === undefined || value === null) return []
  if (!Array.isArray(value)) throw new FieldError(field, `expected a list, got ${shownValue(value)}`)
  return value
}

function nameIn(person: unknown): string | null {
  const name = person && typeof person === 'object' ? (person as Record<string, unknown>).name : undefined
  return typeof name === 'string' && name.trim() ? name.trim() : null
}
