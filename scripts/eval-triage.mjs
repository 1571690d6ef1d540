// Triage evaluation: `npm run eval:triage` — accuracy, the in/out/unclear confusion and every miss.
import { readFileSync } from 'node:fs'
import { parse } from 'yaml'
import { RegulationRegistry } from '../dist/regulation/load.js'
import { evaluateTriage } from '../dist/triage/evaluate.js'

const file = process.argv[2] ?? new URL('../test/fixtures/triage-cases.yaml', import.meta.url)
const { cases } = parse(readFileSync(file, 'utf8'))
const registry = RegulationRegistry.withBuiltins()
let r
try {
  r = evaluateTriage(cases, (id) => registry.get(id))
} catch (err) {
  console.error(String(err.message))
  process.exit(1)
}
const pct = (x) => `${(x * 100).toFixed(1)} %`
const unexpectedMultiple = r.outcomes.filter(
  (o) =>
    o.verdict.warnings.some((w) => w.code === 'multiple_problems') &&
    !(o.case.expect.warnings ?? []).includes('multiple_problems'),
)
const verbose = process.argv.includes('--verbose')

for (const o of r.outcomes) {
  const e = o.case.expect
  const v = o.verdict
  const wrong = !o.scopeRight || !o.levelRight || !o.reasonRight || o.missingWarnings.length || o.missingMissing.length
  if (!wrong && !verbose) continue
  const flags = [
    !o.scopeRight && `scope ${e.scope}→${v.scope}`,
    !o.levelRight && `level ${e.level}→${v.level}`,
    !o.reasonRight && `reason ${e.reason}→${v.reasons.map((x) => x.code).join('/') || '—'}`,
    !o.clauseRight && `clause ${e.clause}→${v.reasons[0]?.clause ?? '—'}`,
    o.missingWarnings.length && `warnings missed: ${o.missingWarnings.join(', ')}`,
    o.missingMissing.length && `missing not reported: ${o.missingMissing.join(', ')}`,
  ].filter(Boolean)
  console.log(`${o.confidentlyWrong ? '✗✗' : wrong ? '✗ ' : '  '} ${o.case.id}: ${flags.join('; ')}`)
  console.log(`     "${o.case.text.slice(0, 140).replace(/\s+/g, ' ')}"`)
  console.log(
    `     got topic ${v.topic?.id ?? '—'} (${v.confidence}); candidates ${v.candidates.map((c) => `${c.id}:${c.score}`).join(', ') || '—'}`,
  )
}
console.log(`
cases                 ${r.cases}
scope right           ${pct(r.scopeAccuracy)}   (target ≥ 95 %)
confidently wrong     ${pct(r.confidentlyWrong)}   (in↔out; target ≤ 2 %)
channel/eligibility   ${pct(r.eligibilityAccuracy)} of ${r.eligibilityCases}   (target 100 %)
level right           ${pct(r.levelAccuracy)}
clause right          ${pct(r.clauseAccuracy)}
warnings found        ${pct(r.warningRecall)}
multiple_problems raised where not expected: ${unexpectedMultiple.map((o) => o.case.id).join(', ') || 'none'}
missing info found    ${pct(r.missingRecall)}

confusion (rows: expected, columns: got)
          in   out  unclear
in       ${String(r.confusion.in.in).padStart(3)}  ${String(r.confusion.in.out).padStart(4)}  ${String(r.confusion.in.unclear).padStart(7)}
out      ${String(r.confusion.out.in).padStart(3)}  ${String(r.confusion.out.out).padStart(4)}  ${String(r.confusion.out.unclear).padStart(7)}
unclear  ${String(r.confusion.unclear.in).padStart(3)}  ${String(r.confusion.unclear.out).padStart(4)}  ${String(r.confusion.unclear.unclear).padStart(7)}`)
