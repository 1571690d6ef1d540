import { Command } from 'commander'
import { formatInstantIn } from '../../../calendar/instant.js'
import { RegdeskError, UsageError } from '../../../errors.js'
import { assumedLevel } from '../../../regulation/describe.js'
import type { Regulation } from '../../../regulation/load.js'
import type { Ticket } from '../../../ticket/ticket.js'
import type { TriageResult } from '../../../triage/triage.js'
import type { RequestFacts } from '../../../triage/types.js'
import { contextOf } from '../../command.js'
import type { Context, Environment } from '../../context.js'
import { examples } from '../../help.js'
import { triageAndSave } from '../../intake.js'
import type { IO } from '../../io.js'
import { checkEmlAlone, readEml } from '../../mail-input.js'
import { addMail, addMailbox } from '../../mail-intake.js'
import { informationItems } from '../../output/information-items.js'
import { writeJson } from '../../output/json.js'
import { renderMailboxSummary } from '../../output/mail.js'
import { regulationOption } from '../../regulation-input.js'
import { FUTURE_TOLERANCE_MS, TicketViews } from '../../tickets.js'
import { addTriageOptions, readRequestText, type TriageFlags, triageFacts } from '../../triage-input.js'

export interface TicketsAddOptions extends TriageFlags {
  subject?: string
  critical?: boolean
  level?: string
  showSecrets?: boolean
  mbox?: string
  force?: boolean
}

export function ticketsAddCommand(io: IO, environment: Environment): Command {
  const cmd = new Command('add')
    .description('Triage a request and store it as a ticket: prints its id, verdict and deadline')
    .argument('[text]', 'the request text, or - to read it from stdin')
  addTriageOptions(cmd)
    .option('-s, --subject <text>', 'a short subject (default: the start of the text)')
    .option('--critical', 'a critical "restore a broken site" request (out of turn where the regulation says so)')
    .option('-l, --level <level>', "store with this level instead of triage's")
    .option('--show-secrets', 'show credentials found in the text instead of masking them')
    .option('--mbox <file>', 'take in a mailbox (mboxrd): one ticket per message, a message already stored skipped')
    .option('--force', 'store a --received-at later than --now (a clock that is wrong, not the request)')
    .addHelpText(
      'after',
      examples([
        'regdesk tickets add -r moguta "После обновления не открывается админка" --received-at 2026-11-20T18:00+03:00',
        'regdesk tickets add -r advantshop --tier partner --critical --subject "site down" - < request.txt',
        'regdesk tickets add -r umi -f request.txt --json',
        'regdesk tickets add -r moguta --eml letter.eml',
        'regdesk tickets add -r moguta --mbox support.mbox',
      ]),
    )
    .action((text: string | undefined, opts: TicketsAddOptions, c: Command) =>
      runTicketsAdd(contextOf(c, io, environment), environment, text, opts),
    )
  return cmd
}

export async function runTicketsAdd(
  ctx: Context,
  environment: Environment,
  textArg: string | undefined,
  opts: TicketsAddOptions,
): Promise<void> {
  const reg = regulationOption(ctx, opts.regulation)
  if (opts.level !== undefined && !reg.levels[opts.level])
    throw new UsageError(`unknown level "${opts.level}" for ${reg.id}; levels: ${Object.keys(reg.levels).join(', ')}`)
  if (opts.subject !== undefined && opts.subject.trim() === '') throw new UsageError('--subject is empty')
  if (opts.mbox !== undefined || opts.eml !== undefined) return runMailAdd(ctx, environment, reg, textArg, opts)
  const text = await readRequestText(ctx, textArg, opts.file, opts.encoding)
  if (text === undefined) throw new UsageError('give the request text as an argument, - to read stdin, or --file')
  const facts = receiptChecked(ctx, reg, opts, triageFacts(ctx, reg, opts))
  const { ticket, result } = await triageAndSave(ctx, environment, reg, text, facts, {
    subject: opts.subject,
    critical: opts.critical,
    level: opts.level,
  })
  printTicketAdded(ctx, reg, ticket, result, Boolean(opts.showSecrets))
}

