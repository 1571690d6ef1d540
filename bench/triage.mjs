// 5. Triage once loaded: what one request costs a long-running process (interactive mode, intake of a
// mailbox), the scope model and the clause rules together, over every labelled request of the evaluation sets.
import { RegulationRegistry } from '../dist/regulation/load.js'
import { PARSERS } from '../dist/regulation/parsers.js'
import { triageRequest } from '../dist/triage/classify.js'
import { scopeModelFor } from '../dist/triage/model/load.js'
import { readLabelledSets } from '../scripts/labelled-sets.mjs'
import { row } from './lib.mjs'

const S = 'triage'

export function benchTriage({ quick }) {
  const registry = RegulationRegistry.withBuiltins(PARSERS)
  const cases = readLabelledSets().flatMap((s) => s.cases)
  const facts = { receivedAt: Date.parse('2026-11-20T12:00:00+03:00') }
  const pass = () => {
    const t0 = process.hrtime.bigint()
    for (const c of cases) {
      const reg = registry.get(c.regulation)
      triageRequest(reg, c.text, facts, { scopeProbability: scopeModelFor(reg).probability(c.text) })
    }
    return Number(process.hrtime.bigint() - t0) / 1e6 / cases.length
  }
  pass() // loads the regulations, the models and the lexicon; compiles the patterns
  const times = Array.from({ length: quick ? 3 : 9 }, pass).sort((a, b) => a - b)
  const median = times[Math.floor(times.length / 2)]
  row(
    S,
    `one request, loaded (${cases.length} labelled requests, median of ${times.length} passes)`,
    `${median.toFixed(3)} ms`,
    'model and rules together, per request',
    '≤ 1 ms',
    median <= 1,
  )
}
