import { z } from 'zod'
import type { Issue } from '../../data/issue.js'
import type { Path } from '../../data/locate.js'
import { parseYamlWith } from '../../data/yaml.js'
import { scriptRegExpSource } from '../script-regexp.js'
import {
  type CompiledLexicon,
  type CompiledPattern,
  LISTS,
  type ListName,
  PATTERNS,
  type PatternName,
  type Transliteration,
} from './catalogue.js'
import { requiredLiterals } from './literals.js'

const words = z.array(z.string().min(1))
const pair = z.tuple([z.string().min(1), z.string().min(1)])

/** One language file of regulations/lexicon/ (the format: regulations/README.md, "The lexicon"). */
export const lexiconFileSchema = z.strictObject({
  schemaVersion: z.literal(1, { error: 'expected schemaVersion: 1' }),
  /** ru, en, or common for what every language writes alike */
  language: z.string().regex(/^[a-z]+$/, { error: 'expected a language code like "ru"' }),
  lists: z.record(z.string(), words).optional(),
  /** regex alternatives, joined with | from every file; a pattern refers to them as {name} */
  alternatives: z.record(z.string(), words).optional(),
  /** regular expressions by name; a name's entries from every file are joined with | */
  patterns: z.record(z.string(), words).optional(),
  transliteration: z
    .strictObject({
      sequences: z.array(pair),
      endings: z.array(pair),
      letters: z.record(z.string(), z.string()),
      eWords: z.string(),
      russianShape: z.string(),
    })
    .optional(),
})

export type LexiconFile = z.infer<typeof lexiconFileSchema>

export interface LexiconSource {
  file: string
  text: string
}

const REFERENCE = /(?<!\\[pP])\{([a-zA-Z][\w.]*)\}/g

/**
 * Compiles the language files into one lexicon, or reports every problem at its file, line and column: a list or
 * pattern the code does not know, a reference to no alternatives, a pattern that is not a valid regular expression.
 * Pure: texts in, a value or issues out (the build writes the value, scripts/compile-data.mjs).
 */
export function compileLexicon(sources: readonly LexiconSource[]): { value?: CompiledLexicon; issues: Issue[] } {
  const issues: Issue[] = []
  const files: { file: string; text: string; value: LexiconFile }[] = []
  for (const s of sources) {
    const parsed = parseYamlWith(s.text, s.file, lexiconFileSchema)
    issues.push(...parsed.issues)
    if (parsed.value) files.push({ ...s, value: parsed.value })
  }
  if (issues.length) return { issues }

  const alternatives = new Map<string, string[]>()
  for (const f of files)
    for (const [name, entries] of Object.entries(f.value.alternatives ?? {}))
      alternatives.set(name, [...(alternatives.get(name) ?? []), ...entries])
  const lists = Object.fromEntries(LISTS.map((n) => [n, [] as string[]])) as Record<ListName, string[]>
  const entries = new Map<PatternName, string[]>()
  let transliteration: Transliteration | undefined

  for (const f of files) {
    const checked = parseYamlWith(f.text, f.file, lexiconFileSchema, (value, report) => {
      for (const [name, list] of Object.entries(value.lists ?? {})) {
        if (!(LISTS as readonly string[]).includes(name)) report(['lists', name], unknown('list', name, LISTS), true)
        else lists[name as ListName].push(...list)
      }
      for (const [name, list] of Object.entries(value.alternatives ?? {}))
        list.forEach((entry, i) => {
          const problem = resolve(entry, alternatives, [name]).problem
          if (problem) report(['alternatives', name, i], problem)
        })
      for (const [name, list] of Object.entries(value.patterns ?? {})) {
        if (!Object.hasOwn(PATTERNS, name)) {
          report(['patterns', name], unknown('pattern', name, Object.keys(PATTERNS)), true)
          continue
        }
        const { flags } = PATTERNS[name as PatternName]
        list.forEach((entry, i) => {
          const at: Path = ['patterns', name, i]
          const { source, problem } = resolve(entry, alternatives, [])
          if (problem) return report(at, problem)
          const converted = scriptRegExpSource(source, flags)
          const invalid = regExpProblem(converted.source, converted.flags)
          if (invalid) return report(at, invalid)
          entries.set(name as PatternName, [...(entries.get(name as PatternName) ?? []), source])
        })
      }
      if (value.transliteration) {
        if (transliteration) report(['transliteration'], 'only one language file may give the transliteration')
        for (const key of ['eWords', 'russianShape'] as const) {
          const invalid = regExpProblem(value.transliteration[key], '')
          if (invalid) report(['transliteration', key], invalid)
        }
        transliteration = value.transliteration
      }
    })
    issues.push(...checked.issues)
  }
  const patterns = {} as CompiledLexicon['patterns']
  for (const [name, { flags, ...rest }] of Object.entries(PATTERNS) as [
    PatternName,
    { flags: string; captures?: boolean },
  ][]) {
    const list = entries.get(name) ?? []
    if (!list.length) {
      issues.push(whole(sources, `pattern "${name}" is given by no language file`))
      continue
    }
    if (rest.captures && list.length > 1)
      issues.push(
        whole(
          sources,
          `pattern "${name}": its groups are read, so it must be one regular expression, not ${list.length}`,
        ),
      )
    const joined = list.length === 1 ? (list[0] as string) : list.map((s) => `(?:${s})`).join('|')
    const testFlags = flags.replace(/[gy]/g, '')
    const parts = list.map((e) => withLiterals(scriptRegExpSource(e, testFlags)))
    // the whole pattern matches where one of its entries does: it needs one of their strings, if each entry needs some
    const literals = parts.every((part) => part.literals)
      ? [...new Set(parts.flatMap((part) => part.literals ?? []))]
      : []
    patterns[name] = { ...scriptRegExpSource(joined, flags), ...(literals.length ? { literals } : {}), parts }
  }
  if (!transliteration) issues.push(whole(sources, 'no language file gives the transliteration'))
  if (issues.length || !transliteration) return { issues }
  return { value: { lists, patterns, transliteration }, issues }
}

