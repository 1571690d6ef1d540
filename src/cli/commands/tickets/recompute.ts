import { Command } from 'commander'
import { parseIsoInstant } from '../../../calendar/instant.js'
import type { TicketFilter } from '../../../store/ticket-store.js'
import type { Ticket } from '../../../ticket/ticket.js'
import { recomputeWindows, type WindowChange } from '../../../ticket/window-record.js'
import { contextOf } from '../../command.js'
import type { Context, Environment } from '../../context.js'
import { examples } from '../../help.js'
import type { IO } from '../../io.js'
import { writeJson } from '../../output/json.js'
import { renderList } from '../../output/table.js'
import { checkRegulationId } from '../../regulation-input.js'
import { withStore } from '../../store.js'
import { TicketViews } from '../../tickets.js'
import { parseDate } from '../../time-input.js'

interface RecomputeOptions {
  since?: string
  regulation?: string
  dryRun?: boolean
}

export function ticketsRecomputeCommand(io: IO, environment: Environment): Command {
  return new Command('recompute')
    .description(
      'Apply the regulation as it is now to the reaction windows opened since a date: shows each deadline that moves, and records it',
    )
    .requiredOption('--since <date>', 'windows opened on or after this day (YYYY-MM-DD, in the regulation’s timezone)')
    .option('-r, --regulation <id>', 'only tickets of this regulation')
    .option('--dry-run', 'show what would change, change nothing')
    .addHelpText(
      'after',
      `${examples([
        'regdesk --regulations ./corrected tickets recompute --since 2026-11-01 --dry-run',
        'regdesk tickets recompute --since 2026-11-01 -r moguta',
        'regdesk tickets recompute --since 2020-01-01 --json',
      ])}
Each reaction window keeps the deadline it was given when it opened, with the fingerprint of the
regulation that set it: a corrected regulation (or another folder of --regulations) changes no
past deadline until this command applies it, on purpose. Windows keep the level they opened with.
A ticket stored before windows were recorded gets its windows recorded.
`,
    )
    .action((opts: RecomputeOptions, c: Command) => runRecompute(contextOf(c, io, environment), environment, opts))
}

export async function runRecompute(ctx: Context, environment: Environment, opts: RecomputeOptions): Promise<void> {
  const since = parseDate(opts.since ?? '', '--since')
  checkRegulationId(ctx, opts.regulation)
  const views = new TicketViews(ctx)
  const sinceIn = new Map<string, number>()
  const sinceOf = (zone: string) => {
    let ms = sinceIn.get(zone)
    if (ms === undefined) {
      const parsed = parseIsoInstant(since, zone)
      ms = parsed.ok ? parsed.ms : Date.parse(since)
      sinceIn.set(zone, ms)
    }
    return ms
  }
  // every timezone's midnight of that day is within 14 hours of UTC's
  const filter: TicketFilter = {
    windowsSince: Date.parse(`${since}T00:00:00Z`) - 14 * 3_600_000,
    ...(opts.regulation !== undefined ? { regulation: opts.regulation } : {}),
  }
  const rows: ReturnType<typeof row>[] = []
  // windows recorded again with the regulation as it is now, their deadline and target the same: not listed
  let restamped = 0
  function row(t: Ticket, c: WindowChange) {
    return { id: t.id, regulation: t.regulation, ...c, dry_run: Boolean(opts.dryRun) }
  }
  const recompute = (tickets: readonly Ticket[]): Ticket[] => {
    const changed: Ticket[] = []
    for (const t of tickets) {
      const reg = views.regulation(t.regulation)
      if (!reg) continue
      const changes = recomputeWindows(t, reg, views.clock(reg), sinceOf(reg.workingTime.timezone))
      if (!changes.length) continue
      changed.push(t)
      for (const c of changes)
        if (c.before.deadline !== c.after.deadline || c.before.target !== c.after.target) rows.push(row(t, c))
        else restamped++
    }
    return changed
  }
  await withStore(ctx, environment, async (store) => {
    if (opts.dryRun) {
      const tickets: Ticket[] = []
      for await (const t of store.list(filter)) tickets.push(t)
      recompute(tickets)
      return
    }
    await store.changeMany(filter, (tickets) => ({ result: undefined, changed: recompute(tickets) }))
  })
  for (const w of views.warnings()) ctx.io.err(`warning: ${w}\n`)
  if (restamped)
    ctx.io.err(
      `note: ${restamped} window(s) ${opts.dryRun ? 'would be' : 'were'} recorded with the regulation as it is now; their deadlines do not move\n`,
    )
  if (ctx.json) {
    writeJson(ctx.io, rows)
    return
  }
  if (!rows.length) {
    if (ctx.io.isStdoutTTY) ctx.io.err('no recorded deadline differs from the regulations as they are now\n')
    return
  }
  ctx.io.out(
    renderList(
      rows,
      [
        { header: 'ID', value: (r) => r.id },
        { header: 'OPENED', value: (r) => r.opened_at },
        { header: 'LEVEL', value: (r) => r.level },
        { header: 'DEADLINE', value: (r) => r.before.deadline },
        { header: 'NEW DEADLINE', value: (r) => r.after.deadline },
        { header: 'RECORDED BY', value: (r) => r.before.fingerprint ?? '(not recorded)' },
        {
          header: 'NOW',
          value: (r) => (r.dry_run ? `${r.after.fingerprint} (dry run)` : r.after.fingerprint),
          human: (r, io) => (r.dry_run ? `${r.after.fingerprint} ${io.speech.t.done.dryRun}` : r.after.fingerprint),
        },
      ],
      ctx.io,
    ),
  )
}
