import { Command } from 'commander'
import { FoundError } from '../../errors.js'
import { levelClock } from '../../sla/deadline.js'
import { needsLevel, type ReactionWindow } from '../../sla/windows.js'
import { alertsOf } from '../../ticket/attention.js'
import type { Ticket } from '../../ticket/ticket.js'
import { contextOf } from '../command.js'
import type { Context, Environment } from '../context.js'
import { examples } from '../help.js'
import type { IO } from '../io.js'
import { writeJson } from '../output/json.js'
import { type ListOptions, listShape, pickFields, shapeRows, withListOptions } from '../output/list-options.js'
import { type Column, renderList } from '../output/table.js'
import { checkRegulationId } from '../regulation-input.js'
import { withStore } from '../store.js'
import { levelCell, oneLine, paintStatus, TicketViews } from '../tickets.js'

const OVERDUE_FIELDS = [
  'id',
  'regulation',
  'level',
  'needs_level',
  'assignee',
  'subject',
  'opened_at',
  'deadline',
  'target',
  'late_working_minutes',
  'late_minutes',
  'status',
  'ticket_status',
  'critical',
] as const

export interface OverdueOptions extends ListOptions {
  regulation?: string
  atRisk?: boolean
  check?: boolean
  showSecrets?: boolean
}

type OverdueRow = ReturnType<typeof overdueRow>

/** On a terminal LATE reads "1h 30m (2h 5m)"; piped, working and clock minutes are two numeric columns. */
function overdueColumns(tty: boolean): Column<OverdueRow>[] {
  const late: Column<OverdueRow>[] = tty
    ? [
        {
          header: 'LATE (CLOCK)',
          value: (r) => r.late_working_minutes,
          human: (r, io) => `${io.speech.t.value.hm(r.late_working_minutes)} (${io.speech.t.value.hm(r.late_minutes)})`,
        },
      ]
    : [
        { header: 'LATE', value: (r) => r.late_working_minutes },
        { header: 'LATE_CLOCK', value: (r) => r.late_minutes },
      ]
  return [
    { header: 'TICKET', value: (r) => r.id, keep: true },
    { header: 'SUBJECT', value: (r) => r.subject, human: (r) => oneLine(r.subject, 40), cut: true },
    { header: 'LEVEL', value: (r) => r.level, human: (r, io) => levelCell(r.level, r.needs_level, io) },
    { header: 'DEADLINE', value: (r) => r.deadline },
    ...late,
    { header: 'ASSIGNEE', value: (r) => r.assignee },
    { header: 'STATUS', value: (r) => r.status, human: (r, io) => paintStatus(r.status, io) },
  ]
}

export function overdueCommand(io: IO, environment: Environment): Command {
  return withListOptions(new Command('overdue'))
    .description('Open reaction windows past their deadline at --now, most overdue first')
    .option('-r, --regulation <id>', 'only tickets of this regulation')
    .option('--at-risk', 'also windows past their target or with less than 20% of the limit left')
    .option('--check', 'exit 4 when anything is overdue (for cron and monitoring)')
    .option('--show-secrets', 'show credentials in subjects instead of masking them')
    .addHelpText(
      'after',
      `${examples([
        'regdesk overdue',
        'regdesk overdue --at-risk -r advantshop',
        'regdesk overdue --check --json > overdue.json || notify-team',
        'regdesk --now 2026-11-25T18:00+03:00 overdue',
      ])}
LATE is working time past the deadline (clock time in brackets); for at-risk rows it is
negative: the time left.
`,
    )
    .action((fields: string | undefined, opts: OverdueOptions, c: Command) =>
      runOverdue(contextOf(c, io, environment), environment, opts, fields),
    )
}

export async function runOverdue(
  ctx: Context,
  environment: Environment,
  opts: OverdueOptions,
  fieldsArg?: string,
): Promise<void> {
  const shape = listShape(fieldsArg, opts, ctx.json, OVERDUE_FIELDS)
  checkRegulationId(ctx, opts.regulation)
  const views = new TicketViews(ctx, Boolean(opts.showSecrets))
  // the store selects the tickets whose recorded deadline may have passed (a database by its
  // index on the open window's deadline); each one's windows decide exactly
  const tickets = await withStore(ctx, environment, async (store) => {
    const out: Ticket[] = []
    for await (const t of store.list({
      statuses: ['new', 'open'],
      attention: { at: ctx.now, atRisk: Boolean(opts.atRisk) },
      ...(opts.regulation !== undefined ? { regulation: opts.regulation } : {}),
    }))
      out.push(t)
    return out
  })
  const found = alertsOf(tickets, (t) => views.windows(t), Boolean(opts.atRisk)).map((a) =>
    overdueRow(ctx, views, a.ticket, a.window),
  )
  // --check counts every overdue ticket, whatever --limit shows
  const overdue = found.filter((r) => r.status === 'overdue').length
  const rows = shapeRows(found, (r) => r, shape)
  for (const w of views.warnings()) ctx.io.err(`warning: ${w}\n`)
  if (ctx.json)
    writeJson(
      ctx.io,
      rows.map((r) => pickFields(r, shape.fields)),
    )
  else if (!rows.length) {
    if (ctx.io.isStdoutTTY)
      ctx.io.err(`${opts.atRisk ? ctx.io.speech.t.overdue.noneAtRisk : ctx.io.speech.t.overdue.none}\n`)
  } else ctx.io.out(renderList(rows, overdueColumns(ctx.io.isStdoutTTY), ctx.io))
  if (opts.check && overdue)
    // exit 4, for cron and monitoring
    throw new FoundError(ctx.io.speech.t.overdue.found(overdue))
}

function overdueRow(ctx: Context, views: TicketViews, t: Ticket, w: ReactionWindow) {
  const reg = views.regulation(t.regulation)
  const fmt = views.format(reg)
  const deadline = w.deadline as number
  return {
    id: t.id,
    regulation: t.regulation,
    level: w.level,
    /** the ticket has no level: the deadline is the regulation's assumed level's (issue 16) */
    needs_level: needsLevel(t),
    assignee: t.assignee,
    subject: views.text(t.subject, 'subject', t.secrets),
    opened_at: fmt(w.openedAt),
    deadline: fmt(deadline),
    target: w.target === null ? null : fmt(w.target),
    late_working_minutes: Math.trunc(reg ? levelClock(reg, views.clock(reg), w.level).elapsed(deadline, ctx.now) : 0),
    late_minutes: Math.trunc((ctx.now - deadline) / 60_000),
    status: w.status as 'overdue' | 'at_risk',
    ticket_status: t.status,
    critical: t.critical,
  }
}