/** `tickets add --eml FILE` and `--mbox FILE`: letters taken in by their Message-ID (cli/mail-intake.ts). */
async function runMailAdd(
  ctx: Context,
  environment: Environment,
  reg: Regulation,
  textArg: string | undefined,
  opts: TicketsAddOptions,
): Promise<void> {
  checkEmlAlone(textArg, opts, opts.mbox === undefined ? '--eml' : '--mbox')
  const facts = receiptChecked(ctx, reg, opts, triageFacts(ctx, reg, opts))
  const mailOpts = {
    force: Boolean(opts.force),
    subject: opts.subject,
    critical: opts.critical,
    level: opts.level,
    receivedAtGiven: opts.receivedAt !== undefined,
    channelGiven: opts.channel !== undefined,
  }
  if (opts.mbox !== undefined) {
    if (opts.eml !== undefined || opts.subject !== undefined || opts.receivedAt !== undefined)
      throw new UsageError('--mbox takes no --eml, --subject or --received-at: each message gives its own')
    // read twice (its letters counted for the progress, then taken in): a pipe cannot be
    if (opts.mbox === '-')
      throw new UsageError('--mbox takes a file, not stdin: save the mailbox to a file and give its name')
    const summary = await addMailbox(ctx, environment, reg, facts, opts.mbox, mailOpts)
    if (ctx.json) writeJson(ctx.io, summary)
    else ctx.io.out(renderMailboxSummary(summary, ctx.io))
    if (summary.failed)
      throw new RegdeskError(
        `${summary.failed} of ${summary.messages} messages could not be taken in; the others were (see above)`,
      )
    return
  }
  const { mail, raw } = await readEml(ctx, opts.eml as string)
  const { ticket, outcome, result } = await addMail(ctx, environment, reg, facts, mail, raw, mailOpts)
  if (outcome.action === 'added' && result) {
    printTicketAdded(ctx, reg, ticket, result, Boolean(opts.showSecrets))
    return
  }
  const said = ctx.io.speech.t.mail.alreadyStored(ticket.id, outcome.origin.external_id)
  if (ctx.json) {
    ctx.io.err(`${said}\n`)
    // a script tells it from a ticket just added by the field, not by the sentence on stderr
    writeJson(ctx.io, { ...new TicketViews(ctx, Boolean(opts.showSecrets)).json(ticket), already_stored: true })
  } else ctx.io.out(`${ctx.io.color.bold(ticket.id)}  ${said}\n`)
}

function printTicketAdded(ctx: Context, reg: Regulation, ticket: Ticket, result: TriageResult, showSecrets: boolean) {
  const views = new TicketViews(ctx, showSecrets)
  const view = views.json(ticket)
  // a deadline in a year the production calendar does not cover (or covers provisionally) is said, as `deadline` does
  const received = Date.parse(ticket.received_at)
  const until = ticket.windows?.[0]?.deadline ? Date.parse(ticket.windows[0].deadline) : received
  for (const w of views.clock(reg).warningsBetween(received, Math.max(received, until)))
    ctx.io.err(`warning: ${w.message}\n`)
  if (ctx.json) {
    writeJson(ctx.io, view)
    return
  }
  const c = ctx.io.color
  const { t, phrases } = ctx.io.speech
  const a = t.added
  const w = view.windows?.[0]
  const scopeWord = t.scopeWord[result.scope]
  const scope =
    result.scope === 'in' ? c.green(scopeWord) : result.scope === 'out' ? c.red(scopeWord) : c.yellow(scopeWord)
  // a level is worth setting by hand only where triage could not tell; a refusal says why instead
  const level = ticket.level
    ? ticket.level
    : result.scope === 'unclear'
      ? c.yellow(a.setLevel(`regdesk tickets level ${ticket.id} ${assumedLevel(reg)}`))
      : t.verdict.noLevel
  const due =
    w?.deadline != null
      ? `${a.deadline}${ticket.level === null ? a.heldAs(w.level ?? '') : ''} ${c.bold(w.deadline)}${w.target ? ` (${t.verdict.target(w.target)})` : ''}`
      : ticket.level
        ? `${a.deadline} ${c.dim(a.notRegulated)}`
        : c.dim(a.noDeadline(t.ticket.none))
  ctx.io.out(`${c.bold(ticket.id)}  ${scope} · ${level} · ${due}\n`)
  const why = result.reasons[0]
  if (why && result.scope === 'out')
    ctx.io.out(`  ${a.why}: ${phrases.say(why.message)}${why.clause ? ` (§${why.clause})` : ''}\n`)
  if (result.topic) ctx.io.out(`  ${a.topic}: ${result.topic.id} (§${result.topic.clause})\n`)
  if (result.scope === 'unclear' && result.candidates.length)
    ctx.io.out(
      `  ${a.couldBe}: ${result.candidates.map((cand) => `${cand.id} (${t.scopeWord[cand.scope]})`).join(', ')}\n`,
    )
  if (result.missing.length) ctx.io.out(`  ${a.askFor}: ${informationItems(result.missing, ctx.io)}\n`)
  for (const warning of result.warnings) ctx.io.err(`warning: ${warning.message}\n`)
}

/** As for an event's --at (cli/tickets.ts eventTime): a receipt after now is a mistake unless the agent says not. */
function receiptChecked(ctx: Context, reg: Regulation, opts: TicketsAddOptions, facts: RequestFacts): RequestFacts {
  if (opts.receivedAt !== undefined && !opts.force && facts.receivedAt > ctx.now + FUTURE_TOLERANCE_MS) {
    const shown = formatInstantIn(ctx.now, reg.workingTime.timezone)
    throw new UsageError(
      `--received-at ${opts.receivedAt} is in the future: now is ${shown}; pass --force to store it anyway`,
    )
  }
  return facts
}
