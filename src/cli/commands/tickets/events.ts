import { Command } from 'commander'
import { UsageError } from '../../../errors.js'
import {
  type Actor,
  assign,
  changeLevel,
  changeStatus,
  customerReply,
  hasSecrets,
  respond,
  settleLateEntry,
} from '../../../ticket/lifecycle.js'
import { splitSecrets } from '../../../ticket/secrets.js'
import type { Status, Ticket, TicketEvent } from '../../../ticket/ticket.js'
import { findSecrets } from '../../../triage/credentials.js'
import { contextOf } from '../../command.js'
import type { Context, Environment } from '../../context.js'
import { examples } from '../../help.js'
import type { IO } from '../../io.js'
import { printTicket } from '../../output/ticket.js'
import { withStore } from '../../store.js'
import { authorOf, eventTime, paintStatus, TicketViews, ticketIdArg } from '../../tickets.js'

interface EventOptions {
  at?: string
  message?: string
  showSecrets?: boolean
  reassign?: boolean
  force?: boolean
}

/**
 * Applies an event to a ticket; a returned sentence means there was nothing to change (said so, exit 0). `unknown`:
 * most events are the ticket model's functions, which return nothing.
 */
type Apply = (
  ticket: Ticket,
  actor: Actor,
  ctx: Context,
  views: TicketViews,
  arg: string | undefined,
  opts: EventOptions,
) => unknown

interface EventCommand {
  name: string
  description: string
  /** a second argument (assign: the agent, level: the level) */
  arg?: [string, string]
  message?: boolean
  examples: string[]
  apply: Apply
}

const messageEvent = (opts: EventOptions): TicketEvent | undefined => {
  if (opts.message === undefined) return undefined
  if (!opts.message.trim()) throw new UsageError('--message is empty')
  const m = splitSecrets(opts.message, 'message', findSecrets(opts.message))
  return { type: 'note', at: '', author: '', message: m.text, ...(m.secrets.length ? { secrets: m.secrets } : {}) }
}

const status =
  (to: Status): Apply =>
  (t, actor) =>
    changeStatus(t, to, actor)

const EVENT_COMMANDS: EventCommand[] = [
  {
    name: 'respond',
    description: 'Record an agent response (closes the open reaction window)',
    message: true,
    examples: [
      'regdesk tickets respond MG-000001',
      'regdesk tickets respond MG-000001 --at 2026-11-23T11:00+03:00 -m "asked for FTP access"',
    ],
    apply: (t, actor, _ctx, _v, _a, opts) => respond(t, actor, messageEvent(opts)),
  },
  {
    name: 'reply',
    description: 'Record a customer reply (advantshop, umi: opens a new reaction window after an answer)',
    message: true,
    examples: [
      'regdesk tickets reply AS-000004 --at 2026-11-24T09:30+03:00',
      'regdesk tickets reply AS-000004 -m "here are the logs"',
    ],
    apply: (t, actor, _ctx, _v, _a, opts) => customerReply(t, actor, messageEvent(opts)),
  },
  {
    name: 'wait',
    description: 'Mark the ticket as waiting for the customer',
    examples: ['regdesk tickets wait MG-000001', 'regdesk tickets wait IC-000002 --at 2026-11-23T12:00+03:00'],
    apply: status('waiting_customer'),
  },
  {
    name: 'resolve',
    description: 'Mark the ticket resolved',
    examples: ['regdesk tickets resolve MG-000001', 'regdesk tickets resolve IC-000002 --json'],
    apply: status('resolved'),
  },
  {
    name: 'close',
    description: 'Close the ticket',
    examples: ['regdesk tickets close MG-000001', 'regdesk tickets close UM-000003 --at 2026-11-30T18:00+03:00'],
    apply: (t, actor, ctx, views) => {
      changeStatus(t, 'closed', actor)
      const reg = views.regulation(t.regulation)
      const ask = reg?.lifecycle.find((r) => r.rule === 'ask_credentials_change_after_close')
      if (ask && hasSecrets(t))
        ctx.io.err(`note: ask the customer to change the access data they sent (${reg?.id} §${ask.clause})\n`)
    },
  },
  {
    name: 'reopen',
    description: 'Reopen a resolved or closed ticket',
    examples: ['regdesk tickets reopen MG-000001', 'regdesk tickets reopen IC-000002 --at 2026-12-01T10:00+03:00'],
    apply: status('open'),
  },
  {
    name: 'assign',
    description:
      'Assign the ticket to an agent ("none" to unassign); a ticket another agent has needs --reassign, so two agents taking it at once cannot both get it',
    arg: ['<agent>', 'agent name, or none'],
    examples: [
      'regdesk tickets assign MG-000001 anna',
      'regdesk tickets assign MG-000001 oleg --reassign',
      'regdesk tickets assign MG-000001 none',
    ],
    apply: (t, actor, _ctx, _v, agent, opts) => {
      const name = (agent ?? '').trim()
      if (!name) throw new UsageError('the agent name is empty')
      const agentOrNone = name === 'none' ? null : name
      // as for level: the ticket already where it was asked to be is no mistake (a script may assign twice)
      if (t.assignee === agentOrNone)
        return `${t.id} is already ${agentOrNone === null ? 'unassigned' : `assigned to ${agentOrNone}`}`
      assign(t, agentOrNone, actor, Boolean(opts.reassign))
    },
  },
  {
    name: 'level',
    description: 'Change the SLA level (applies to reaction windows opened from then on)',
    arg: ['<level>', 'a level of the regulation, e.g. development'],
    examples: [
      'regdesk tickets level AS-000004 development',
      'regdesk tickets level UM-000002 consulting --at 2026-11-23T10:00+03:00',
    ],
    apply: (t, actor, _ctx, views, level) => {
      const reg = views.regulation(t.regulation)
      if (!reg) throw new UsageError(`unknown regulation "${t.regulation}" of ${t.id}; add its file with --regulations`)
      if (!reg.levels[level ?? ''])
        throw new UsageError(`unknown level "${level}" for ${reg.id}; levels: ${Object.keys(reg.levels).join(', ')}`)
      // asking for the level a ticket has is no mistake: nothing to change, and it is said so
      if (t.level === level) return `${t.id} is already at level ${level}`
      changeLevel(t, reg, level as string, actor)
    },
  },
]

