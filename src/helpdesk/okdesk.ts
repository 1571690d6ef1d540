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
  type TimeReader,
} from './record.js'

/**
 * An Okdesk issue as its API gives it (GET /api/v1/issues/{id}, or the list saved as a JSON array; docs/IMPORT.md
 * names the fields used): times are ISO 8601 with offsets. The issue's own reaction deadline
 * (`planned_reaction_at`) is kept as the ticket's helpdesk deadline, to compare with regdesk's.
 */
export function okdeskRecord(issue: unknown, times: TimeReader): ImportRecord {
  if (issue === null || typeof issue !== 'object' || Array.isArray(issue))
    throw new FieldError(null, `expected an Okdesk issue object, got ${shownValue(issue)}`)
  const o = issue as Record<string, unknown>
  const created = times.instant(o.created_at, 'created_at')
  const assignee = nameOf(o.assignee, 'assignee')
  const status = statusOf(o.status)
  const events: ImportEvent[] = []
  const reacted = times.optional(o.reacted_at, 'reacted_at')
  if (reacted !== null) events.push({ type: 'agent_response', at: Math.max(reacted, created), author: assignee })
  const completed = times.optional(o.completed_at, 'completed_at')
  if (completed !== null && (status === 'resolved' || status === 'closed'))
    events.push({ type: 'status_change', at: Math.max(completed, created), author: assignee, to: status })
  events.sort((a, b) => a.at - b.at)
  return {
    source: 'okdesk',
    external_id: requiredText(o.id, 'id'),
    created_at: created,
    subject: optionalText(o.title, 'title'),
    // Okdesk keeps the description as HTML («<p>…</p>», «&nbsp;»)
    body: plainText(optionalText(o.description, 'description') ?? ''),
    requester: nameOf(o.contact, 'contact') ?? nameOf(o.client, 'client'),
    channel: channelOf(o.source),
    tier: null,
    product: null,
    // an issue still "opened" that was reacted to is open in regdesk's words
    status: status === 'new' && reacted !== null ? 'open' : status,
    assignee,
    level: undefined,
    critical: false,
    helpdesk_deadline: times.optional(o.planned_reaction_at, 'planned_reaction_at'),
    license_date: null,
    regulation: null,
    events,
  }
}

/** Okdesk's standard status codes; a status an account added itself counts as open. */
const STATUSES: Record<string, Status> = {
  opened: 'new',
  in_progress: 'open',
  delayed: 'open',
  completed: 'resolved',
  closed: 'closed',
}

function statusOf(value: unknown): Status | null {
  if (value === undefined || value === null) return null
  const code = typeof value === 'object' ? (value as Record<string, unknown>).code : value
  if (typeof code !== 'string') throw new FieldError('status.code', `expected a status code, got ${shownValue(code)}`)
  return STATUSES[code] ?? 'open'
}

/** Okdesk's `source` codes as regdesk's channels; one that names no channel (from_employee, from_api) is none. */
const CHANNELS: Record<string, Channel> = {
  from_email: 'email',
  from_web: 'portal',
  from_client_portal: 'portal',
  from_phone: 'phone',
  from_call: 'phone',
  from_telegram: 'telegram',
  from_widget: 'chat',
  from_chat: 'chat',
}

function channelOf(value: unknown): Channel | null {
  return typeof value === 'string' ? (CHANNELS[value] ?? null) : null
}

/** `{id, name}` as Okdesk nests people: the name. */
function nameOf(value: unknown, field: string): string | null {
  if (value === undefined || value === null) return null
  if (typeof value !== 'object' || Array.isArray(value))
    throw new FieldError(field, `expected an object with a name, got ${shownValue(value)}`)
  return optionalText((value as Record<string, unknown>).name, `${field}.name`)?.trim() ?? null
}
