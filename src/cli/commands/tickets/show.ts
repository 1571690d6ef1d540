import { Command } from 'commander'
import { contextOf } from '../../command.js'
import type { Context, Environment } from '../../context.js'
import { examples } from '../../help.js'
import type { IO } from '../../io.js'
import { printTicket } from '../../output/ticket.js'
import { withStore } from '../../store.js'
import { TicketViews, ticketIdArg } from '../../tickets.js'

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
