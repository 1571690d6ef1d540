import { readdirSync, readFileSync } from 'node:fs'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { COMPILED_DIR, compiledFileName } from '../../../src/data/compiled.js'
import { type CompiledLexicon, LEXICON_KEY } from '../../../src/triage/lexicon/catalogue.js'
import { requiredLiterals } from '../../../src/triage/lexicon/literals.js'
import { normalize } from '../../../src/triage/text.js'

/** Whether the strings let through every text the pattern matches (the one thing a prefilter must never get wrong). */
function sound(source: string, flags: string, text: string): boolean {
  const literals = requiredLiterals(source, flags)
  return !literals || literals.some((l) => text.includes(l)) || !new RegExp(source, flags).test(text)
}

describe('the strings every match of a lexicon pattern contains (src/triage/lexicon/literals.ts)', () => {
  it('are the words of an alternation, the longest run of known characters, or nothing when they cannot be told', () => {
    expect(requiredLiterals(String.raw`(?:please|can you)\s+(?:install|migrate)`, '')).toEqual(['install', 'migrate'])
    // «пароль» and «пароли» hold «парол»: one string to look for
    expect(requiredLiterals(String.raw`\bпарол(?:ь|и)?\s*:`, 'u')).toEqual(['парол'])
    expect(requiredLiterals(String.raw`(?<![a-z])v\d+\.\d+`, '')).toEqual(['v'])
    expect(requiredLiterals(String.raw`ошибк[аи]\s+(?:50[0-4])`, '')).toEqual(['ошибка', 'ошибки'])
    // a case-insensitive pattern, a pattern that matches the empty string, a class of many characters: no condition
    expect(requiredLiterals('password', 'i')).toBeUndefined()
    expect(requiredLiterals('(?:foo)?', '')).toBeUndefined()
    expect(requiredLiterals(String.raw`[а-я]+\d`, 'u')).toBeUndefined()
    expect(requiredLiterals('foo|[^x]', '')).toBeUndefined()
  })

  it('let through every text a pattern matches: random patterns on random texts (property)', () => {
    const atom = fc.constantFrom('a', 'b', 'ab', 'ба', '[ab]', '[^a]', '\\d', '.', '\\b', '(?<!a)', '(?=b)', 'x?', 'a+')
    const pattern = fc
      .array(fc.array(atom, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 3 })
      .chain((alternatives) =>
        fc.constantFrom(
          alternatives.map((a) => a.join('')).join('|'),
          `(?:${alternatives.map((a) => a.join('')).join('|')}){2}`,
          `c(?:${alternatives.map((a) => a.join('')).join('|')})+d`,
        ),
      )
    const text = fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'd', 'б', 'а', '1', ' ', 'x'), maxLength: 12 })
    fc.assert(fc.property(pattern, text, (source, t) => sound(source, 'u', t)))
  })

  it('let through every labelled request a shipped lexicon entry matches, as written and as triage reads it', () => {
    const lexicon = JSON.parse(readFileSync(`${COMPILED_DIR}${compiledFileName(LEXICON_KEY)}`, 'utf8'))
      .value as CompiledLexicon
    const fixtures = new URL('../../fixtures/', import.meta.url)
    const texts = readdirSync(fixtures)
      .filter((n) => /^triage-.+\.yaml$/.test(n))
      .flatMap((n) => (parse(readFileSync(new URL(n, fixtures), 'utf8')).cases as { text: string }[]) ?? [])
      .filter((_, i) => i % 3 === 0)
      .flatMap((c) => [c.text, normalize(c.text)])
    expect(texts.length).toBeGreaterThan(3000)
    let ruledOut = 0
    for (const [name, p] of Object.entries(lexicon.patterns))
      for (const part of [p, ...p.parts]) {
        if (!part.literals) continue
        const literals = part.literals
        const re = new RegExp(part.source, part.flags.replace(/[gy]/g, ''))
        for (const t of texts) {
          if (literals.some((l) => t.includes(l))) continue
          ruledOut++
          if (re.test(t)) expect.fail(`${name} matches a text without any of its strings: ${t.slice(0, 120)}`)
        }
      }
    // the condition is worth having: most entries are ruled out for most texts
    expect(ruledOut).toBeGreaterThan(100_000)
  })
})
