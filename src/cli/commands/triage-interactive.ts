import { CHANNELS, type Channel } from '../../regulation/vocabulary.js'
import type { Context, Environment } from '../context.js'
import { printable } from '../io.js'
import { renderVerdict } from '../output/verdict.js'
import { type Prompter, terminalPrompter } from '../prompts.js'
import { regulationOption, triageWithModel } from '../regulation-input.js'
import { type TriageOptions, triageFacts } from '../triage-input.js'
import { saveTriagedTicket } from './tickets/add.js'

/**
 * Triage as a conversation: what is not on the command line is asked, the verdict is shown, and
 * the agent may pick the topic when the answer is unclear or wrong. Ctrl-C at any prompt leaves
 * nothing behind (exit 130).
 */
export async function runInteractiveTriage(
  ctx: Context,
  environment: Environment,
  opts: TriageOptions,
  prompter: Prompter = terminalPrompter(ctx.io),
) {
  const registry = ctx.registry()
  const regulationId =
    opts.regulation ??
    (await prompter.select(
      'Regulation',
      registry.ids().map((id) => ({ value: id, name: `${id} — ${registry.get(id).name}` })),
      ctx.defaultRegulation(),
    ))
  const reg = regulationOption(ctx, regulationId)
  const accepted = reg.channels.accepted.map((c) => c.id)
  const channel =
    opts.channel ??
    (await prompter.select<Channel>(
      'Channel the request came through',
      [...accepted, ...CHANNELS.filter((c) => !accepted.includes(c))].map((c) => ({
        value: c,
        name: accepted.includes(c) ? `${c} (accepted)` : `${c} (not accepted by ${reg.id})`,
      })),
      accepted[0],
    ))
  const tier =
    opts.tier ??
    (reg.tiers.length
      ? await prompter.select(
          'Customer tier',
          reg.tiers.map((t) => ({ value: t.id, name: `${t.id} — ${t.name}` })),
          reg.tiers.find((t) => t.default)?.id,
        )
      : undefined)
  const product =
    opts.product ??
    (reg.products?.length
      ? await prompter.select(
          'Product',
          [{ value: '', name: 'not said' }, ...reg.products.map((p) => ({ value: p.id, name: p.name }))],
          '',
        )
      : undefined)
  const facts = triageFacts(ctx, reg, {
    ...opts,
    channel,
    ...(tier === undefined ? {} : { tier }),
    ...(product ? { product } : {}),
  })
  const text = await prompter.text('Request text (paste it on one line)', (v) =>
    v.trim() ? true : 'the request text is empty',
  )

  let result = triageWithModel(ctx, reg, text, facts)
  ctx.io.out(`\n${renderVerdict(reg, result, ctx.io)}`)
  for (;;) {
    const options = [
      { value: 'accept', name: result.scope === 'unclear' ? 'Leave it unclear' : 'Accept this verdict' },
      ...result.candidates.map((c) => ({
        value: `topic:${c.id}`,
        name: `It is ${c.id} (${c.scope} of scope, §${c.clause})`,
      })),
      { value: 'choose', name: 'Choose another topic…' },
    ]
    const next = await prompter.select(
      'Next',
      options,
      result.scope === 'unclear' && result.candidates.length ? options[1]?.value : 'accept',
    )
    if (next === 'accept') break
    const topicId =
      next === 'choose'
        ? await prompter.select(
            'Topic',
            reg.topics.map((t) => ({
              value: t.id,
              name: `${t.scope === 'in' ? 'in ' : 'out'}  ${t.id} — ${printable(t.title)}`,
              description: `§${t.clause}`,
            })),
            result.topic?.id,
          )
        : next.slice('topic:'.length)
    result = triageWithModel(ctx, reg, text, facts, topicId)
    ctx.io.out(`\n${renderVerdict(reg, result, ctx.io)}`)
  }
  const save = await prompter.select(
    'Save it as a ticket?',
    [
      { value: 'yes', name: `Yes, in ${ctx.storePath()}` },
      { value: 'no', name: 'No' },
    ],
    'yes',
  )
  if (save === 'yes') {
    // nothing is written before this point: Ctrl-C at any earlier prompt leaves the store as it was
    const subject = await prompter.text('Subject (Enter: the first line of the text)')
    const ticket = await saveTriagedTicket(ctx, environment, reg, text, facts, result, { subject })
    ctx.io.out(`saved ${ctx.io.color.bold(ticket.id)}\n`)
  }
  return result
}
