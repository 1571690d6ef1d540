import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { FINDERS, findSecrets, type SecretSpan } from '../../../src/triage/credentials.js'
import { pattern, wordList } from '../../../src/triage/lexicon/index.js'
import { scriptRegExpSource } from '../../../src/triage/script-regexp.js'

/**
 * findSecrets looks for `credentials.cue` first and searches no further in a text it does not match
 * (regulations/lexicon/common.yaml). It must find every secret the ten finders find without it: the reference
 * here is the search as it was before the cue, run on fixtures, on the texts of the tests and on generated texts
 * made of the lexicon's own labels.
 */

/** The secrets of a text as src/triage/credentials.ts found them before the cue (each finder, every text). */
function secretsBefore(text: string): SecretSpan[] {
  const spans: SecretSpan[] = []
  const notASecret = wordList('notASecret')
  for (const { kind, name } of FINDERS) {
    for (const m of text.matchAll(new RegExp(pattern(name)))) {
      const value = m.slice(1).find((g) => g !== undefined)
      if (!value || m.index === undefined) continue
      const bare = value.replace(/^["'«]|["'»]$/g, '')
      if (notASecret.has(bare.toLowerCase()) || notASecret.has(bare.replace(/[).,;:!?]+$/, '').toLowerCase())) continue
      if (kind === 'login' && bare.length < 3) continue
      const start = m.index + m[0].lastIndexOf(value)
      spans.push({ kind, start, end: start + value.length })
    }
  }
  const merged: SecretSpan[] = []
  for (const s of spans.sort((a, b) => a.start - b.start || b.end - a.end)) {
    const last = merged.at(-1)
    if (last && s.start <= last.end) last.end = Math.max(last.end, s.end)
    else merged.push({ ...s })
  }
  return merged
}

const LEXICON = join(import.meta.dirname, '../../../regulations/lexicon')
const lexiconFiles = readdirSync(LEXICON)
  .filter((f) => f.endsWith('.yaml'))
  .map((f) => parse(readFileSync(join(LEXICON, f), 'utf8')) as Record<string, Record<string, string[]>>)

/** The entries of a name of the lexicon's alternatives, from every language file. */
function alternatives(name: string): string[] {
  return lexiconFiles.flatMap((f) => f.alternatives?.[name] ?? [])
}

/** Texts that each alternative of a label matches: the labels as the finders read them, {…} left out. */
function labelSamples(name: string): fc.Arbitrary<string> {
  return fc.oneof(
    ...alternatives(name).map((alt) =>
      fc.stringMatching(new RegExp(`^(?:${scriptRegExpSource(alt).source})$`), { maxLength: 20 }),
    ),
  )
}

/** Every text of the fixtures and tests that may hold access data: requests, letters, the credentials tests. */
function fixtureTexts(): string[] {
  const texts: string[] = []
  const collect = (v: unknown): void => {
    if (typeof v === 'string') texts.push(v)
    else if (Array.isArray(v)) v.forEach(collect)
    else if (v && typeof v === 'object') Object.values(v).forEach(collect)
  }
  const fixtures = join(import.meta.dirname, '../../fixtures')
  for (const f of readdirSync(fixtures).filter((name) => name.endsWith('.yaml')))
    collect(parse(readFileSync(join(fixtures, f), 'utf8')))
  const tests = join(import.meta.dirname, '..')
  for (const dir of readdirSync(tests, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.test.ts')))
    for (const m of readFileSync(join(tests, dir), 'utf8').matchAll(/'((?:[^'\\\n]|\\.){4,})'/g))
      texts.push(m[1] as string)
  return texts
}

const LABELS = ['passwordLabel', 'loginLabel', 'accessWord', 'tokenLabel', 'accessLabel']
const fragment = fc.oneof(
  ...LABELS.map(labelSamples),
  fc.constantFrom(
    ': ',
    ' = ',
    '=',
    ' — ',
    ' - ',
    ' is ',
    ' это ',
    ' / ',
    ' | ',
    ':',
    ' ',
    '\n',
    ', ',
    '. ',
    ' от ',
    ' for ',
  ),
  fc.constantFrom('qwerty123', 'Secr3t!', '"my pass"', '«пароль 1»', 'admin', 'root', 'ivan', 'x', 'p4ss', 'abc_def'),
  fc.constantFrom('ftp://', 'https://', 'user:p4ss@', '@shop.ru', 'mysql -u root -p', 'mysqldump -psecret', ' -p '),
  fc.constantFrom('-----BEGIN RSA PRIVATE KEY-----', '-----BEGIN PRIVATE KEY-----\nMIIB', '-----END PRIVATE KEY-----'),
  fc.constantFrom('sk_live_abcdefghijklmnop', 'rk_test_0123456789ab', 'ghp_', 'xoxb-1234567890', 'AKIA', 'AIza'),
  fc.constantFrom('ghp_0123456789abcdefghijKLMN', 'gho_ABCDEFGHIJKLMNOPQRSTUVWX', 'xoxp-12345-abcdef'),
  fc.constantFrom('AKIAABCDEFGHIJKLMNOP', 'AKIA0123456789ABCDEF', 'AIzaSyA0123456789abcdefghijklmnopqrstu'),
  fc.constantFrom('Authorization: Bearer ', 'Bearer ', 'authorization: basic ', 'curl -u ', 'curl --user "', ' => '),
  fc.constantFrom(
    '123456789:AAEhBOweik6ad6PsVMRxjeQKF9wZtkLwGwM',
    "'db_password'",
    '"password"',
    'abcd efgh ijkl mnop',
  ),
  fc.stringMatching(/^[A-Za-z0-9_-]{10,40}$/),
  fc.constantFrom('сайт', 'не работает', 'корзина', 'Доступ', 'ПАРОЛЬ', 'Login', 'TOKEN', 'Api-Key', 'админке', 'БД'),
  fc.string({ maxLength: 8 }),
)
/** A text of fragments, each maybe in capitals or lower case (the finders ignore case). */
const text = fc
  .array(fc.tuple(fragment, fc.constantFrom('as is', 'upper', 'lower')), { maxLength: 10 })
  .map((parts) =>
    parts.map(([f, c]) => (c === 'upper' ? f.toUpperCase() : c === 'lower' ? f.toLowerCase() : f)).join(''),
  )

describe('credentials.cue', () => {
  it('finds, in every text of the fixtures and tests, the secrets the nine finders find without it', () => {
    const texts = fixtureTexts()
    expect(texts.length).toBeGreaterThan(1000)
    let withSecrets = 0
    for (const t of texts) {
      const before = secretsBefore(t)
      if (before.length) withSecrets++
      expect(findSecrets(t), t).toEqual(before)
    }
    expect(withSecrets).toBeGreaterThan(10)
  })

  it('finds the secrets the nine finders find in generated texts of labels, separators and values', () => {
    fc.assert(
      fc.property(text, (t) => {
        expect(findSecrets(t)).toEqual(secretsBefore(t))
      }),
      { numRuns: 30_000 },
    )
  })

  it('matches wherever a finder matches, whatever it then makes of the match', () => {
    fc.assert(
      fc.property(text, (t) => {
        const found = FINDERS.some(({ name }) => new RegExp(pattern(name)).test(t))
        if (found) expect(pattern('credentials.cue').test(t)).toBe(true)
      }),
      { numRuns: 30_000 },
    )
  })

  it("holds each finder's label or fixed part: a finder changed without the cue fails here", () => {
    const common = lexiconFiles.find((f) => (f as { language?: unknown }).language === 'common')
    const entry = (name: string) => common?.patterns?.[name]?.join('|') ?? ''
    const cue = entry('credentials.cue')
    const required: Record<string, string[]> = {
      'credentials.urlCredentials': [':\\/\\/'],
      'credentials.privateKey': ['-----BEGIN '],
      'credentials.mysqlPassword': ['mysql'],
      'credentials.password': ['{passwordLabel}'],
      'credentials.latinPassword': ['{passwordLabel}'],
      'credentials.login': ['{loginLabel}'],
      'credentials.latinLogin': ['{loginLabel}'],
      'credentials.loginBeforePassword': ['{loginLabel}'],
      'credentials.passwordAfterWords': ['{passwordLabel}'],
      'credentials.labelledPairLogin': ['{loginLabel}'],
      'credentials.labelledPairPassword': ['{loginLabel}'],
      'credentials.pair': ['{accessWord}'],
      'credentials.accountPair': ['{accountName}', '@[\\w-]+(?:\\.[\\w-]+)+'],
      'credentials.token': ['{tokenLabel}'],
      'credentials.authorization': ['authorization', 'bearer'],
      'credentials.curlUser': ['curl'],
      'credentials.configPassword': ['{passwordLabel}'],
      'credentials.keyShape': ['(?:sk|rk)_', 'gh[pousr]_', 'xox[abpr]-', 'AKIA', 'AIza', '\\d{8,10}:[A-Za-z0-9_-]{35}'],
    }
    expect(Object.keys(required).sort()).toEqual(FINDERS.map((f) => f.name).sort())
    for (const [name, parts] of Object.entries(required))
      for (const part of parts) {
        expect(entry(name), name).toContain(part)
        expect(cue, name).toContain(part)
      }
    // a label is a whole alternative of its finder: (?:{label}) at the start, after a look-behind at most
    for (const [name, label] of [
      ['credentials.password', 'passwordLabel'],
      ['credentials.login', 'loginLabel'],
      ['credentials.passwordAfterWords', 'passwordLabel'],
      ['credentials.labelledPairLogin', 'loginLabel'],
      ['credentials.labelledPairPassword', 'loginLabel'],
      ['credentials.pair', 'accessWord'],
      ['credentials.token', 'tokenLabel'],
      ['credentials.configPassword', 'passwordLabel'],
    ] as const)
      expect(entry(name), name).toMatch(new RegExp(`^(?:\\(\\?<![^)]*\\))?\\(\\?:\\{${label}\\}\\)`))
  })
})
