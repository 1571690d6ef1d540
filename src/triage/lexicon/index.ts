import { compiledValue } from '../../data/compiled.js'
import {
  type CompiledLexicon,
  type CompiledPattern,
  LEXICON_FORMAT,
  LEXICON_KEY,
  type ListName,
  type PatternName,
  type Transliteration,
} from './catalogue.js'

let compiled: CompiledLexicon | undefined
const patterns = new Map<PatternName, RegExp>()
const lists = new Map<ListName, ReadonlySet<string>>()

/**
 * The lexicon the build compiled from regulations/lexicon/*.yaml (src/triage/lexicon/compile.ts). It is program data,
 * like the code: an edited language file takes effect with the next `npm run build`
 * (test/unit/triage/lexicon.test.ts checks that the build's copy is current).
 */
function lexicon(): CompiledLexicon {
  compiled ??= compiledValue<CompiledLexicon>(LEXICON_KEY, LEXICON_FORMAT)
  if (!compiled) throw new Error('the triage lexicon is missing from dist/compiled; run `npm run build`')
  return compiled
}

/** A pattern by name, compiled on first use (V8 compiles each regular expression when it first runs). */
export function pattern(name: PatternName): RegExp {
  let re = patterns.get(name)
  if (!re) {
    const p = lexicon().patterns[name]
    re = new RegExp(p.source, p.flags)
    patterns.set(name, re)
  }
  return re
}

const parts = new Map<PatternName, (RegExp | undefined)[]>()

/**
 * Whether a pattern matches: its entries are tried one by one and each is compiled only when reached, so a text that
 * the first entry matches costs no compilation of the others (V8 compiles a regular expression on its first run); an
 * entry whose strings (literals.ts) are all absent from the text is not run at all.
 */
export function matches(name: PatternName, text: string): boolean {
  const sources = lexicon().patterns[name].parts
  let compiled = parts.get(name)
  if (!compiled) {
    compiled = new Array(sources.length)
    parts.set(name, compiled)
  }
  for (let i = 0; i < sources.length; i++) {
    const p = sources[i] as CompiledPattern
    if (!mayContain(p, text)) continue
    let re = compiled[i]
    if (!re) {
      re = new RegExp(p.source, p.flags)
      compiled[i] = re
    }
    if (re.test(text)) return true
  }
  return false
}

/**
 * The text with the pattern's matches replaced (`text.replace(pattern(name), by)`), without running the pattern on a
 * text that holds none of the strings each match contains (literals.ts).
 */
export function replaced(name: PatternName, text: string, by: string): string {
  return mayContain(lexicon().patterns[name], text) ? text.replace(pattern(name), by) : text
}

/** False when the text holds none of the strings every match of the pattern contains: it cannot match. */
function mayContain(p: CompiledPattern, text: string): boolean {
  const literals = p.literals
  if (literals === undefined) return true
  for (let i = 0; i < literals.length; i++) if (text.includes(literals[i] as string)) return true
  return false
}

export function wordList(name: ListName): ReadonlySet<string> {
  let set = lists.get(name)
  if (!set) {
    set = new Set(lexicon().lists[name])
    lists.set(name, set)
  }
  return set
}

export function transliteration(): Transliteration {
  return lexicon().transliteration
}

export type { ListName, PatternName } from './catalogue.js'
