import type { Regulation } from '../../regulation/load.js'
import { noteIn } from '../../regulation/note.js'
import type { TriageResult } from '../../triage/triage.js'
import { type IO, printable } from '../io.js'
import { formatInstant } from '../time-input.js'
import { informationItems } from './information-items.js'

/** The verdict for a person: scope first, then why (the clause, quoted), then what to do. */
export function renderVerdict(reg: Regulation, r: TriageResult, io: IO): string {
  const c = io.color
  const { t, phrases, lang } = io.speech
  const v = t.verdict
  const zone = reg.workingTime.timezone
  const scope = t.scope[r.scope]
  const painted = r.scope === 'in' ? c.green.bold(scope) : r.scope === 'out' ? c.red.bold(scope) : c.yellow.bold(scope)
  const decided =
    r.decidedBy === 'model' && r.scopeProbability !== null
      ? v.byModel(r.scopeProbability.toFixed(2))
      : (v.decider[r.decidedBy] ?? r.decidedBy)
  const levelText = r.level ? v.level(c.bold(r.level), reg.levels[r.level]?.name ?? r.level) : v.noLevel
  const lines = [`${painted}  ${reg.id} · ${levelText}  ${c.dim(v.decidedBy(decided, r.confidence))}`]
  // the labels' column: as wide as the longest label and a space (at least 9, as the English has always been)
  const width = Math.max(
    9,
    ...[v.why, v.clause, v.topic, v.couldBe, v.missing, v.warning, v.received, v.deadline].map((l) => l.length + 1),
  )
  // a label over the lines that follow it has no value beside it, nor a space after it
  const field = (name: string, value: string) =>
    lines.push(value ? `${c.dim(name.padEnd(width))} ${value}` : c.dim(name))
  // the deciding reason first, with its clause quoted: a refused channel cites the channel rule, not the topic
  for (const reason of r.reasons)
    field(
      reason === r.reasons[0] ? v.why : '',
      `${phrases.say(reason.message)}${reason.clause ? c.dim(` (§${reason.clause})`) : ''}`,
    )
  const deciding = r.reasons[0]
  if (deciding?.clause && deciding.quote)
    field(v.clause, c.italic(`§${deciding.clause} «${printable(deciding.quote)}»`))
  if (r.topic) {
    const topic = reg.topics.find((t) => t.id === r.topic?.id)
    field(v.topic, `${r.topic.id}${topic ? ` — ${printable(topic.title)}` : ''} ${c.dim(`(§${r.topic.clause})`)}`)
  }
  if (r.scope === 'unclear') {
    if (r.candidates.length) {
      field(v.couldBe, '')
      for (const cand of r.candidates)
        lines.push(
          `  ${cand.scope === 'in' ? c.green(t.scopeWord.in) : c.red(t.scopeWord.out)} ${cand.id} ${c.dim(`§${cand.clause}, ${v.score} ${cand.score}`)}`,
        )
    } else field(v.couldBe, c.dim(v.noTopic))
  }
  if (r.missing.length) field(v.missing, c.yellow(informationItems(r.missing, io)))
  for (const w of r.warnings)
    field(w === r.warnings[0] ? v.warning : '', c.yellow(`${w.code}: ${phrases.say(w.message)}`))
  field(v.received, formatInstant(r.receivedAt, zone))
  const d = r.deadline
  if (!d) field(v.deadline, c.dim(v.noDeadline))
  else if (d.reason === 'not_regulated')
    field(v.deadline, c.dim(v.notRegulated(noteIn(reg.levels[d.level ?? ''], lang))))
  else if (d.deadline !== null)
    field(
      v.deadline,
      `${c.bold(formatInstant(d.deadline, zone))}${d.target !== null ? c.dim(` (${v.target(formatInstant(d.target, zone))})`) : ''}`,
    )
  return `${lines.join('\n')}\n`
}
