import { Command, Option } from 'commander'
import { UsageError } from '../../../errors.js'
import { CHANNELS, type Channel } from '../../../regulation/vocabulary.js'
import { EDITABLE_FIELDS, editTicket, type TicketEdits } from '../../../ticket/edit.js'
import { settleLateEntry } from '../../../ticket/lifecycle.js'
import { splitSecrets } from '../../../ticket/secrets.js'
import type { Ticket } from '../../../ticket/ticket.js'
import { findSecrets } from '../../../triage/credentials.js'
import type { RequestFacts } from '../../../triage/types.js'
import { contextOf } from '../../command.js'
import type { Context, Environment } from '../../context.js'
import { examples } from '../../help.js'
import type { IO } from '../../io.js'
import { printTicket } from '../../output/ticket.js'
import { triageJson } from '../../output/triage-json.js'
import { regulationOption, triageWithModel } from '../../regulation-input.js'
import { withStore } from '../../store.js'
import { authorOf, eventTime, oneLine, TicketViews, ticketIdArg } from '../../tickets.js'
import { triageFacts } from '../../triage-input.js'

interface EditOptions {
  tier?: string
  channel?: string
  product?: string
  critical?: boolean
  licenseDate?: string
  subject?: string
  customer?: string
  at?: string
  force?: boolean
  showSecrets?: boolean
}

/** "none" clears a fact (tier, channel, product, licence date, customer). */
const cleared = (v: string | undefined): string | null | undefined => (v === undefined ? v : v === 'none' ? null : v)

export function ticketsEditCommand(io: IO, environment: Environment): Command {
  // --critical and --no-critical set one value, the last given winning: both given is a contradiction to say
  const critical = new Set<string>()
  return new Command('edit')
    .on('option:critical', () => critical.add('--critical'))
    .on('option:no-critical', () => critical.add('--no-critical'))
    .description(
      'Correct the facts of a ticket after intake; each change is an event (who, when, from, to). A corrected tier re-levels the window still open',
    )
    .argument('<ticket-id>', 'e.g. IC-000123')
    .option('-t, --tier <tier>', 'customer tier of the regulation ("none" where it is a tier, e.g. imagecms)')
    .addOption(new Option('-c, --channel <channel>', 'how the request came in').choices(CHANNELS))
    .option('-p, --product <product>', 'product id or name of the regulation')
    .option('--critical', 'a critical "restore a broken site" request (out of turn where the regulation says so)')
    .option('--no-critical', 'not critical after all')
    .option('--license-date <date>', 'licence purchase date, YYYY-MM-DD')
    .option('-s, --subject <text>', 'a corrected subject')
    .option('--customer <who>', 'who wrote in (name, address), "none" to clear')
    .option('--at <iso>', 'when the correction was made (default: --now)')
    .option('--force', "record a time in the future or before the ticket's last event")
    .option('--show-secrets', 'show credentials instead of masking them')
    .addHelpText(
      'after',
      `${examples([
        'regdesk tickets edit IC-000004 --tier premium',
        'regdesk tickets edit AS-000002 --critical --channel phone',
        'regdesk tickets edit MG-000001 --customer "Иван Петров <ivan@example.ru>" --subject "Белый экран после обновления"',
      ])}
A tier whose level differs moves the ticket to that level when its level came from the old tier
(or it had none): the window still open is re-levelled from its opening, and the queue order follows
the new tier. A level set by hand (tickets level) stays.
`,
    )
    .action((id: string, opts: EditOptions, c: Command) => {
      const both = critical.size > 1
      critical.clear()
      if (both) throw new UsageError('give --critical or --no-critical, not both')
      return runTicketsEdit(contextOf(c, io, environment), environment, id, opts)
    })
}

async function runTicketsEdit(ctx: Context, environment: Environment, idArg: string, opts: EditOptions) {
  const id = ticketIdArg(idArg)
  const views = new TicketViews(ctx, Boolean(opts.showSecrets))
  const author = authorOf(ctx)
  const given = EDITABLE_FIELDS.filter((f) => (f === 'license_date' ? opts.licenseDate : opts[f]) !== undefined)
  if (!given.length)
    throw new UsageError(
      'nothing to edit: give --tier, --channel, --product, --critical/--no-critical, --license-date, --subject or --customer',
    )
  if (opts.subject !== undefined && !opts.subject.trim()) throw new UsageError('--subject is empty')
  const result = await withStore(ctx, environment, (store) =>
    store.change<{ ticket: Ticket; changed: string[]; late: boolean }>(id, (t) => {
      const reg = views.regulation(t.regulation)
      if (!reg) throw new UsageError(`unknown regulation "${t.regulation}" of ${t.id}; add its file with --regulations`)
      const edits = checkedEdits(ctx, t, opts)
      const at = eventTime(ctx, reg, t, opts.at, Boolean(opts.force))
      const [count, status] = [t.events.length, t.status]
      const changed = editTicket(t, reg, edits, { author, at: views.format(reg)(at) }, (edited) => {
        const verdict = triageWithModel(ctx, reg, edited.text, storedFacts(edited))
        edited.triage = triageJson(reg, verdict)
        return verdict.level
      })
      if (!changed.length) return { result: { ticket: t, changed, late: false }, changed: false }
      // --force before the last event: the changes take their place in time, as a late respond or note does (the
      // window open then is the one a corrected tier re-levels)
      const late = settleLateEntry(t, count, status)
      // a re-levelled open window is recorded afresh, with today's regulation
      views.record(t)
      return { result: { ticket: t, changed, late }, changed: true }
    }),
  )
  if (!result.changed.length) ctx.io.err(`${result.ticket.id} already has these values; nothing changed\n`)
  if (result.late) ctx.io.err(`note: entered at its time, before later events of ${result.ticket.id}\n`)
  if (ctx.json) {
    printTicket(ctx, views, result.ticket)
    return
  }
  const t = result.ticket
  const view = views.json(t)
  const say = ctx.io.speech.t
  if (result.changed.length)
    ctx.io.out(
      `${ctx.io.color.bold(t.id)}  ${say.done.edited(result.changed.map((f) => say.editField[f] ?? f).join(', '))} · ${say.done.level(t.level ?? '—')}${view.deadline ? ` · ${say.ticket.deadline(view.deadline)}` : ''}\n`,
    )
}

