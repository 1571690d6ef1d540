import { createReadStream } from 'node:fs'
import { RegdeskError } from '../errors.js'
import { countMbox, splitMbox } from '../mail/mbox.js'
import { MAX_MAIL_BYTES, MailError, type MailMessage, peekMail, readMail } from '../mail/message.js'
import type { Regulation } from '../regulation/load.js'
import type { IntakeItem, IntakeOutcome } from '../store/ticket-store.js'
import { idPrefix } from '../ticket/ids.js'
import type { Ticket } from '../ticket/ticket.js'
import { maskSecrets } from '../triage/credentials.js'
import type { TriageResult } from '../triage/triage.js'
import type { RequestFacts } from '../triage/types.js'
import type { Context, Environment } from './context.js'
import { triagedTicket } from './intake.js'
import { madeSoFar } from './interrupt.js'
import {
  customerOf,
  knownSender,
  mailFacts,
  mailOrigin,
  reportSentence,
  storedTextOf,
  triageTextOf,
} from './mail-input.js'
import { startProgress } from './output/progress.js'
import { triageWithModel } from './regulation-input.js'
import { withStore } from './store.js'
import { unreadable } from './unreadable.js'

/** What `tickets add` was told besides the letters themselves. */
export interface MailTicketOptions {
  subject?: string | undefined
  critical?: boolean | undefined
  level?: string | undefined
  receivedAtGiven: boolean
  channelGiven: boolean
  /** keep a Date header later than now (mailFacts) */
  force?: boolean
}

/**
 * The intake item of one letter (TicketStore.intake, keyed by its Message-ID): the letter is triaged only when the
 * store has no ticket of it, so taking a mailbox in again costs its parsing alone. `triaged` gives the verdict once
 * the ticket was made.
 */
export function mailItem(
  ctx: Context,
  reg: Regulation,
  baseFacts: RequestFacts,
  mail: MailMessage,
  raw: Uint8Array,
  opts: MailTicketOptions,
  label?: string,
): { item: IntakeItem; triaged: () => TriageResult | undefined } {
  let result: TriageResult | undefined
  const origin = mailOrigin(mail, raw)
  const make = (id: string): Ticket => {
    const facts = mailFacts(ctx, baseFacts, mail, {
      ...opts,
      zone: reg.workingTime.timezone,
      ...(label === undefined ? {} : { label }),
    })
    result = knownSender(triageWithModel(ctx, reg, triageTextOf(mail), facts), mail)
    const ticket = triagedTicket(ctx, reg, storedTextOf(mail), facts, result, {
      subject: opts.subject ?? (mail.subject || undefined),
      critical: opts.critical,
      level: opts.level,
      customer: customerOf(mail),
      origin,
    })(id)
    if (mail.attachments.length) ticket.attachments = mail.attachments.map((a) => ({ ...a }))
    return ticket
  }
  return { item: { origin, prefix: idPrefix(reg), make }, triaged: () => result }
}

/** A letter regdesk can take in has something to triage. */
export function checkHasText(mail: MailMessage): void {
  if (!triageTextOf(mail).trim()) throw new MailError('the e-mail has neither a subject nor a text')
}

/** One letter stored (`tickets add --eml`): added, or found already stored by its Message-ID. */
export async function addMail(
  ctx: Context,
  environment: Environment,
  reg: Regulation,
  facts: RequestFacts,
  mail: MailMessage,
  raw: Uint8Array,
  opts: MailTicketOptions,
): Promise<{ ticket: Ticket; outcome: IntakeOutcome; result: TriageResult | undefined }> {
  checkHasText(mail)
  // a letter returned undelivered or a read receipt would be a ticket nobody wrote, overdue in a few days
  if (mail.report !== null) throw new RegdeskError(`${reportSentence(mail.report)}: nothing was stored`)
  const { item, triaged } = mailItem(ctx, reg, facts, mail, raw, opts)
  return withStore(ctx, environment, async (store) => {
    const [outcome] = (await store.intake([item])) as [IntakeOutcome]
    return { ticket: await store.get(outcome.id), outcome, result: triaged() }
  })
}

