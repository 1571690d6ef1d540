/**
 * The ticket model (docs/ARCHITECTURE.md, "Tickets and reaction windows"), the same whatever store keeps it. Field names
 * are snake_case because the stored ticket is also the JSON contract of `tickets show --json`;
 * instants are ISO 8601 strings with the offset of the regulation's timezone, so a store reads
 * well by hand. This folder imports no storage and no CLI: stores and commands import it.
 */

import type { StoredTriage } from './triage-record.js'
import type { WindowRecord } from './window-record.js'

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
  'field_change',
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
  /** level_change (levels), status_change (statuses), assignment (agents), field_change (the field's values) */
  from?: string | null
  to?: string | null
  /** field_change: which fact of the ticket an agent corrected after intake (ticket/edit.ts) */
  field?: string
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
  /** the licence purchase date (YYYY-MM-DD) where the regulation's support period depends on it */
  license_date?: string | null
  /** who wrote in: a name and/or e-mail address, when known */
  customer?: string | null
  subject: string
  /** the request text, credentials masked (values in `secrets`) */
  text: string
  received_at: string
  status: Status
  assignee: string | null
  /** the triage verdict the ticket was created from, null when added without one */
  triage: StoredTriage | null
  /** append-only */
  events: TicketEvent[]
  /**
   * The reaction windows as they were opened: level, limits, deadline and target, and the
   * regulation that set them (window-record.ts). Absent on a ticket stored before windows were
   * recorded: its deadlines are computed from the regulation loaded now until it is recorded.
   */
  windows?: WindowRecord[]
  secrets?: SecretValue[]
  /** the files attached to the e-mail it was taken in from: names, types and sizes, never their content */
  attachments?: TicketAttachment[]
  /** where a ticket taken in from outside came from; absent on one added in regdesk (see TicketOrigin) */
  origin?: TicketOrigin
  /**
   * the first reaction's deadline as the helpdesk it was imported from computed it (Okdesk `planned_reaction_at`),
   * shown beside regdesk's own (`tickets show`, `report`); absent when the helpdesk gave none
   */
  helpdesk_deadline?: string
}

/** A file attached to the e-mail a ticket was taken in from (its content is not kept). */
export interface TicketAttachment {
  name: string
  /** the MIME type the letter gave, e.g. application/pdf */
  type: string
  /** bytes, decoded */
  size: number
}

/**
 * The origin `tickets export` gives a ticket added in regdesk (which has none): this source and the ticket's id. An
 * export imported into the store it came from finds such tickets by it (store/intake.ts), so they are not doubled.
 */
export const OWN_SOURCE = 'regdesk'

/**
 * The record a ticket was taken in from: an e-mail (`email`, its Message-ID) or a helpdesk's ticket (`okdesk`,
 * `usedesk`, or the source named in an import file, its id there). A store holds at most one ticket per origin, so
 * taking the same mailbox or export in again adds nothing (TicketStore.intake).
 */
export interface TicketOrigin {
  source: string
  external_id: string
}
