import { Command } from 'commander'
import { describeDuration } from '../../../regulation/describe.js'
import type { TicketFilter } from '../../../store/ticket-store.js'
import { autocloseMatches, purgeMatches, purgeSecrets, type RuleMatch, setStatus } from '../../../ticket/lifecycle.js'
import type { Ticket } from '../../../ticket/ticket.js'
import { contextOf } from '../../command.js'
import type { Context, Environment } from '../../context.js'
import { examples } from '../../help.js'
import type { IO } from '../../io.js'
import { writeJson } from '../../output/json.js'
import { renderList } from '../../output/table.js'
import { checkRegulationId } from '../../regulation-input.js'
import { withStore } from '../../store.js'
import { authorOf, oneLine, TicketViews } from '../../tickets.js'

interface MaintenanceOptions {
  dryRun?: boolean
  regulation?: string
}

export function ticketsAutocloseCommand(io: IO, environment: Environment): Command {
  return new Command('autoclose')
    .description("Close tickets by the regulation's lifecycle rules, listing what it closed")
    .option('--dry-run', 'list what would be closed, change nothing')
    .option('-r, --regulation <id>', "only this regulation's tickets")
    .addHelpText(
      'after',
      `${examples(['regdesk tickets autoclose --dry-run', 'regdesk tickets autoclose --json', 'regdesk --now 2026-12-31T09:00+03:00 tickets autoclose'])}
Rules (imagecms): a resolved ticket closes after 7 calendar days without activity; any ticket
closes after 30 calendar days without a customer answer to the agent's last message.
`,
    )
    .action((opts: MaintenanceOptions, c: Command) =>
      runMaintenance(contextOf(c, io, environment), environment, opts, 'autoclose'),
    )
}

export function ticketsPurgeSecretsCommand(io: IO, environment: Environment): Command {
  return new Command('purge-secrets')
    .description("Remove credentials from tickets closed longer than the regulation's retention (moguta: 2 days)")
    .option('--dry-run', 'list what would be purged, change nothing')
    .option('-r, --regulation <id>', "only this regulation's tickets")
    .addHelpText(
      'after',
      `${examples(['regdesk tickets purge-secrets --dry-run', 'regdesk tickets purge-secrets --json'])}
The values are deleted from the store for good; the texts keep "[removed]" where they were and
the ticket gets a note saying so. Regulations without a retention rule are left alone.
`,
    )
    .action((opts: MaintenanceOptions, c: Command) =>
      runMaintenance(contextOf(c, io, environment), environment, opts, 'purge'),
    )
}

async function runMaintenance(
  ctx: Context,
  environment: Environment,
  opts: MaintenanceOptions,
  what: 'autoclose' | 'purge',
): Promise<void> {
  checkRegulationId(ctx, opts.regulation)
  const views = new TicketViews(ctx)
  const author = authorOf(ctx)
  // autoclose looks at tickets not yet closed (new ones are nobody's answer yet), purge at closed ones
  const filter: TicketFilter = {
    statuses: what === 'autoclose' ? ['open', 'waiting_customer', 'resolved'] : ['closed'],
    ...(opts.regulation === undefined ? {} : { regulation: opts.regulation }),
  }
  const find = (tickets: readonly Ticket[]) =>
    (what === 'autoclose' ? autocloseMatches : purgeMatches)(
      tickets,
      (id) => views.regulation(id),
      (reg) => views.clock(reg),
      ctx.now,
    )
  const apply = (m: RuleMatch): number => {
    const at = views.format(views.regulation(m.ticket.regulation))(ctx.now)
    if (what === 'autoclose') {
      setStatus(m.ticket, 'closed', { author, at }, m.rule.rule)
      return 0
    }
    return purgeSecrets(m.ticket, { author, at }, m.rule)
  }
  const rows: ReturnType<typeof row>[] = await withStore(ctx, environment, async (store) => {
    if (opts.dryRun) {
      const tickets: Ticket[] = []
      for await (const t of store.list(filter)) tickets.push(t)
      return find(tickets).map((m) => row(m, 0))
    }
    return store.changeMany(filter, (tickets) => {
      const matches = find(tickets)
      return { result: matches.map((m) => row(m, apply(m))), changed: matches.map((m) => m.ticket) }
    })
  })
  function row(m: RuleMatch, removed: number) {
    const reg = views.regulation(m.ticket.regulation)
    return {
      id: m.ticket.id,
      regulation: m.ticket.regulation,
      rule: m.rule.rule,
      clause: m.rule.clause,
      after: 'after' in m.rule ? describeDuration(m.rule.after) : null,
      due_at: views.format(reg)(m.dueAt),
      status: m.ticket.status,
      subject: m.ticket.subject,
      ...(what === 'purge' ? { removed: opts.dryRun ? null : removed } : {}),
      dry_run: Boolean(opts.dryRun),
    }
  }
  if (ctx.json) {
    writeJson(ctx.io, rows)
    return
  }
  if (!rows.length) {
    if (ctx.io.isStdoutTTY) ctx.io.err(what === 'autoclose' ? 'nothing to close\n' : 'nothing to purge\n')
    return
  }
  ctx.io.out(
    renderList(
      rows,
      [
        { header: 'ID', value: (r) => r.id },
        { header: 'RULE', value: (r) => `${r.rule} (§${r.clause})` },
        { header: 'DUE SINCE', value: (r) => r.due_at },
        {
          header: 'STATUS',
          value: (r) => (r.dry_run ? `${r.status} (dry run)` : r.status),
          human: (r, io) => (r.dry_run ? `${r.status} ${io.speech.t.done.dryRun}` : r.status),
        },
        { header: 'SUBJECT', value: (r) => r.subject, human: (r) => oneLine(r.subject, 40) },
      ],
      ctx.io,
    ),
  )
}
