import { Command } from 'commander'
import { UsageError } from '../../../errors.js'
import { currentWindow, needsLevel, type ReactionWindow } from '../../../sla/windows.js'
import type { TicketFilter } from '../../../store/ticket-store.js'
import { queueOrder } from '../../../ticket/queue.js'
import { STATUSES, type Status, type Ticket } from '../../../ticket/ticket.js'
import { contextOf } from '../../command.js'
import type { Context, Environment } from '../../context.js'
import { examples } from '../../help.js'
import type { IO } from '../../io.js'
import { writeJson, writeJsonArray } from '../../output/json.js'
import { type ListOptions, listShape, pickFields, shapeRows, withListOptions } from '../../output/list-options.js'
import { startProgress } from '../../output/progress.js'
import { renderList } from '../../output/table.js'
import { checkRegulationId } from '../../regulation-input.js'
import { withStore } from '../../store.js'
import { authorOf, levelCell, oneLine, paintStatus, TicketViews } from '../../tickets.js'

/** the fields of a ticket record (`tickets list --json`), for --json FIELDS and --sort */
const TICKET_FIELDS = [
  'id',
  'regulation',
  'level',
  'needs_level',
  'tier',
  'channel',
  'product',
  'critical',
  'license_date',
  'customer',
  'attachments',
  'origin',
  'helpdesk_deadline',
  'status',
  'assignee',
  'subject',
  'text',
  'secrets_masked',
  'received_at',
  'sla',
  'deadline',
  'triage',
  'windows',
  'events',
] as const

export interface TicketsListOptions extends ListOptions {
  status?: string
  regulation?: string
  assignee?: string
  mine?: boolean
  overdue?: boolean
  atRisk?: boolean
  showSecrets?: boolean
}

export function ticketsListCommand(io: IO, environment: Environment): Command {
  return withListOptions(new Command('list'))
    .description('List stored tickets with their SLA state (empty result: exit 0, JSON [])')
    .option('--status <statuses>', `only these statuses, comma-separated: ${STATUSES.join(', ')}`)
    .option('-r, --regulation <id>', 'only tickets of this regulation')
    .option('--assignee <agent>', 'only tickets assigned to this agent ("none": unassigned)')
    .option('--mine', 'only tickets assigned to you (config `agent`, else your user name)')
    .option('--overdue', 'only tickets with a window past its deadline')
    .option('--at-risk', 'the overdue tickets and also those at risk (as `overdue --at-risk`)')
    .option('--show-secrets', 'show credentials instead of masking them')
    .addHelpText(
      'after',
      examples([
        'regdesk tickets list',
        'regdesk tickets list --status new,open --regulation advantshop',
        'regdesk tickets list --overdue --json',
        'regdesk tickets list --assignee anna | cut -f1',
        'regdesk tickets list --mine --status new,open',
        'regdesk tickets list --json id,status,deadline --sort deadline --limit 20',
      ]),
    )
    .action((fields: string | undefined, opts: TicketsListOptions, c: Command) =>
      runTicketsList(contextOf(c, io, environment), environment, opts, fields),
    )
}

