import { UsageError } from '../errors.js'
import { CHANNELS, type Channel } from '../regulation/vocabulary.js'
import { maskSecrets } from '../triage/credentials.js'
import type { TriageResult } from '../triage/triage.js'
import type { Context, Environment } from './context.js'
import { saveTriagedTicket } from './intake.js'
import { printable } from './io.js'
import { writeJson } from './output/json.js'
import { triageJson } from './output/triage-json.js'
import { renderVerdict } from './output/verdict.js'
import { type Prompter, terminalPrompter } from './prompts.js'
import { regulationOption, triageWithModel } from './regulation-input.js'
import { storeLabel } from './store.js'
import { parseInstant } from './time-input.js'
import { type TriageOptions, triageFacts } from './triage-input.js'

const NOT_SAID = ''

/**
 * Triage as a conversation: what is not on the command line is asked, the verdict is shown, and the agent may pick
 * the topic when the answer is unclear or wrong. The conversation happens on the terminal (stderr): stdout carries
 * only the result — the verdict, or with --json its one JSON document — so `triage -i --json > out.json` works.
 * Ctrl-C at any prompt leaves nothing behind (exit 130).
 */
export async function runInteractiveTriage(
  ctx: Context,
  environment: Environment,
  opts: TriageOptions,
  prompter?: Prompter,
): Promise<TriageResult> {
  if (!prompter && !ctx.io.canPrompt)
    throw new UsageError(
      'interactive triage needs a terminal to ask on; give the text as an argument, "-" for stdin, or --file',
    )
  const ask = prompter ?? terminalPrompter(ctx.io)
  const say = ctx.io.speech.t.interactive
  // on a terminal the verdicts are part of the conversation; redirected, only the last one is the output
  const conversation = (text: string) =>
    ctx.io.isStdoutTTY && !ctx.json ? ctx.io.out(text) : ctx.io.prompts.write(text)
  const registry = ctx.registry()
  const regulationId =
    opts.regulation ??
    (await ask.select(
      say.regulation,
      registry.ids().map((id) => ({ value: id, name: `${id} — ${registry.get(id).name}` })),
      ctx.defaultRegulation(),
    ))
  const reg = regulationOption(ctx, regulationId)
  const accepted = reg.channels.accepted.map((c) => c.id)
  const channel =
    opts.channel ??
    (await ask.select<Channel | typeof NOT_SAID>(
      say.channel,
      [
        ...[...accepted, ...CHANNELS.filter((c) => !accepted.includes(c))].map((c) => ({
          value: c,
          name: accepted.includes(c) ? say.accepted(c) : say.notAccepted(c, reg.id),
        })),
        { value: NOT_SAID, name: say.notSaid },
      ],
      accepted[0],
    ))
  const tier =
    opts.tier ??
    (reg.tiers.length
      ? await ask.select(
          say.tier,
          reg.tiers.map((t) => ({ value: t.id, name: `${t.id} — ${t.name}` })),
          reg.tiers.find((t) => t.default)?.id,
        )
      : undefined)
  const product =
    opts.product ??
    (reg.products?.length
      ? await ask.select(
          say.product,
          [{ value: NOT_SAID, name: say.notSaid }, ...reg.products.map((p) => ({ value: p.id, name: p.name }))],
          NOT_SAID,
        )
      : undefined)
  // a licence's date matters where the regulation's support ends with a period after the purchase (imagecms)
  const licenseDate =
    opts.licenseDate ??
    (reg.eligibility.some((r) => r.rule === 'support_period_expired') && tier !== undefined && tier !== 'none'
      ? await ask.text(say.licenseDate)
      : undefined)
  let text = await ask.letter(say.text)
  // Ctrl-D before a word (or a lone ".") is a slip, not the end: asked again, twice at most
  for (let tries = 0; !text.trim() && tries < 2; tries++) {
    conversation(`${ctx.io.color.yellow('!')} ${say.textEmpty}\n`)
    text = await ask.letter(say.text)
  }
  if (!text.trim()) throw new UsageError('the request text is empty')
  // what was pasted is echoed with its access data masked: a password never stays on the screen
  conversation(
    `${ctx.io.color.green('✔')} ${say.textEcho}: ${printable(maskSecrets(text).split('\n')[0] ?? '')}${text.includes('\n') ? ` … ${say.lines(text.split('\n').length)}` : ''}\n`,
  )
  const receivedAt =
    opts.receivedAt ??
    (await ask.text(say.receivedAt, (v) => {
      if (!v.trim()) return true
      try {
        parseInstant(v, '--received-at', reg.workingTime.timezone)
        return true
      } catch (e) {
        // the agent typed an answer, not the option: the sentence without its name
        return ctx.io.speech.phrases.say((e as Error).message).replace(/^--received-at: /, '')
      }
    }))
  const facts = triageFacts(ctx, reg, {
    ...opts,
    ...(channel ? { channel } : {}),
    ...(tier === undefined ? {} : { tier }),
    ...(product ? { product } : {}),
    ...(licenseDate?.trim() ? { licenseDate: licenseDate.trim() } : {}),
    ...(receivedAt?.trim() ? { receivedAt: receivedAt.trim() } : {}),
  })

  let result = triageWithModel(ctx, reg, text, facts)
  conversation(`\n${renderVerdict(reg, result, ctx.io)}`)
  for (;;) {
    const options = [
      { value: 'accept', name: result.scope === 'unclear' ? say.leaveUnclear : say.accept },
      ...result.candidates.map((c) => ({
        value: `topic:${c.id}`,
        name: say.itIs(c.id, c.scope, c.clause),
      })),
      { value: 'choose', name: say.choose },
    ]
    const next = await ask.select(
      say.next,
      options,
      result.scope === 'unclear' && result.candidates.length ? options[1]?.value : 'accept',
    )
    if (next === 'accept') break
    const topicId =
      next === 'choose'
        ? await ask.select(
            say.topic,
            reg.topics.map((t) => ({
              value: t.id,
              name: `${(t.scope === 'in' ? say.topicIn : say.topicOut).padEnd(Math.max(say.topicIn.length, say.topicOut.length))}  ${t.id} — ${printable(t.title)}`,
              description: `§${t.clause}`,
            })),
            result.topic?.id,
          )
        : next.slice('topic:'.length)
    result = triageWithModel(ctx, reg, text, facts, topicId)
    conversation(`\n${renderVerdict(reg, result, ctx.io)}`)
  }
  const save = await ask.select(
    say.save,
    [
      { value: 'yes', name: say.saveYes(storeLabel(ctx.storePath())) },
      { value: 'no', name: say.no },
    ],
    'yes',
  )
  let saved: string | undefined
  if (save === 'yes') {
    // nothing is written before this point: Ctrl-C at any earlier prompt leaves the store as it was
    const subject = await ask.text(say.subject)
    // out of turn only where the regulation puts critical requests first (advantshop, umi)
    const critical = reg.queue.criticalFirst
      ? (await ask.select(
          say.critical,
          [
            { value: 'no', name: say.no },
            { value: 'yes', name: say.criticalYes },
          ],
          'no',
        )) === 'yes'
      : false
    const ticket = await saveTriagedTicket(ctx, environment, reg, text, facts, result, { subject, critical })
    saved = ticket.id
    ctx.io.prompts.write(`${say.saved(ctx.io.color.bold(ticket.id))}\n`)
  }
  // the result on stdout: the JSON document, or the verdict when the conversation was not on stdout
  if (ctx.json) writeJson(ctx.io, { ...triageJson(reg, result), ...(saved ? { ticket: saved } : {}) })
  else if (!ctx.io.isStdoutTTY) ctx.io.out(renderVerdict(reg, result, ctx.io))
  return result
}
