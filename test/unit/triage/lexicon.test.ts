import { readdirSync, readFileSync } from 'node:fs'
import { runInNewContext } from 'node:vm'
import { describe, expect, it } from 'vitest'
import { COMPILED_DIR, compiledFileName } from '../../../src/data/compiled.js'
import { LEXICON_KEY, LISTS, PATTERNS } from '../../../src/triage/lexicon/catalogue.js'
import { compileLexicon, type LexiconSource } from '../../../src/triage/lexicon/compile.js'

const dir = new URL('../../../regulations/lexicon/', import.meta.url)
const shipped = (): LexiconSource[] =>
  readdirSync(dir)
    .filter((n) => n.endsWith('.yaml'))
    .sort()
    .map((n) => ({ file: `regulations/lexicon/${n}`, text: readFileSync(new URL(n, dir), 'utf8') }))

describe('the triage lexicon (regulations/lexicon/*.yaml)', () => {
  it('compiles, with every list and pattern the code reads', () => {
    const { value, issues } = compileLexicon(shipped())
    expect(issues).toEqual([])
    for (const name of LISTS) expect(value?.lists[name].length, name).toBeGreaterThan(0)
    for (const name of Object.keys(PATTERNS)) expect(value?.patterns[name as keyof typeof PATTERNS]).toBeDefined()
  })

  it('is compiled by the build as it stands in the files (run `npm run build` after editing them)', () => {
    const built = JSON.parse(readFileSync(`${COMPILED_DIR}${compiledFileName(LEXICON_KEY)}`, 'utf8')).value
    expect(built).toEqual(compileLexicon(shipped()).value)
  })

  it('reports a bad file at the line and column of the problem, and compiles nothing', () => {
    const bad = `schemaVersion: 1
language: xx
lists:
  stopword: [a]
patterns:
  intent.work:
    - '(?:unclosed'
  intent.problem:
    - '{noSuchThing} broke'
  intent.nothing: ['x']
`
    const { value, issues } = compileLexicon([...shipped(), { file: 'xx.yaml', text: bad }])
    expect(value).toBeUndefined()
    const found = issues.map((i) => `${i.file}:${i.line}:${i.col} ${i.path}: ${i.message}`)
    expect(found).toEqual([
      expect.stringMatching(/^xx\.yaml:4:3 lists\.stopword: unknown list "stopword"/),
      expect.stringMatching(/^xx\.yaml:7:7 patterns\.intent\.work\.0: not a valid regular expression/),
      expect.stringMatching(/^xx\.yaml:9:7 patterns\.intent\.problem\.0: \{noSuchThing\} names no alternatives/),
      expect.stringMatching(/^xx\.yaml:10:3 patterns\.intent\.nothing: unknown pattern "intent\.nothing"/),
    ])
  })

  it('refuses a YAML syntax error with its position', () => {
    const { issues } = compileLexicon([{ file: 'x.yaml', text: 'schemaVersion: 1\nlists: [\n' }])
    expect(issues[0]).toMatchObject({ file: 'x.yaml', line: expect.any(Number) })
  })

  // A request may hold a long run of blanks (a pasted log, a form's padding). A pattern that lets two blank runs meet
  // (`\s*,?\s+`, `\n\s*` from every line start) tries every split of such a run: 150,000 blanks after one of its
  // words took it minutes. Each pattern reads here every word it is written with, each followed by 100,000 blanks:
  // in one pass this takes well under a second for the slowest pattern; split by split, a single run takes longer
  // than the watchdog, which stops it (a regular expression cannot be interrupted otherwise) and fails the test.
  const compiled = compileLexicon(shipped()).value
  const BLANKS = 100_000
  const WATCHDOG_MS = 10_000
  it.each(Object.keys(PATTERNS))('%s reads a long run of blanks after each of its words in one pass', (name) => {
    const p = compiled?.patterns[name as keyof typeof PATTERNS]
    if (!p) throw new Error(`${name} is not compiled`)
    const context = {
      re: new RegExp(p.source, p.flags.includes('g') ? p.flags : `${p.flags}g`),
      words: [...new Set(p.source.replace(/\\[pPu]\{[^}]*\}|\\[a-zA-Z]/g, ' ').match(/\p{L}{2,}/gu))],
      blanks: [' ', '\n'].map((b) => b.repeat(BLANKS)),
      read: 0,
    }
    const script =
      'for (const w of words) for (const b of blanks) { re.lastIndex = 0; (w + b + "x").replace(re, ""); read++ }'
    expect(() => runInNewContext(script, context, { timeout: WATCHDOG_MS })).not.toThrow()
    expect(context.read).toBe(context.words.length * 2)
  })
})
