import { Command } from 'commander'
import { RegdeskError } from '../../../errors.js'
import { contextOf } from '../../command.js'
import type { Context, Environment } from '../../context.js'
import { examples } from '../../help.js'
import type { IO } from '../../io.js'
import { writeJson } from '../../output/json.js'
import { replyDraft } from '../../output/reply.js'
import { withStore } from '../../store.js'
import { TicketViews, ticketIdArg } from '../../tickets.js'

export function ticketsDraftCommand(io: IO, environment: Environment): Command {
  return new Command('draft')
    .description("A reply draft for the customer (Russian) from the ticket's verdict: what to send, why not, where to")
    .argument('<ticket-id>', 'e.g. MG-000123')
    .addHelpText(
      'after',
      examples([
        'regdesk tickets draft MG-000001',
        'regdesk tickets draft um-3 | xclip',
        'regdesk tickets draft AS-12 --json',
      ]),
    )
    .action((id: string, _opts: object, c: Command) => runTicketsDraft(contextOf(c, io, environment), environment, id))
}

export async function runTicketsDraft(ctx: Context, environment: Environment, idArg: string): Promise<void> {
  const id = ticketIdArg(idArg)
  const ticket = await withStore(ctx, environment, (store) => store.get(id))
  const views = new TicketViews(ctx)
  const reg = views.regulation(ticket.regulation)
  if (!reg)
    throw new RegdeskError(`${ticket.id} is under the regulation "${ticket.regulation}", which is not known here`)
  const v = ticket.triage
  const view = views.json(ticket)
  // a window still waiting for its reaction: its deadline is promised, or apologised for once passed; one answered
  // (met, late) or with no deadline gets neither
  const waiting = view.sla === 'pending' || view.sla === 'at_risk' || view.sla === 'overdue'
  const deadline = waiting && view.deadline ? Date.parse(view.deadline) : null
  const reply = replyDraft(
    reg,
    {
      scope: v?.scope ?? 'unclear',
      level: ticket.level,
      reasons: v?.reasons ?? [],
      missing: v?.missing ?? [],
      warnings: v?.warnings ?? [],
    },
    deadline,
    ctx.now,
  )
  if (ctx.json) writeJson(ctx.io, { id: ticket.id, reply })
  else ctx.io.out(reply)
}
