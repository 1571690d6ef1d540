import { matches, pattern, replaced, wordList } from './lexicon/index.js'
import { normalize } from './text.js'

/** What a request asks for: fix/explain something, or do a piece of work for the customer. */
export interface Intent {
  /** something is broken */
  problem: boolean
  /** how does it work, can it do X */
  question: boolean
  /** do this for us: install, migrate, restyle, develop, integrate */
  work: boolean
}

// Every pattern here runs on normalize()d, lower-case text; their words are in regulations/lexicon/*.yaml (intent.*)

/**
 * A Russian imperative of the polite form ("перетащите", "стилизуйте", "заполните") that is not a request for
 * help or an answer: the customer asks the support to do something. General on purpose: the list of work verbs
 * is open, the list of help verbs is short and closed.
 */
function asksToDoWork(t: string): boolean {
  const help = wordList('helpImperatives')
  const not = wordList('notImperatives')
  for (const m of t.matchAll(pattern('intent.imperative'))) {
    const word = m[1] ?? ''
    if (!help.has(word) && !not.has(word)) return true
  }
  return false
}

/** A report that something is broken, asking for no work and not how to do anything. */
export function isFailureReport(text: string, intent: Intent = detectIntent(text)): boolean {
  return intent.problem && !intent.work && !matches('intent.howTo', normalize(text))
}

export function detectIntent(text: string): Intent {
  const t = normalize(text).trim()
  let intent = recent.get(t)
  if (!intent) {
    intent = intentOf(t)
    if (recent.size > 64) recent.clear()
    recent.set(t, intent)
  }
  return intent
}

/**
 * Intents of the texts seen last: a request is read as a whole and again as each of its matters, which for a
 * one-matter request is the same text. V8 compiles a pattern to native code on its second run; reading a text
 * once keeps a one-shot `regdesk triage` on the cheaper first compilation.
 */
const recent = new Map<string, Intent>()

/**
 * - a wish for the product ("предлагаю добавить") asks the vendor to improve it: a question, not work;
 * - "сделаете?" asks for work although it ends with a question mark (intent.workOffer);
 * - "как настроить", "пытаюсь поставить": the customer's own doing is taken out before work is looked for, and a
 *   wish followed by "подскажите как" asks how, not for the work (intent.howTo, selfAction, asksHow, wish).
 */
function intentOf(t: string): Intent {
  const suggestion = matches('intent.suggestion', t)
  const offered = replaced('intent.workOffer', t, ' ')
  let asks = replaced('intent.selfAction', replaced('intent.howTo', t, ' '), ' ')
  if (matches('intent.asksHow', t)) asks = replaced('intent.wish', asks, ' ')
  return {
    problem: matches('intent.problem', t),
    question: suggestion || matches('intent.question', offered),
    work:
      !suggestion &&
      (offered !== t ||
        matches('intent.serviceAsked', t) ||
        matches('intent.work', asks) ||
        asksToDoWork(asks) ||
        // compiling intent.workPolite costs V8 ~2 ms: a request without its first words skips it
        (matches('intent.mayAskPolitely', t) && matches('intent.workPolite', t))),
  }
}
