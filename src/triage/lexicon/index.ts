import { compiledValue } from '../../data/compiled.js'
import {
  type CompiledLexicon,
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
 * the first entry matches costs no compilation of the others (V8 compiles a regular expression on its first run).
 */
export function matches(name: PatternName, text: string): boolean {
  const sources = lexicon().patterns[name].parts
  let compiled = parts.get(name)
  if (!compiled) {
    compiled = new Array(sources.length)
    parts.set(name, compiled)
  }
  for (let i = 0; i < sources.length; i++) {
    let re = compiled[i]
    if (!re) {
      const p = sources[i] as { source: string; flags: string }
      re = new RegExp(p.source, p.flags)
      compiled[i] = re
    }
    if (re.test(text)) return true
  }
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
