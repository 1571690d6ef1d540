// How far two human readings of the same requests agree: the labels of the sets (test/fixtures/triage-*.yaml) against
// a second writer's labels of their texts (test/fixtures/relabels/*.yaml, written blind to the first). It bounds what
// any measure of triage against one reader's labels can mean (README, "Triage evaluation").
//   node scripts/label-agreement.mjs [RELABELS.yaml…]      (default: every file of test/fixtures/relabels/)
import { readdirSync, readFileSync } from 'node:fs'
import { basename, join } from 'node:path'
import { parse } from 'yaml'
import { FIXTURES, readLabelledSets } from './labelled-sets.mjs'

const RELABELS = join(FIXTURES, 'relabels')
const files = process.argv.slice(2).length
  ? process.argv.slice(2)
  : readdirSync(RELABELS)
      .filter((n) => n.endsWith('.yaml'))
      .sort()
      .map((n) => join(RELABELS, n))

const first = new Map(readLabelledSets().flatMap((s) => s.cases.map((c) => [c.id, c.expect])))
const pct = (x, n) => `${((100 * x) / n).toFixed(1)} %`

for (const file of files) {
  const labels = parse(readFileSync(file, 'utf8')).labels
  let scope = 0
  let opposite = 0
  let level = 0
  const confusion = {}
  for (const { id, expect: second } of labels) {
    const one = first.get(id)
    if (!one) throw new Error(`${basename(file)}: ${id} is in no labelled set`)
    const key = `${one.scope}/${second.scope}`
    confusion[key] = (confusion[key] ?? 0) + 1
    if (one.scope === second.scope) {
      scope++
      if ((one.level ?? null) === (second.level ?? null)) level++
    } else if (one.scope !== 'unclear' && second.scope !== 'unclear') opposite++
  }
  const n = labels.length
  console.log(
    `${basename(file, '.yaml')}: ${n} requests; scope agreed ${pct(scope, n)}, in for out or the reverse ${pct(opposite, n)}, scope and level agreed ${pct(level, n)}`,
  )
  console.log(
    `  first reading / second: ${Object.entries(confusion)
      .sort()
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')}`,
  )
}
