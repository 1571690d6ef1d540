import { Command } from 'commander'
import { assumedLevel, describeDuration } from '../../../regulation/describe.js'
import { formatMinutes } from '../../../sla/duration.js'
import type { Ticket } from '../../../ticket/ticket.js'
import { contextOf } from '../../command.js'
import type { Context, Environment } from '../../context.js'
import { examples } from '../../help.js'
import type { IO } from '../../io.js'
import { printable } from '../../io.js'
import { writeJson } from '../../output/json.js'
import { renderFields, renderList } from '../../output/table.js'
import { withStore } from '../../store.js'
import { levelCell, oneLine, paintStatus, TicketViews, ticketIdArg } from './shared.js'

export function ticketsShowCommand(io: IO, environment: Environment): Command {
  return new Command('show')
    .description('One ticket: its details, timeline, and each reaction window with its deadline and outcome')
    .argument('<ticket-id>', 'e.g. MG-000123 (mg-123 works too)')
    .option('--show-secrets', 'show credentials instead of masking them')
    .addHelpText(
      'after',
      examples([
        'regdesk tickets show MG-000001',
        'regdesk tickets show as-12 --json',
        'regdesk --now 2026-12-01T10:00+03:00 tickets show UM-000003',
      ]),
    )
    .action((id: string, opts: { showSecrets?: boolean }, c: Command) =>
      runTicketsShow(contextOf(c, io, environment), environment, id, opts),
    )
}

export async function runTicketsShow(
  ctx: Context,
  environment: Environment,
  idArg: string,
  opts: { showSecrets?: boolean },
) {
  const id = ticketIdArg(idArg)
  const ticket = await withStore(ctx, environment, (store) => store.get(id))
  const views = new TicketViews(ctx, Boolean(opts.showSecrets))
  printTicket(ctx, views, ticket)
}

/** A ticket as `show` prints it (also after a change, by the event commands). */
export function printTicket(ctx: Context, views: TicketViews, ticket: Ticket): void {
  const view = views.json(ticket)
  for (const w of views.warnings()) ctx.io.err(`warning: ${w}\n`)
  if (ctx.json) {
    writeJson(ctx.io, view)
    return
  }
  ctx.io.out(renderTicket(views, ticket, view, ctx.io))
}

/** The verdict triage gave at intake: scope, topic with its clause, why, what to ask for, what to watch out for. */
function renderTriage(t: Ticket, io: IO): string {
  const v = t.triage
  if (!v) return ''
  const c = io.color
  const scope = v.scope === 'in' ? c.green('in scope') : v.scope === 'out' ? c.red('out of scope') : c.yellow('unclear')
  const decided = v.decided_by ? c.dim(` (decided by ${v.decided_by})`) : ''
  const pairs: [string, string][] = [['scope', `${scope}${decided}`]]
  if (v.topic) pairs.push(['topic', `${v.topic.id}${v.topic.clause ? ` (§${v.topic.clause})` : ''}`])
  for (const [i, r] of (v.reasons ?? []).entries())
    pairs.push([i === 0 ? 'why' : '', `${printable(r.message)}${r.clause ? c.dim(` (§${r.clause})`) : ''}`])
  if (v.missing?.length) pairs.push(['ask for', c.yellow(v.missing.join(', '))])
  for (const [i, w] of v.warnings.entries())
    pairs.push([i === 0 ? 'warnings' : '', c.yellow(`${w.code}${w.message ? `: ${printable(w.message)}` : ''}`)])
  return `\n${c.bold('Triage')}\n${renderFields(pairs, io)}`
}

function renderTicket(views: TicketViews, t: Ticket, view: ReturnType<TicketViews['json']>, io: IO): string {
  const c = io.color
  const reg = views.regulation(t.regulation)
  const level = t.level
    ? `${t.level}${reg?.levels[t.level] ? ` (${describeDuration(reg.levels[t.level]?.limit)})` : ''}`
    : `none set: ${c.yellow('needs a level')}${reg ? ` (held to ${assumedLevel(reg)} until one is set)` : ''}`
  const pairs: [string, string][] = [
    ['ticket', c.bold(t.id)],
    ['regulation', t.regulation],
    ['subject', printable(view.subject)],
    ['status', t.status],
    ['level', level],
    ['tier', t.tier ?? '—'],
    ['channel', t.channel ?? '—'],
    ...(t.product ? [['product', t.product] as [string, string]] : []),
    ['critical', t.critical ? c.red('yes') : 'no'],
    ...(t.license_date ? [['licence date', t.license_date] as [string, string]] : []),
    ...(t.customer ? [['customer', printable(t.customer)] as [string, string]] : []),
    ['assignee', t.assignee ?? '—'],
    ['received', t.received_at],
    ['sla', `${paintStatus(view.sla, c)}${view.deadline ? ` (deadline ${view.deadline})` : ''}`],
  ]
  let out = renderFields(pairs, io)
  out += renderTriage(t, io)
  out += `\n${c.bold('Windows')}\n`
  out +=
    renderList(
      view.windows ?? [],
      [
        { header: '#', value: (w) => (view.windows ?? []).indexOf(w) + 1 },
        { header: 'OPENED', value: (w) => w.opened_at },
        { header: 'BY', value: (w) => w.opened_by },
        { header: 'LEVEL', value: (w) => w.level, human: (w) => levelCell(w.level, w.level_assumed) },
        { header: 'TARGET', value: (w) => w.target },
        { header: 'DEADLINE', value: (w) => w.deadline },
        { header: 'RESPONDED', value: (w) => w.responded_at },
        {
          header: 'REACTION',
          value: (w) => (w.reaction_working_minutes === null ? null : formatMinutes(w.reaction_working_minutes)),
        },
        { header: 'STATUS', value: (w) => w.status, human: (w, io) => paintStatus(w.status, io.color) },
      ],
      io,
    ) || `${c.dim('  (no windows: unknown regulation)')}\n`
  out += `\n${c.bold('Timeline')}\n`
  out += renderList(
    view.events,
    [
      { header: 'AT', value: (e) => e.at },
      { header: 'EVENT', value: (e) => e.type },
      { header: 'BY', value: (e) => e.author },
      {
        header: 'DETAIL',
        value: (e) =>
          [
            'field' in e && e.field ? `${e.field}:` : '',
            'from' in e || 'to' in e ? `${e.from ?? '—'} → ${e.to ?? '—'}` : '',
            e.rule ? `(${e.rule})` : '',
            e.message ? oneLine(e.message, 200) : '',
          ]
            .filter(Boolean)
            .join(' '),
      },
    ],
    io,
  )
  out += `\n${c.bold('Text')}${view.secrets_masked ? c.dim(' (credentials masked; --show-secrets to see them)') : ''}\n${printable(view.text)}\n`
  return out
}
