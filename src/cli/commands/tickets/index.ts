import { Command } from 'commander'
import type { Environment } from '../../context.js'
import { examples } from '../../help.js'
import type { IO } from '../../io.js'
import { ticketsAddCommand } from './add.js'
import { ticketsDraftCommand } from './draft.js'
import { ticketsEditCommand, ticketsNoteCommand } from './edit.js'
import { ticketEventCommands } from './events.js'
import { ticketsExportCommand } from './export.js'
import { ticketsImportCommand } from './import.js'
import { ticketsListCommand, ticketsQueueCommand } from './list.js'
import { ticketsAutocloseCommand, ticketsPurgeSecretsCommand } from './maintenance.js'
import { ticketsRecomputeCommand } from './recompute.js'
import { ticketsShowCommand } from './show.js'

export function ticketsCommand(io: IO, environment: Environment): Command {
  const cmd = new Command('tickets')
    .description('The local ticket store: take requests in, respond, wait, resolve, close; the queue')
    .addHelpText(
      'after',
      `${examples([
        'regdesk tickets add -r moguta "Не работает корзина после обновления"',
        'regdesk tickets respond MG-000001 --at 2026-11-23T11:00+03:00',
        'regdesk tickets list --status new,open',
        'regdesk tickets queue -r advantshop',
      ])}
Store: --store FILE or postgres://… URL, env REGDESK_STORE, config \`store\`, else the user data directory.
Credentials found in texts are masked in every output unless --show-secrets.
`,
    )
  for (const sub of [
    ticketsAddCommand(io, environment),
    ticketsListCommand(io, environment),
    ticketsShowCommand(io, environment),
    ticketsDraftCommand(io, environment),
    ...ticketEventCommands(io, environment),
    ticketsEditCommand(io, environment),
    ticketsNoteCommand(io, environment),
    ticketsImportCommand(io, environment),
    ticketsExportCommand(io, environment),
    ticketsQueueCommand(io, environment),
    ticketsAutocloseCommand(io, environment),
    ticketsPurgeSecretsCommand(io, environment),
    ticketsRecomputeCommand(io, environment),
  ])
    cmd.addCommand(sub)
  return cmd
}
