import { type AST, RegExpParser } from '@eslint-community/regexpp'

/**
 * The strings of which every match of a regular expression contains one: a necessary condition, found by the build
 * for each lexicon pattern (compile.ts), so that triage runs a pattern only on a text that has one of them
 * (index.ts). A short request reaches a few dozen of the lexicon's 150 entries and V8 compiles each one it runs, which
 * was a third of a one-shot `regdesk triage`; `text.includes` of a word compiles nothing.
 *
 * Sound by construction, never complete: where the strings cannot be told (a case-insensitive pattern, a class of
 * many characters, an optional part) there is no condition and the pattern always runs
 * (test/unit/triage/lexicon-literals.test.ts checks every entry on every labelled request).
 */
export function requiredLiterals(source: string, flags: string): string[] | undefined {
  // case-insensitive: a text would have to be folded as the pattern folds it, which lower case is not (ſ, K)
  if (flags.includes('i')) return undefined
  const pattern = new RegExpParser({ ecmaVersion: 2025 }).parsePattern(source, 0, source.length, {
    unicode: flags.includes('u'),
    unicodeSets: flags.includes('v'),
  })
  const found = usable(disjunction(pattern.alternatives).required)
  // a text that holds «пароль» holds «парол»: the longer string adds nothing to look for
  return found && [...found].filter((s) => ![...found].some((other) => other !== s && s.includes(other)))
}

/** How many strings a set may hold: more would cost the look-up what the pattern costs. */
const MAX_EXACT = 64
const MAX_REQUIRED = 256
/** The widest character class taken as its characters ([0-9], [.,]). */
const MAX_CLASS = 16

/**
 * What a part of a pattern matches: `exact`, every string it can match, when they are few (a zero-width assertion
 * matches ''); `required`, strings of which each match contains one; undefined for either when it cannot be told.
 */
interface Reading {
  exact: ReadonlySet<string> | undefined
  required: ReadonlySet<string> | undefined
}

const UNKNOWN: Reading = { exact: undefined, required: undefined }

/** A condition that can be checked: some strings, none of them empty (every text contains ''). */
function usable(set: ReadonlySet<string> | undefined): ReadonlySet<string> | undefined {
  if (!set || set.size === 0 || set.size > MAX_REQUIRED || set.has('')) return undefined
  return set
}

function concatenated(a: ReadonlySet<string>, b: ReadonlySet<string>): Set<string> | undefined {
  if (a.size * b.size > MAX_EXACT) return undefined
  const out = new Set<string>()
  for (const x of a) for (const y of b) out.add(x + y)
  return out
}

function shortest(set: ReadonlySet<string>): number {
  let min = Number.POSITIVE_INFINITY
  for (const s of set) min = Math.min(min, s.length)
  return min
}

/** Of two conditions that both hold, the one that rules out more texts: longer strings, then fewer of them. */
function stronger(
  a: ReadonlySet<string> | undefined,
  b: ReadonlySet<string> | undefined,
): ReadonlySet<string> | undefined {
  const ua = usable(a)
  const ub = usable(b)
  if (!ua) return ub
  if (!ub) return ua
  const la = shortest(ua)
  const lb = shortest(ub)
  if (la !== lb) return la > lb ? ua : ub
  return ua.size <= ub.size ? ua : ub
}

/** One of several alternatives matches: its strings, or its condition, is one of theirs. */
function disjunction(alternatives: readonly AST.Alternative[]): Reading {
  let exact: Set<string> | undefined = new Set()
  let required: Set<string> | undefined = new Set()
  for (const alternative of alternatives) {
    const r = sequence(alternative.elements)
    if (exact && r.exact && exact.size + r.exact.size <= MAX_EXACT) for (const s of r.exact) exact.add(s)
    else exact = undefined
    const condition = usable(r.required)
    if (required && condition) for (const s of condition) required.add(s)
    else required = undefined
  }
  return { exact, required: exact ? stronger(exact, required) : required }
}

/**
 * Elements one after the other: a run of elements with known strings is known as a whole (their concatenations), and
 * each element's own condition holds for the sequence too; the strongest of them is kept.
 */
function sequence(elements: readonly AST.Element[]): Reading {
  let exact: Set<string> | undefined = new Set([''])
  let run: Set<string> = new Set([''])
  let required: ReadonlySet<string> | undefined
  for (const element of elements) {
    const r = reading(element)
    exact = exact && r.exact ? concatenated(exact, r.exact) : undefined
    if (r.exact) {
      const longer = concatenated(run, r.exact)
      if (longer) run = longer
      else {
        required = stronger(required, run)
        run = new Set(r.exact)
      }
    } else {
      required = stronger(required, run)
      run = new Set([''])
    }
    required = stronger(required, r.required)
  }
  required = stronger(required, run)
  return { exact, required: exact ? stronger(required, exact) : required }
}

function reading(element: AST.Element): Reading {
  switch (element.type) {
    case 'Character': {
      const c = String.fromCodePoint(element.value)
      return { exact: new Set([c]), required: new Set([c]) }
    }
    case 'CharacterClass':
      return characterClass(element)
    case 'Assertion':
      // zero-width: matches the empty string, and says nothing of what a match contains
      return { exact: new Set(['']), required: undefined }
    case 'Group':
      // a group with its own flags ((?i:…)) matches other strings than it reads
      return element.modifiers ? UNKNOWN : disjunction(element.alternatives)
    case 'CapturingGroup':
      return disjunction(element.alternatives)
    case 'Quantifier':
      return quantified(element)
    default:
      // a character set (\d, \w, .), a backreference, a class expression
      return UNKNOWN
  }
}

function characterClass(element: AST.CharacterClass): Reading {
  if (element.negate || element.unicodeSets) return UNKNOWN
  const chars = new Set<string>()
  for (const e of element.elements) {
    if (e.type === 'Character') chars.add(String.fromCodePoint(e.value))
    else if (e.type === 'CharacterClassRange' && e.max.value - e.min.value < MAX_CLASS)
      for (let c = e.min.value; c <= e.max.value; c++) chars.add(String.fromCodePoint(c))
    else return UNKNOWN
  }
  return chars.size <= MAX_CLASS ? { exact: chars, required: chars } : UNKNOWN
}

function quantified(q: AST.Quantifier): Reading {
  const r = reading(q.element)
  // optional: only the strings of `x?` can be told (x's and ''); nothing is required
  if (q.min === 0) return { exact: q.max === 1 && r.exact ? new Set(['', ...r.exact]) : undefined, required: undefined }
  if (q.min === 1 && q.max === 1) return r
  let exact: Set<string> | undefined
  if (q.min === q.max && r.exact) {
    exact = new Set([''])
    for (let i = 0; i < q.min && exact; i++) exact = concatenated(exact, r.exact)
  }
  // at least once: each match holds one of the element's matches
  return { exact, required: r.required }
}
