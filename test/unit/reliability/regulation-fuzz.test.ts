import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { stringify } from 'yaml'
import { formatIssue } from '../../../src/data/issue.js'
import { parseRegulation } from '../../../src/regulation/parse.js'
import { regulationSchema } from '../../../src/regulation/schema.js'
import { CATEGORIES, IDS, type Mutant, nested, SHIPPED, setAt } from './mutations.js'

/**
 * Issue 8, part 1: whatever a regulation file holds, parsing gives a valid model or issues at
 * file:line:column with a one-line message; it never throws, never hangs, never runs out of memory.
 * Runs per category are bounded so the suite stays fast; REGDESK_FUZZ_RUNS raises them for a long
 * session (e.g. REGDESK_FUZZ_RUNS=2000 npx vitest run test/unit/reliability), FC_SEED replays one.
 */

const RUNS: Record<keyof typeof CATEGORIES, number> = {
  'deleted keys': 60,
  'changed types': 60,
  'random strings and numbers': 50,
  'broken YAML syntax': 120,
  'huge values': 8,
  'deeply nested values': 15,
  'duplicate keys': 50,
  'anchors and aliases (billion laughs)': 40,
}
const scale = Number(process.env.REGDESK_FUZZ_RUNS) || 0
const seed = process.env.FC_SEED ? Number(process.env.FC_SEED) : undefined

function check({ id, text }: Mutant): void {
  const file = `${id}.yaml`
  // no wall-clock assertion (a loaded machine is no bug): a hang or a blow-up is caught by the test timeout
  let result: ReturnType<typeof parseRegulation>
  try {
    result = parseRegulation(text, file, { fileId: id, calendars: ['ru'] })
  } catch (e) {
    throw new Error(`parseRegulation threw ${String(e)} for ${JSON.stringify(text.slice(0, 300))}`)
  }
  const { value, issues } = result
  if (value) {
    expect(issues).toEqual([])
    expect(regulationSchema.safeParse(value).success).toBe(true)
    return
  }
  expect(issues.length).toBeGreaterThan(0)
  const lines = text.split('\n').length
  for (const issue of issues) {
    expect(issue.file).toBe(file)
    expect(Number.isInteger(issue.line) && issue.line >= 1 && issue.line <= lines + 1, `line ${issue.line}`).toBe(true)
    expect(Number.isInteger(issue.col) && issue.col >= 1, `col ${issue.col}`).toBe(true)
    expect(issue.message.trim()).not.toBe('')
    // one line, bounded, readable: no raw control characters, no engine internals
    // biome-ignore lint/suspicious/noControlCharactersInRegex: that is the check
    expect(issue.message).not.toMatch(/[\u0000-\u001f\u007f]/)
    expect(issue.message.length).toBeLessThan(400)
    expect(issue.message).not.toMatch(/Maximum call stack|\[object Object\]/)
    expect(formatIssue(issue)).toMatch(new RegExp(`^${id}\\.yaml:\\d+:\\d+: error: [^\\n]+$`))
  }
}

describe('regulation files: fuzzing the five shipped regulations', () => {
  it.each(IDS)('the unmutated %s parses to a valid model', (id) => {
    const { value, issues } = parseRegulation(SHIPPED[id].text, `${id}.yaml`, { fileId: id, calendars: ['ru'] })
    expect(issues).toEqual([])
    expect(value?.id).toBe(id)
  })

  it.each(Object.entries(CATEGORIES) as [keyof typeof CATEGORIES, fc.Arbitrary<Mutant>][])(
    '%s',
    (name, arb) => {
      fc.assert(fc.property(arb, check), { numRuns: scale || RUNS[name], seed, endOnFailure: true })
    },
    120_000,
  )
})

describe('regulation files: the failures the fuzzing found', () => {
  const ctx = { fileId: 'moguta', calendars: ['ru'] }

  it('5,000 unknown keys: the first 100 problems and a count (was 5,000 lines, located one by one)', () => {
    const keys = Object.fromEntries(Array.from({ length: 5000 }, (_, i) => [`k${i}`, i]))
    const text = stringify(
      setAt(SHIPPED.moguta.data, ['workingTime'], { ...(SHIPPED.moguta.data.workingTime as object), ...keys }),
    )
    const { issues } = parseRegulation(text, 'moguta.yaml', ctx)
    expect(issues).toHaveLength(101)
    expect(issues[0]?.message).toBe('unknown key "k0"')
    expect(issues[100]?.message).toBe('and 4900 more problems from here on (only the first 100 are listed)')
  })

  it('deep nesting is named as such, not as an engine error', () => {
    const { issues } = parseRegulation(`${SHIPPED.moguta.text}x: ${nested(200_000, 'flow-list')}\n`, 'moguta.yaml', ctx)
    expect(issues.map((i) => i.message)).toEqual([
      'values are nested too deeply to read (hundreds of levels of lists or maps)',
    ])
  })

  it('control characters in keys are escaped, long quoted tokens shortened', () => {
    const text = SHIPPED.moguta.text.replace('  calendar: ru', '  "cal\\u001b[2Jendar": ru')
    expect(parseRegulation(text, 'moguta.yaml', ctx).issues.map((i) => i.message)).toContain(
      'unknown key "cal\\u001b[2Jendar"',
    )
    const broken = parseRegulation(`x: 'a\n${'b'.repeat(500)}\n`, 'moguta.yaml', ctx).issues
    for (const i of broken) expect(i.message.length).toBeLessThanOrEqual(300)
  })
})
