import { Command } from 'commander'
import { UsageError } from '../../errors.js'
import type { Regulation } from '../../regulation/load.js'
import { type TriageResult, triage } from '../../triage/triage.js'
import type { RequestFacts } from '../../triage/types.js'
import { contextOf } from '../command.js'
import type { Context, Environment } from '../context.js'
import { examples } from '../help.js'
import { type IO, printable } from '../io.js'
import { writeJson } from '../output/json.js'
import { triageJson } from '../output/triage-json.js'
import { businessClock, regulationOption } from '../regulation-input.js'
import { formatInstant } from '../time-input.js'
import { addTriageOptions, readRequestText, type TriageFlags, triageFacts } from '../triage-input.js'

export interface TriageOptions extends TriageFlags {
  interactive?: boolean
}

export function triageCommand(io: IO, environment: Environment): Command {
  const cmd = new Command('triage')
    .description('Is this request in scope? Which level, which clause, what is missing, by when must we react')
    .argument('[text]', 'the request text; "-" reads stdin; none on a terminal asks interactively')
    .option('-i, --interactive', 'ask for the regulation, channel, tier and text, then offer choices')
  addTriageOptions(cmd)
  cmd.addHelpText(
    'after',
    examples([
      'regdesk triage -r moguta -c form "после обновления белый экран, ключ ABCD-1234-EFGH-5678, домен shop.ru"',
      'regdesk triage -r mst -p "Fenix+ 2" --received-at 2026-11-20T10:00+03:00 "не запускается"',
      'cat letter.txt | regdesk triage -r advantshop -c email --json - | jq .scope',
      'regdesk triage -i',
    ]),
  )
  return cmd.action(async (text: string | undefined, opts: TriageOptions, c: Command) => {
    const ctx = contextOf(c, io, environment)
    if (opts.interactive || (text === undefined && opts.file === undefined && ctx.io.canPrompt && !ctx.json)) {
      // inquirer is loaded only for a conversation
      const { runInteractiveTriage } = await import('./triage-interactive.js')
      await runInteractiveTriage(ctx, environment, opts)
      return
    }
    return runTriage(ctx, text, opts)
  })
}

export async function runTriage(ctx: Context, textArg: string | undefined, opts: TriageOptions): Promise<void> {
  const reg = regulationOption(ctx, opts.regulation)
  const facts = triageFacts(ctx, reg, opts)
  const text = await readRequestText(ctx, textArg, opts.file, opts.encoding)
  if (text === undefined)
    throw new UsageError('give the request text as an argument, "-" for stdin, or --file; or run `regdesk triage -i`')
  const result = triageOf(ctx, reg, text, facts)
  if (ctx.json) {
    writeJson(ctx.io, triageJson(reg, result))
    return
  }
  for (const w of result.deadline?.warnings ?? []) ctx.io.err(`warning: ${w.message}\n`)
  ctx.io.out(renderVerdict(reg, result, ctx.io))
}

export function triageOf(
  ctx: Context,
  reg: Regulation,
  text: string,
  facts: RequestFacts,
  chosenTopic?: string,
): TriageResult {
  return triage(reg, businessClock(ctx, reg), text, facts, chosenTopic)
}

const SCOPE_TEXT = { in: 'IN SCOPE', out: 'OUT OF SCOPE', unclear: 'UNCLEAR' } as const

/** The verdict for a person: scope first, then why (the clause, quoted), then what to do. */
export function renderVerdict(reg: Regulation, r: TriageResult, io: IO): string {
  const c = io.color
  const zone = reg.workingTime.timezone
  const scope = SCOPE_TEXT[r.scope]
  const painted = r.scope === 'in' ? c.green.bold(scope) : r.scope === 'out' ? c.red.bold(scope) : c.yellow.bold(scope)
  const lines = [
    `${painted}  ${reg.id}${r.level ? ` · level ${c.bold(r.level)} (${reg.levels[r.level]?.name ?? r.level})` : ' · no level'}  ${c.dim(`confidence ${r.confidence}`)}`,
  ]
  const field = (name: string, value: string) => lines.push(`${c.dim(name.padEnd(9))} ${value}`)
  if (r.topic) {
    const topic = reg.topics.find((t) => t.id === r.topic?.id)
    field('topic', `${r.topic.id}${topic ? ` — ${printable(topic.title)}` : ''}`)
  }
  for (const reason of r.reasons)
    field(
      reason === r.reasons[0] ? 'why' : '',
      `${reason.message}${reason.clause ? c.dim(` (§${reason.clause})`) : ''}`,
    )
  if (r.topic) field('clause', c.italic(`§${r.topic.clause} «${printable(r.topic.text)}»`))
  if (r.scope === 'unclear') {
    if (r.candidates.length) {
      field('could be', '')
      for (const cand of r.candidates)
        lines.push(
          `  ${cand.scope === 'in' ? c.green('in ') : c.red('out')} ${cand.id} ${c.dim(`§${cand.clause}, score ${cand.score}`)}`,
        )
    } else field('could be', c.dim('no topic of the regulation matches; ask the customer what they need'))
  }
  if (r.missing.length) field('missing', c.yellow(r.missing.join(', ')))
  for (const w of r.warnings) field(w === r.warnings[0] ? 'warning' : '', c.yellow(`${w.code}: ${w.message}`))
  field('received', formatInstant(r.receivedAt, zone))
  const d = r.deadline
  if (!d) field('deadline', c.dim('none (no level)'))
  else if (d.reason === 'not_regulated')
    field('deadline', c.dim(`not regulated: ${reg.levels[d.level ?? '']?.note ?? ''}`))
  else if (d.deadline !== null)
    field(
      'deadline',
      `${c.bold(formatInstant(d.deadline, zone))}${d.target !== null ? c.dim(` (target ${formatInstant(d.target, zone)})`) : ''}`,
    )
  return `${lines.join('\n')}\n`
}