export async function runTicketsList(
  ctx: Context,
  environment: Environment,
  opts: TicketsListOptions,
  fieldsArg?: string,
): Promise<void> {
  const shape = listShape(fieldsArg, opts, ctx.json, TICKET_FIELDS)
  const statuses = opts.status === undefined ? undefined : statusList(opts.status)
  checkRegulationId(ctx, opts.regulation)
  if (opts.mine && opts.assignee !== undefined) throw new UsageError('use either --mine or --assignee, not both')
  const assignee = opts.mine ? authorOf(ctx) : opts.assignee
  // the store selects by status, regulation and assignee (a database by its indexes); the SLA state here
  const filter: TicketFilter = {
    ...(statuses ? { statuses: [...statuses] } : {}),
    ...(opts.regulation !== undefined ? { regulation: opts.regulation } : {}),
    ...(assignee !== undefined ? { assignee: assignee === 'none' ? null : assignee } : {}),
    ...(opts.overdue || opts.atRisk ? { attention: { at: ctx.now, atRisk: Boolean(opts.atRisk) } } : {}),
  }
  const views = new TicketViews(ctx, Boolean(opts.showSecrets))
  // --at-risk means what it means for `overdue`: the overdue tickets and also those at risk
  const attention = opts.overdue || opts.atRisk
  const wanted = (s: string | undefined) => !attention || s === 'overdue' || (opts.atRisk && s === 'at_risk')
  // a store of 100,000 tickets takes seconds to list: a count on the terminal's stderr meanwhile
  const progress = startProgress(ctx.io, ctx.io.speech.t.progress.tickets)
  const selected = async function* (
    tickets: AsyncIterable<Ticket>,
  ): AsyncGenerator<{ ticket: Ticket; windows: ReactionWindow[] | null }> {
    for await (const t of tickets) {
      progress.increment()
      const windows = views.windows(t)
      if (!wanted(windows ? currentWindow(windows)?.status : undefined)) continue
      yield { ticket: t, windows }
    }
  }
  if (ctx.json && !shape.sort) {
    // streamed: a store of 100,000 tickets is never one array (--limit stops early)
    await withStore(ctx, environment, (store) =>
      writeJsonArray(ctx.io, limited(selected(store.list(filter)), shape.limit), (r) =>
        pickFields(views.json(r.ticket, r.windows), shape.fields),
      ),
    )
    progress.stop()
    for (const w of views.warnings()) ctx.io.err(`warning: ${w}\n`)
    return
  }
  const all = await withStore(ctx, environment, async (store) => {
    const out: { ticket: Ticket; windows: ReactionWindow[] | null }[] = []
    for await (const r of selected(store.list(filter))) out.push(r)
    return out
  })
  progress.stop()
  const rows = shapeRows(all, (r) => views.json(r.ticket, r.windows), shape)
  for (const w of views.warnings()) ctx.io.err(`warning: ${w}\n`)
  if (ctx.json) {
    await writeJsonArray(ctx.io, rows, (r) => pickFields(views.json(r.ticket, r.windows), shape.fields))
    return
  }
  if (!rows.length) {
    if (ctx.io.isStdoutTTY) ctx.io.err('no tickets\n')
    return
  }
  ctx.io.out(renderTicketList(rows, views, ctx.io))
}

async function* limited<T>(items: AsyncIterable<T>, limit: number | undefined): AsyncGenerator<T> {
  if (limit === undefined) {
    yield* items
    return
  }
  let n = 0
  for await (const item of items) {
    yield item
    if (++n >= limit) return
  }
}

function statusList(text: string): Set<Status> {
  const out = new Set<Status>()
  for (const s of text.split(',').map((x) => x.trim())) {
    if (!(STATUSES as readonly string[]).includes(s))
      throw new UsageError(`--status: unknown status "${s}"; valid: ${STATUSES.join(', ')}`)
    out.add(s as Status)
  }
  return out
}

function renderTicketList(rows: { ticket: Ticket; windows: ReactionWindow[] | null }[], views: TicketViews, io: IO) {
  return renderList(
    rows.map((r) => ({ ...r, current: r.windows ? currentWindow(r.windows) : undefined })),
    [
      { header: 'ID', value: (r) => r.ticket.id, keep: true },
      { header: 'REGULATION', value: (r) => r.ticket.regulation },
      {
        header: 'STATUS',
        value: (r) => r.ticket.status,
        human: (r, io) => io.speech.t.status[r.ticket.status] ?? r.ticket.status,
      },
      {
        header: 'LEVEL',
        value: (r) => r.ticket.level,
        // a ticket refused as out of scope has no level by rule: it needs none (as its JSON's needs_level says)
        human: (r, io) => levelCell(r.current?.level ?? r.ticket.level, needsLevel(r.ticket), io),
      },
      {
        header: 'SLA',
        value: (r) => r.current?.status ?? null,
        human: (r, io) =>
          paintStatus(r.current?.status ?? null, io, !(r.current?.level ?? r.ticket.level) && !needsLevel(r.ticket)),
      },
      {
        header: 'DEADLINE',
        value: (r) =>
          r.current?.deadline == null ? null : views.format(views.regulation(r.ticket.regulation))(r.current.deadline),
      },
      { header: 'ASSIGNEE', value: (r) => r.ticket.assignee },
      {
        header: 'SUBJECT',
        value: (r) => views.text(r.ticket.subject, 'subject', r.ticket.secrets),
        human: (r) => oneLine(views.text(r.ticket.subject, 'subject', r.ticket.secrets), 50),
        cut: true,
      },
    ],
    io,
  )
}

const QUEUE_FIELDS = [
  'position',
  'id',
  'regulation',
  'status',
  'level',
  'tier',
  'critical',
  'needs_level',
  'assignee',
  'subject',
  'received_at',
  'last_customer_at',
  'sla',
  'deadline',
] as const

export interface TicketsQueueOptions extends ListOptions {
  regulation?: string
  showSecrets?: boolean
}