/**
 * The facts a stored ticket gives triage: its own, and what its verdict found beyond them (an outdated version or
 * modified code said at intake, which the ticket keeps only as the verdict's reason).
 */
function storedFacts(t: Ticket): RequestFacts {
  const reasons = new Set((t.triage?.reasons ?? []).map((r) => r.code))
  return {
    receivedAt: Date.parse(t.received_at),
    ...(t.channel ? { channel: t.channel as Channel } : {}),
    ...(t.tier ? { tier: t.tier } : {}),
    ...(t.product ? { product: t.product } : {}),
    ...(t.license_date ? { licenseDate: t.license_date } : {}),
    ...(reasons.has('version_outdated') ? { outdated: true } : {}),
    ...(reasons.has('code_modified') ? { modified: true } : {}),
  }
}

/**
 * The edits, checked against the ticket's regulation as `tickets add` checks its flags (one sentence, exit 2); a
 * licence date against the ticket's receipt, as at intake, not against today.
 */
function checkedEdits(ctx: Context, t: Ticket, opts: EditOptions): TicketEdits {
  const reg = regulationOption(ctx, t.regulation)
  // "none" clears the tier, unless it is one of the regulation's (imagecms: no paid licence)
  const tier = opts.tier === 'none' && reg.tiers.some((x) => x.id === 'none') ? 'none' : cleared(opts.tier)
  const product = cleared(opts.product)
  const licenseDate = cleared(opts.licenseDate)
  const facts = triageFacts(ctx, reg, {
    ...(tier ? { tier } : {}),
    ...(product ? { product } : {}),
    ...(licenseDate ? { licenseDate } : {}),
    ...(opts.critical ? { critical: true } : {}),
    receivedAt: t.received_at,
  })
  const edits: TicketEdits = {}
  if (tier !== undefined) edits.tier = tier === null ? null : (facts.tier ?? tier)
  if (opts.channel !== undefined) edits.channel = opts.channel
  if (product !== undefined) edits.product = product === null ? null : (facts.product ?? product)
  if (opts.critical !== undefined) edits.critical = opts.critical
  if (licenseDate !== undefined) edits.license_date = licenseDate === null ? null : (facts.licenseDate ?? licenseDate)
  if (opts.subject !== undefined) {
    // a subject keeps no credential: the value would be stored in the clear
    const line = oneLine(opts.subject, 200)
    if (findSecrets(line).length) throw new UsageError('--subject holds access data; leave it out of the subject')
    edits.subject = line
  }
  if (opts.customer !== undefined) {
    // nor does the customer's name: it is shown and exported as written, and kept in the edit's history
    if (findSecrets(opts.customer).length)
      throw new UsageError('--customer holds access data; give the name or address only')
    edits.customer = cleared(opts.customer.trim() || 'none') ?? null
  }
  return edits
}

export function ticketsNoteCommand(io: IO, environment: Environment): Command {
  return new Command('note')
    .description('Add an internal note to a ticket (credentials in it are masked)')
    .argument('<ticket-id>', 'e.g. MG-000123')
    .argument('<text>', 'the note')
    .option('--at <iso>', 'when it was written (default: --now)')
    .option('--force', "record a time in the future or before the ticket's last event")
    .option('--show-secrets', 'show credentials instead of masking them')
    .addHelpText('after', examples(['regdesk tickets note MG-000001 "звонил клиент, ждёт ответа до вечера"']))
    .action((id: string, text: string, opts: EditOptions, c: Command) =>
      runTicketsNote(contextOf(c, io, environment), environment, id, text, opts),
    )
}

async function runTicketsNote(ctx: Context, environment: Environment, idArg: string, text: string, opts: EditOptions) {
  const id = ticketIdArg(idArg)
  if (!text.trim()) throw new UsageError('the note is empty')
  const views = new TicketViews(ctx, Boolean(opts.showSecrets))
  const author = authorOf(ctx)
  const m = splitSecrets(text, 'message', findSecrets(text))
  const { ticket, at: noteAt } = await withStore(ctx, environment, (store) =>
    store.change<{ ticket: Ticket; at: string }>(id, (t) => {
      const reg = views.regulation(t.regulation)
      const at = views.format(reg)(eventTime(ctx, reg, t, opts.at, Boolean(opts.force)))
      const count = t.events.length
      t.events.push({ type: 'note', at, author, message: m.text, ...(m.secrets.length ? { secrets: m.secrets } : {}) })
      // --force before the last event: the note takes its place in time
      settleLateEntry(t, count, t.status)
      return { result: { ticket: t, at }, changed: true }
    }),
  )
  if (ctx.json) printTicket(ctx, views, ticket)
  else
    ctx.io.out(
      `${ctx.io.color.bold(ticket.id)}  ${ctx.io.speech.t.done.at(ctx.io.speech.t.done.action.note ?? 'note', noteAt)}\n`,
    )
}
