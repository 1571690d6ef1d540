import type { Regulation } from '../regulation/load.js'
import { idPrefix } from '../ticket/ids.js'
import { newTicket, subjectFromText } from '../ticket/intake.js'
import { splitSecrets } from '../ticket/secrets.js'
import type { Ticket, TicketOrigin } from '../ticket/ticket.js'
import { recordWindows } from '../ticket/window-record.js'
import { findSecrets } from '../triage/credentials.js'
import type { TriageResult } from '../triage/triage.js'
import type { RequestFacts } from '../triage/types.js'
import type { Context, Environment } from './context.js'
import { triageJson } from './output/triage-json.js'
import { businessClock, triageWithModel } from './regulation-input.js'
import { withStore } from './store.js'
import { authorOf, formatIn } from './tickets.js'

export interface SaveOptions {
  subject?: string | undefined
  critical?: boolean | undefined
  /** overrides the level triage gave */
  level?: string | undefined
  /** who wrote in (an e-mail's sender) */
  customer?: string | undefined
  /** the record it was taken in from (an e-mail's Message-ID, a helpdesk's ticket): see TicketStore.intake */
  origin?: TicketOrigin | undefined
}

/**
 * Triages a request and stores its ticket (`tickets add`). The store is prepared first: a database connection is made
 * while the request is triaged, instead of after it.
 */
export async function triageAndSave(
  ctx: Context,
  environment: Environment,
  reg: Regulation,
  text: string,
  facts: RequestFacts,
  opts: SaveOptions = {},
): Promise<{ ticket: Ticket; result: TriageResult }> {
  return withStore(ctx, environment, async (store) => {
    await store.prepare()
    const result = triageWithModel(ctx, reg, text, facts)
    const ticket = await store.insert(idPrefix(reg), triagedTicket(ctx, reg, text, facts, result, opts))
    return { ticket, result }
  })
}

/**
 * Stores a triaged request as a new ticket (the "save" offer of interactive triage): see
 * triagedTicket.
 */
export async function saveTriagedTicket(
  ctx: Context,
  environment: Environment,
  reg: Regulation,
  text: string,
  facts: RequestFacts,
  result: TriageResult,
  opts: SaveOptions = {},
): Promise<Ticket> {
  const make = triagedTicket(ctx, reg, text, facts, result, opts)
  return withStore(ctx, environment, (store) => store.insert(idPrefix(reg), make))
}

/**
 * The new ticket of a triaged request, given its id (for TicketStore.insert or intake). The credentials in the text
 * are taken apart from it (ticket/secrets.ts) before it is written; the first reaction window is recorded with the
 * regulation of now.
 */
export function triagedTicket(
  ctx: Context,
  reg: Regulation,
  text: string,
  facts: RequestFacts,
  result: TriageResult,
  opts: SaveOptions = {},
): (id: string) => Ticket {
  const body = splitSecrets(text, 'text', findSecrets(text))
  // a given subject is kept whole (one line): scripts read it back as it was given
  const subjectLine = opts.subject?.trim() ? (opts.subject as string).replace(/\s+/g, ' ').trim() : undefined
  const subject = subjectLine ? splitSecrets(subjectLine, 'subject', findSecrets(subjectLine)) : subjectFromText(body)
  const intake = {
    regulation: reg.id,
    receivedAt: formatIn(reg.workingTime.timezone)(facts.receivedAt),
    text: body.text,
    subject: subject.text,
    secrets: [...body.secrets, ...subject.secrets],
    level: opts.level ?? result.level,
    tier: facts.tier ?? reg.tiers.find((t) => t.default)?.id ?? null,
    channel: facts.channel ?? null,
    // the product the request names is kept when the agent gave none (the verdict was made for it)
    product: facts.product ?? result.productNamed ?? null,
    critical: Boolean(opts.critical),
    licenseDate: facts.licenseDate,
    triage: triageJson(reg, result),
    author: authorOf(ctx),
  }
  const clock = businessClock(ctx, reg)
  return (id) => {
    const ticket = newTicket(id, intake)
    if (opts.customer?.trim()) ticket.customer = opts.customer.trim()
    if (opts.origin) ticket.origin = opts.origin
    recordWindows(ticket, reg, clock)
    return ticket
  }
}