export function ticketsQueueCommand(io: IO, environment: Environment): Command {
  return withListOptions(new Command('queue'))
    .description("The order to work tickets in, by each regulation's queue policy")
    .option('-r, --regulation <id>', 'only this regulation (default: every regulation, one queue each)')
    .option('--show-secrets', 'show credentials instead of masking them')
    .addHelpText(
      'after',
      `${examples(['regdesk tickets queue', 'regdesk tickets queue -r imagecms', 'regdesk tickets queue -r advantshop --json'])}
Policies: first come first served (moguta, advantshop, mst, umi); critical "restore a broken
site" requests first (advantshop, umi); imagecms: Premium before Pro, then by the oldest last
customer comment. Only new and open tickets are queued.
`,
    )
    .action((fields: string | undefined, opts: TicketsQueueOptions, c: Command) =>
      runTicketsQueue(contextOf(c, io, environment), environment, opts, fields),
    )
}

export async function runTicketsQueue(
  ctx: Context,
  environment: Environment,
  opts: TicketsQueueOptions,
  fieldsArg?: string,
) {
  const shape = listShape(fieldsArg, opts, ctx.json, QUEUE_FIELDS)
  checkRegulationId(ctx, opts.regulation)
  // only new and open tickets are queued: the store selects them (a database by its index)
  const filter: TicketFilter = {
    statuses: ['new', 'open'],
    ...(opts.regulation !== undefined ? { regulation: opts.regulation } : {}),
  }
  const tickets = await withStore(ctx, environment, async (store) => {
    const out: Ticket[] = []
    for await (const t of store.list(filter)) out.push(t)
    return out
  })
  const data = { tickets }
  const views = new TicketViews(ctx, Boolean(opts.showSecrets))
  const ids = opts.regulation ? [opts.regulation] : [...new Set(data.tickets.map((t) => t.regulation))].sort()
  const queued = ids.flatMap((id) => {
    const reg = views.regulation(id)
    if (!reg) return []
    const fmt = views.format(reg)
    return queueOrder(data.tickets, reg).map((e) => {
      const current = currentWindow(views.windows(e.ticket) ?? [])
      return {
        position: e.position,
        id: e.ticket.id,
        regulation: e.ticket.regulation,
        status: e.ticket.status,
        level: e.ticket.level,
        tier: e.ticket.tier,
        critical: e.ticket.critical,
        /** no agent has set a level: its deadline is the regulation's assumed level's (issue 16) */
        needs_level: needsLevel(e.ticket),
        assignee: e.ticket.assignee,
        subject: views.text(e.ticket.subject, 'subject', e.ticket.secrets),
        received_at: e.ticket.received_at,
        last_customer_at: fmt(e.lastCustomerAt),
        sla: current?.status ?? null,
        deadline: current?.deadline == null ? null : fmt(current.deadline),
      }
    })
  })
  const rows = shapeRows(queued, (r) => r, shape)
  for (const w of views.warnings()) ctx.io.err(`warning: ${w}\n`)
  if (ctx.json) {
    writeJson(
      ctx.io,
      rows.map((r) => pickFields(r, shape.fields)),
    )
    return
  }
  if (!rows.length) {
    if (ctx.io.isStdoutTTY) ctx.io.err('the queue is empty\n')
    return
  }
  ctx.io.out(
    renderList(
      rows,
      [
        { header: '#', value: (r) => r.position },
        { header: 'ID', value: (r) => r.id },
        { header: 'REGULATION', value: (r) => r.regulation },
        { header: 'TIER', value: (r) => r.tier },
        {
          header: 'CRITICAL',
          value: (r) => (r.critical ? 'yes' : 'no'),
          human: (r, io) => (r.critical ? io.color.red(io.speech.t.value.yes) : io.speech.t.value.no),
        },
        { header: 'STATUS', value: (r) => r.status, human: (r, io) => io.speech.t.status[r.status] ?? r.status },
        { header: 'LEVEL', value: (r) => r.level, human: (r, io) => levelCell(r.level, r.needs_level, io) },
        { header: 'SLA', value: (r) => r.sla, human: (r, io) => paintStatus(r.sla, io, !r.level && !r.needs_level) },
        { header: 'DEADLINE', value: (r) => r.deadline },
        { header: 'ASSIGNEE', value: (r) => r.assignee },
        { header: 'SUBJECT', value: (r) => r.subject, human: (r) => oneLine(r.subject, 40), cut: true },
      ],
      ctx.io,
    ),
  )
}