/** What `tickets add --mbox` did, message by message (numbers count from 1 in the mailbox's order). */
export interface MailboxSummary {
  messages: number
  added: number
  skipped: number
  failed: number
  /** reports the mail system sent (letters returned undelivered, read receipts): no request, not taken in */
  reports: number
  /** each message taken in or found already stored */
  tickets: { number: number; message_id: string; id: string; action: 'added' | 'skipped' }[]
  failures: { number: number; message_id: string | null; subject: string | null; reason: string }[]
  /** each report not taken in, with its report-type (MailMessage.report) */
  not_requests: { number: number; message_id: string | null; subject: string | null; report: string }[]
}

/** Letters taken in per store change: progress moves, memory stays bounded, a failure loses at most one batch. */
const BATCH = 500

/**
 * Takes a mailbox in (mboxrd), one ticket per message, in batches of BATCH: a message already stored (its
 * Message-ID) is skipped, a message that cannot be read is listed with its reason and the rest go on. The
 * mailbox is read as a stream; at most one batch of letters is held.
 */
export async function addMailbox(
  ctx: Context,
  environment: Environment,
  reg: Regulation,
  facts: RequestFacts,
  file: string,
  opts: MailTicketOptions,
): Promise<MailboxSummary> {
  const stream = () => createReadStream(file, { highWaterMark: 256 * 1024 })
  let total: number
  try {
    total = await countMbox(stream())
  } catch (e) {
    throw unreadable(file, e)
  }
  const summary: MailboxSummary = {
    messages: 0,
    added: 0,
    skipped: 0,
    failed: 0,
    reports: 0,
    tickets: [],
    failures: [],
    not_requests: [],
  }
  const progress = startProgress(ctx.io, ctx.io.speech.t.mail.reading, total)
  const fail = (number: number, bytes: Buffer | null, reason: string) => {
    summary.failed++
    summary.failures.push({ number, ...peekHeaders(bytes), reason })
    progress.increment()
  }
  try {
    await withStore(ctx, environment, async (store) => {
      let batch: { number: number; item: IntakeItem }[] = []
      const flush = async () => {
        if (!batch.length) return
        const outcomes = await store.intake(batch.map((b) => b.item))
        for (const [k, o] of outcomes.entries()) {
          const number = (batch[k] as { number: number }).number
          const action = o.action === 'added' ? 'added' : 'skipped'
          summary[action]++
          summary.tickets.push({ number, message_id: o.origin.external_id, id: o.id, action })
        }
        progress.increment(batch.length)
        batch = []
        if (summary.added)
          madeSoFar(
            `at least ${summary.added} message(s) were taken in before the interruption; taking the mailbox in again adds the rest (those taken in are skipped)`,
          )
      }
      for await (const m of splitMbox(stream(), MAX_MAIL_BYTES)) {
        summary.messages++
        if (!m.bytes) {
          fail(m.number, null, 'the e-mail is larger than 25 MB; regdesk reads letters up to 25 MB')
          continue
        }
        let mail: MailMessage
        try {
          mail = await readMail(m.bytes)
          checkHasText(mail)
        } catch (e) {
          if (!(e instanceof RegdeskError)) throw e
          fail(m.number, m.bytes, e.message)
          continue
        }
        if (mail.report !== null) {
          summary.reports++
          summary.not_requests.push({ number: m.number, ...peekHeaders(m.bytes), report: mail.report })
          progress.increment()
          continue
        }
        const item = mailItem(ctx, reg, facts, mail, m.bytes, opts, `message ${m.number}`).item
        batch.push({ number: m.number, item })
        if (batch.length >= BATCH) await flush()
      }
      await flush()
    })
  } finally {
    progress.stop()
  }
  summary.tickets.sort((a, b) => a.number - b.number)
  return summary
}

/** The Message-ID and Subject of a message that could not be read (to name it in the summary), access data masked. */
function peekHeaders(bytes: Buffer | null): { message_id: string | null; subject: string | null } {
  if (!bytes) return { message_id: null, subject: null }
  const { messageId, subject } = peekMail(bytes)
  // shown in the summary (and its JSON): access data masked as in any request text, and no longer than a line
  return { message_id: messageId, subject: subject ? maskSecrets(subject).slice(0, 120) : null }
}
