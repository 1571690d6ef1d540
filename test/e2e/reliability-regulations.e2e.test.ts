import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { CATEGORIES, laughs, nested, SHIPPED } from '../unit/reliability/mutations.js'
import { regdesk, tempDir } from './regdesk.js'

/**
 * Issue 8, part 1 through the CLI: one broken moguta.yaml per fuzz category fed to
 * `regdesk regulations validate FILE` → exit 3, `file:line:col: error: …`, no stack trace.
 * The unit fuzz test (test/unit/reliability/regulation-fuzz.test.ts) tries hundreds per category.
 */

const base = SHIPPED.moguta.text

/** A sample per category that is known to be invalid (a random mutant may happen to stay valid). */
const SAMPLES: Record<keyof typeof CATEGORIES, string> = {
  'deleted keys': base.replace(/^ {2}timezone: Europe\/Moscow\n/m, ''),
  'changed types': base.replace('shortenedDayMinutes: 60', 'shortenedDayMinutes: [sixty]'),
  'random strings and numbers': base.replace('mon: ["10:00-19:00"]', 'mon: ["\u001b[31m;DROP TABLE", 1e308]'),
  'broken YAML syntax': base.replace('  calendar: ru\n', '  calendar: [ru\n'),
  'huge values': base.replace('vendor: Могута', `vendor: ${'ж'.repeat(300_000)}\nname2: ${'x'.repeat(100_000)}`),
  'deeply nested values': `${base}extra: ${nested(20_000, 'flow-list')}\n`,
  'duplicate keys': base.replace('  calendar: ru\n', '  calendar: ru\n  calendar: ru\n'),
  'anchors and aliases (billion laughs)': `${laughs(12, 10)}\n${base.replace('vendor: Могута', 'vendor: *a11')}`,
}

describe.concurrent('regdesk regulations validate: a broken file of each fuzz category', () => {
  it.each(Object.entries(SAMPLES))('%s → exit 3 with file:line:col, no stack trace', async (_, text) => {
    const file = join(tempDir(), 'moguta.yaml')
    writeFileSync(file, text)
    const r = await regdesk(['regulations', 'validate', file])
    expect(r.exitCode).toBe(3)
    expect(r.stdout).toBe('')
    const lines = r.stderr.split('\n')
    expect(lines.length).toBeGreaterThanOrEqual(2)
    for (const line of lines.slice(0, -1)) expect(line).toMatch(new RegExp(`^${file}:[1-9]\\d*:[1-9]\\d*: error: \\S`))
    expect(lines.at(-1)).toMatch(/^error: \d+ problems? in 1 file$/)
    expect(r.stderr).not.toMatch(/internal error|\n\s+at |Maximum call stack/)
    // biome-ignore lint/suspicious/noControlCharactersInRegex: no escape sequence reaches the terminal
    expect(r.stderr).not.toMatch(/\u001b/)
  })

  it('two random mutants: exit 0 or 3, never anything else', async () => {
    // fresh input on every run for the CLI path too
    const mutants = fc.sample(fc.oneof(...Object.values(CATEGORIES)), 2)
    for (const { text } of mutants) {
      const file = join(tempDir(), 'moguta.yaml')
      writeFileSync(file, text)
      const r = await regdesk(['regulations', 'validate', file])
      expect([0, 3], r.stderr.slice(0, 500)).toContain(r.exitCode)
      expect(r.stderr).not.toMatch(/internal error|\n\s+at /)
      if (r.exitCode === 3) expect(r.stderr).toMatch(new RegExp(`^${file}:[1-9]\\d*:[1-9]\\d*: error: `))
    }
  })
})
