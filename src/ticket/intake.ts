import { SECRET_MASK } from './secrets.js'
import type { SecretValue, Ticket, TicketEvent } from './ticket.js'
import type { StoredTriage } from './triage-record.js'

/** A request as it is taken in: its text and subject with credentials already taken apart, and its facts. */
export interface Intake {
  regulation: string
  /** ISO instant with the regulation's offset */
  receivedAt: string
  text: string
  subject: string
  secrets: SecretValue[]
  level: string | null
  tier: string | null
  channel: string | null
  product: string | null
  critical: boolean
  /** the licence purchase date the customer gave (YYYY-MM-DD) */
  licenseDate?: string | undefined
  triage: StoredTriage | null
  author: string
}

/** A new ticket for an intake: status new, unassigned, its history the one `received` event. */
export function newTicket(id: string, intake: Intake): Ticket {
  // whole object literals, in the order of the stored keys: a literal with a conditional spread in it is built key
  // by key at run time, several times slower (an import builds 100,000)
  const received: TicketEvent = intake.channel
    ? { type: 'received', at: intake.receivedAt, author: intake.author, message: viaChannel(intake.channel) }
    : { type: 'received', at: intake.receivedAt, author: intake.author }
  const ticket: Ticket =
    intake.licenseDate === undefined
      ? {
          id,
          regulation: intake.regulation,
          level: intake.level,
          tier: intake.tier,
          channel: intake.channel,
          product: intake.product,
          critical: intake.critical,
          subject: intake.subject,
          text: intake.text,
          received_at: intake.receivedAt,
          status: 'new',
          assignee: null,
          triage: intake.triage,
          events: [received],
        }
      : {
          id,
          regulation: intake.regulation,
          level: intake.level,
          tier: intake.tier,
          channel: intake.channel,
          product: intake.product,
          critical: intake.critical,
          license_date: intake.licenseDate,
          subject: intake.subject,
          text: intake.text,
          received_at: intake.receivedAt,
          status: 'new',
          assignee: null,
          triage: intake.triage,
          events: [received],
        }
  if (intake.secrets.length) ticket.secrets = intake.secrets
  return ticket
}

/** "via <channel>", one text per channel (regdesk's channels are a few words), not one per ticket. */
function viaChannel(channel: string): string {
  let text = viaTexts.get(channel)
  if (text === undefined) {
    text = `via ${channel}`
    if (viaTexts.size < 64) viaTexts.set(channel, text)
  }
  return text
}

const viaTexts = new Map<string, string>()

/** The subject taken from the start of the (masked) text: one line, never ending inside a mask. */
export function subjectOf(maskedText: string, max = 80): string {
  const flat = maskedText.replace(/\s+/g, ' ').trim()
  if (flat.length <= max) return flat
  return `${flat.slice(0, max - 1)}…`.replace(/(?<!•)•{1,5}…$/, '…')
}

/**
 * The subject taken from the start of a masked text (subjectOf) with the credentials whose masks it shows, placed in
 * it, so that `--show-secrets` reveals them in the subject as in the text.
 */
export function subjectFromText(body: { text: string; secrets: readonly SecretValue[] }): {
  text: string
  secrets: SecretValue[]
} {
  const text = subjectOf(body.text)
  const secrets: SecretValue[] = []
  for (const s of body.secrets) {
    // where the mask lands once the text before it is made one line
    const at = body.text.slice(0, s.offset).replace(/\s+/g, ' ').replace(/^ /, '').length
    if (text.startsWith(SECRET_MASK, at)) secrets.push({ ...s, field: 'subject', offset: at })
  }
  return { text, secrets }
}