export function ticketEventCommands(io: IO, environment: Environment): Command[] {
  return EVENT_COMMANDS.map((spec) => {
    const cmd = new Command(spec.name).description(spec.description).argument('<ticket-id>', 'e.g. MG-000123')
    if (spec.arg) cmd.argument(spec.arg[0], spec.arg[1])
    cmd.option('--at <iso>', 'when it happened (default: --now); not before the ticket was received')
    cmd.option('--force', "record a time in the future or before the ticket's last event (a late entry of the record)")
    if (spec.message) cmd.option('-m, --message <text>', 'what was said (credentials in it are masked)')
    if (spec.name === 'assign') cmd.option('--reassign', 'take the ticket from the agent it is assigned to')
    cmd
      .option('--show-secrets', 'show credentials instead of masking them')
      .addHelpText('after', examples(spec.examples))
      .action((id: string, ...rest: unknown[]) => {
        const c = rest[rest.length - 1] as Command
        const opts = rest[rest.length - 2] as EventOptions
        const arg = spec.arg ? (rest[0] as string) : undefined
        return runTicketEvent(contextOf(c, io, environment), environment, spec, id, arg, opts)
      })
    return cmd
  })
}

async function runTicketEvent(
  ctx: Context,
  environment: Environment,
  spec: EventCommand,
  idArg: string,
  arg: string | undefined,
  opts: EventOptions,
): Promise<void> {
  const id = ticketIdArg(idArg)
  const views = new TicketViews(ctx, Boolean(opts.showSecrets))
  const author = authorOf(ctx)
  const {
    ticket,
    unchanged,
    late,
    at: eventAt,
  } = await withStore(ctx, environment, (store) =>
    store.change<{ ticket: Ticket; unchanged: string | undefined; late: boolean; at: number }>(id, (t) => {
      const reg = views.regulation(t.regulation)
      const at = eventTime(ctx, reg, t, opts.at, Boolean(opts.force))
      const [count, status] = [t.events.length, t.status]
      const unchanged = spec.apply(t, { author, at: views.format(reg)(at) }, ctx, views, arg, opts)
      if (typeof unchanged === 'string') return { result: { ticket: t, unchanged, late: false, at }, changed: false }
      // --force before the last event: entered at its time, the statuses recorded since kept
      const late = settleLateEntry(t, count, status)
      // a customer reply may open a window: its deadline is recorded now, with today's regulation
      views.record(t)
      return { result: { ticket: t, unchanged: undefined, late, at }, changed: true }
    }),
  )
  if (unchanged) ctx.io.err(`${unchanged}\n`)
  if (late)
    ctx.io.err(
      `note: entered at its time, before later events of ${ticket.id}: the status they recorded stays ${ticket.status}\n`,
    )
  if (ctx.json) {
    printTicket(ctx, views, ticket)
    return
  }
  const view = views.json(ticket)
  // the time of this event, not of the ticket's last one (an event entered late is not last)
  const at = views.format(views.regulation(ticket.regulation))(eventAt)
  const t = ctx.io.speech.t
  const due = view.deadline && view.sla !== 'met' && view.sla !== 'late' ? ` (${t.ticket.deadline(view.deadline)})` : ''
  // nothing done, nothing said done: the ticket's state only (its last event is another's)
  const done = unchanged ? '' : `${t.done.at(t.done.action[spec.name] ?? spec.name, at ?? '')} · `
  ctx.io.out(
    `${ctx.io.color.bold(ticket.id)}  ${done}${t.status[ticket.status] ?? ticket.status} · ${t.done.sla(paintStatus(view.sla, ctx.io, !ticket.level && !view.needs_level))}${due}\n`,
  )
}