/** An entry with its {references} replaced by their alternatives (recursively), or what is wrong with it. */
function resolve(
  entry: string,
  alternatives: ReadonlyMap<string, string[]>,
  seen: readonly string[],
): { source: string; problem?: string } {
  let problem: string | undefined
  const source = entry.replace(REFERENCE, (_, name: string) => {
    const list = alternatives.get(name)
    if (!list) {
      problem ??= `{${name}} names no alternatives; known: ${[...alternatives.keys()].sort().join(', ')}`
      return ''
    }
    if (seen.includes(name)) {
      problem ??= `{${name}} refers to itself through ${seen.join(' → ')}`
      return ''
    }
    const parts = list.map((e) => {
      const inner = resolve(e, alternatives, [...seen, name])
      problem ??= inner.problem
      return inner.source
    })
    return parts.join('|')
  })
  return problem ? { source, problem } : { source }
}

/** A pattern with the strings that each of its matches contains one of, when they can be told (literals.ts). */
function withLiterals(p: { source: string; flags: string }): CompiledPattern {
  const literals = requiredLiterals(p.source, p.flags)
  return literals ? { ...p, literals } : p
}

function regExpProblem(source: string, flags: string): string | undefined {
  try {
    new RegExp(source, flags)
    return undefined
  } catch (e) {
    return `not a valid regular expression: ${(e as Error).message.replace(/^Invalid regular expression: /, '')}`
  }
}

function unknown(kind: string, name: string, known: readonly string[]): string {
  return `unknown ${kind} "${name}"; the code reads: ${known.join(', ')}`
}

function whole(sources: readonly LexiconSource[], message: string): Issue {
  return { file: sources.map((s) => s.file).join(', '), line: 1, col: 1, path: '', message, severity: 'error' }
}

/** The editor schema of a language file (regulations/schema/lexicon.schema.json), derived from the zod schema. */
export function lexiconJsonSchema(): string {
  const schema = z.toJSONSchema(lexiconFileSchema, { target: 'draft-2020-12', unrepresentable: 'any' })
  return `${JSON.stringify({ ...schema, title: 'regdesk triage lexicon', $id: 'lexicon.schema.json' }, null, 2)}\n`
}
