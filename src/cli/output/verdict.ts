import type { Regulation } from '../../regulation/load.js'
import type { TriageResult } from '../../triage/triage.js'
import { type IO, printable } from '../io.js'
import { formatInstant } from '../time-input.js'

const SCOPE_TEXT = { in: 'IN SCOPE', out: 'OUT OF SCOPE', unclear: 'UNCLEAR' } as const

/** The verdict for a person: scope first, then why (the clause, quoted), then what to do. */
export function renderVerdict(reg: Regulation, r: TriageResult, io: IO): string {
  const c = io.color
  const zone = reg.workingTime.timezone
  const scope = SCOPE_TEXT[r.scope]
  const painted = r.scope === 'in' ? c.green.bold(scope) : r.scope === 'out' ? c.red.bold(scope) : c.yellow.bold(scope)
  const decided =
    r.decidedBy === 'model' && r.scopeProbability !== null
      ? `model, P(in) ${r.scopeProbability.toFixed(2)}`
      : r.decidedBy
  const lines = [
    `${painted}  ${reg.id}${r.level ? ` · level ${c.bold(r.level)} (${reg.levels[r.level]?.name ?? r.level})` : ' · no level'}  ${c.dim(`decided by ${decided} · confidence ${r.confidence}`)}`,
  ]
  const field = (name: string, value: string) => lines.push(`${c.dim(name.padEnd(9))} ${value}`)
  // the deciding reason first, with its clause quoted: a refused channel cites the channel rule, not the topic
  for (const reason of r.reasons)
    field(
      reason === r.reasons[0] ? 'why' : '',
      `${reason.message}${reason.clause ? c.dim(` (§${reason.clause})`) : ''}`,
    )
  const deciding = r.reasons[0]
  if (deciding?.clause && deciding.quote)
    field('clause', c.italic(`§${deciding.clause} «${printable(deciding.quote)}»`))
  if (r.topic) {
    const topic = reg.topics.find((t) => t.id === r.topic?.id)
    field('topic', `${r.topic.id}${topic ? ` — ${printable(topic.title)}` : ''} ${c.dim(`(§${r.topic.clause})`)}`)
  }
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
