import { Command } from 'commander'
import { UsageError } from '../../../errors.js'
import { assumedLevel } from '../../../regulation/describe.js'
import type { Regulation } from '../../../regulation/load.js'
import { idPrefix } from '../../../ticket/ids.js'
import { splitSecrets } from '../../../ticket/secrets.js'
import type { SecretValue, Ticket } from '../../../ticket/ticket.js'
import { recordWindows } from '../../../ticket/window-record.js'
import { findSecrets } from '../../../triage/credentials.js'
import type { TriageResult } from '../../../triage/triage.js'
import type { RequestFacts } from '../../../triage/types.js'
import { contextOf } from '../../command.js'
import type { Context, Environment } from '../../context.js'
import { examples } from '../../help.js'
import type { IO } from '../../io.js'
import { writeJson } from '../../output/json.js'
import { triageJson } from '../../output/triage-json.js'
import { businessClock, regulationOption, triageWithModel } from '../../regulation-input.js'
import { withStore } from '../../store.js'
import { addTriageOptions, readRequestText, type TriageFlags, triageFacts } from '../../triage-input.js'
import { authorOf, formatIn, oneLine, TicketViews } from './shared.js'

export interface TicketsAddOptions extends TriageFlags {
  subject?: string
  critical?: boolean
  level?: string
  showSecrets?: boolean
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
    .addHelpText(
      'after',
      examples([
        'regdesk tickets add -r moguta "После обновления не открывается админка" --received-at 2026-11-20T18:00+03:00',
        'regdesk tickets add -r advantshop --tier partner --critical --subject "site down" - < request.txt',
        'regdesk tickets add -r umi -f request.txt --json',
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
  const text = await readRequestText(ctx, textArg, opts.file, opts.encoding)
  if (text === undefined) throw new UsageError('give the request text as an argument, - to read stdin, or --file')
  const facts = triageFacts(ctx, reg, opts)
  const result = triageWithModel(ctx, reg, text, facts)
  const ticket = await saveTriagedTicket(ctx, environment, reg, text, facts, result, {
    subject: opts.subject,
    critical: opts.critical,
    level: opts.level,
  })
  printTicketAdded(ctx, reg, ticket, result, Boolean(opts.showSecrets))
}

export interface SaveOptions {
  subject?: string | undefined
  critical?: boolean | undefined
  /** overrides the level triage gave */
  level?: string | undefined
}

/**
 * Stores a triaged request as a new ticket (also the "save" offer of interactive triage). The
 * credentials in the text are taken apart from it (see store/secrets.ts) before it is written.
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
  const receivedAt = formatIn(reg.workingTime.timezone)(facts.receivedAt)
  const body = splitSecrets(text, 'text', findSecrets(text))
  const subjectLine = opts.subject?.trim() ? oneLine(opts.subject as string, 200) : undefined
  const subject = subjectLine
    ? splitSecrets(subjectLine, 'subject', findSecrets(subjectLine))
    : { text: subjectOf(body.text), secrets: [] as SecretValue[] }
  const secrets = [...body.secrets, ...subject.secrets]
  const tier = facts.tier ?? reg.tiers.find((t) => t.default)?.id ?? null
  const author = authorOf(ctx)
  const clock = businessClock(ctx, reg)
  const make = (id: string): Ticket => ({
    id,
    regulation: reg.id,
    level: opts.level ?? result.level,
    tier,
    channel: facts.channel ?? null,
    product: facts.product ?? null,
    critical: Boolean(opts.critical),
    ...(facts.licenseDate !== undefined ? { license_date: facts.licenseDate } : {}),
    subject: subject.text,
    text: body.text,
    received_at: receivedAt,
    status: 'new',
    assignee: null,
    triage: triageJson(reg, result),
    events: [
      { type: 'received', at: receivedAt, author, ...(facts.channel ? { message: `via ${facts.channel}` } : {}) },
    ],
    ...(secrets.length ? { secrets } : {}),
  })
  return withStore(ctx, environment, (store) =>
    store.insert(idPrefix(reg), (id) => {
      const ticket = make(id)
      // the first window opens at receipt: its deadline is recorded with the regulation of now
      recordWindows(ticket, reg, clock)
      return ticket
    }),
  )
}

function printTicketAdded(ctx: Context, reg: Regulation, ticket: Ticket, result: TriageResult, showSecrets: boolean) {
  const views = new TicketViews(ctx, showSecrets)
  const view = views.json(ticket)
  if (ctx.json) {
    writeJson(ctx.io, view)
    return
  }
  const c = ctx.io.color
  const w = view.windows?.[0]
  const scope =
    result.scope === 'in' ? c.green('in scope') : result.scope === 'out' ? c.red('out of scope') : c.yellow('unclear')
  // a level is worth setting by hand only where triage could not tell; a refusal says why instead.
  // Until one is set the deadline is the assumed level's (issue 16)
  const level =
    ticket.level ??
    (result.scope === 'unclear'
      ? c.yellow(`no level (set one: regdesk tickets level ${ticket.id} ${assumedLevel(reg)})`)
      : 'no level')
  const held = ticket.level === null && w ? ` as ${w.level}` : ''
  const due =
    w?.deadline != null
      ? `deadline${held} ${c.bold(w.deadline)}${w.target ? ` (target ${w.target})` : ''}`
      : `deadline ${c.dim('not regulated')}`
  ctx.io.out(`${c.bold(ticket.id)}  ${scope} · ${level} · ${due}\n`)
  const why = result.reasons[0]
  if (why && result.scope === 'out') ctx.io.out(`  why: ${why.message}${why.clause ? ` (§${why.clause})` : ''}\n`)
  if (result.topic) ctx.io.out(`  topic: ${result.topic.id} (§${result.topic.clause})\n`)
  if (result.scope === 'unclear' && result.candidates.length)
    ctx.io.out(`  could be: ${result.candidates.map((cand) => `${cand.id} (${cand.scope})`).join(', ')}\n`)
  if (result.missing.length) ctx.io.out(`  ask for: ${result.missing.join(', ')}\n`)
  for (const warning of result.warnings) ctx.io.err(`warning: ${warning.message}\n`)
}

/** The start of the (masked) text, one line, never ending inside a mask. */
function subjectOf(masked: string): string {
  const line = oneLine(masked, 80)
  return line.endsWith('…') ? line.replace(/(?<!•)•{1,5}…$/, '…') : line
}
