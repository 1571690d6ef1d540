/**
 * The ticket model as stored (DESIGN.md, "SLA of a ticket"). Field names are snake_case because
 * the stored ticket is also the JSON contract of `tickets show --json`; instants are ISO 8601
 * strings with the offset of the regulation's timezone, so the file reads well by hand.
 */

/** The store file format this version writes; older formats are migrated on read (migrations.ts). */
export const STORE_FORMAT = 1

export const STATUSES = ['new', 'open', 'waiting_customer', 'resolved', 'closed'] as const
export type Status = (typeof STATUSES)[number]

export const EVENT_TYPES = [
  'received',
  'agent_response',
  'customer_reply',
  'level_change',
  'status_change',
  'assignment',
  'note',
] as const
export type EventType = (typeof EVENT_TYPES)[number]

/**
 * A credential taken out of a text field: the field holds the mask `••••••` at `offset`, the
 * value is kept here, apart, so outputs never show it by accident and purging is exact.
 */
export interface SecretValue {
  field: string
  kind: string
  offset: number
  value: string
}

export interface TicketEvent {
  type: EventType
  at: string
  author: string
  /** agent_response, customer_reply, note */
  message?: string
  /** level_change (levels), status_change (statuses), assignment (agents) */
  from?: string | null
  to?: string | null
  /** the lifecycle rule that caused an automatic change */
  rule?: string
  secrets?: SecretValue[]
}

export interface Ticket {
  id: string
  regulation: string
  /** the current level; null when triage gave none (no deadline until an agent sets one) */
  level: string | null
  tier: string | null
  channel: string | null
  product: string | null
  /** a critical "restore a broken site" request: out of turn where the regulation says so */
  critical: boolean
  subject: string
  /** the request text, credentials masked (values in `secrets`) */
  text: string
  received_at: string
  status: Status
  assignee: string | null
  /** the triage verdict the ticket was created from (`triage --json`), null when added without one */
  triage: Record<string, unknown> | null
  /** append-only */
  events: TicketEvent[]
  secrets?: SecretValue[]
}

export interface StoreData {
  format: number
  tickets: Ticket[]
}

export function emptyStore(): StoreData {
  return { format: STORE_FORMAT, tickets: [] }
}
