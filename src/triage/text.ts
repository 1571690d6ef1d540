import { stemmer as englishStem } from '@orama/stemmers/english'
import { stemmer as russianStem } from '@orama/stemmers/russian'
import { wordList } from './lexicon/index.js'
import { scriptRegExp } from './script-regexp.js'

const CYRILLIC = /[\u0400-\u04ff]/

/** Lower case, ё→е, and common lookalike Latin letters inside Cyrillic words fixed (typing in the wrong layout half-way). */
export function normalize(text: string): string {
  return (
    text
      .normalize('NFKC')
      .toLowerCase()
      .replace(/ё/g, 'е')
      // a match starts where a Cyrillic run does: from every letter of a long word the search was quadratic
      .replace(/(?<![\u0400-\u04ff])[\u0400-\u04ff]*[aceopxy][\u0400-\u04ff][\u0400-\u04ffaceopxy]*/g, fixMixedScript)
  )
}

const LATIN_TO_CYRILLIC: Record<string, string> = { a: 'а', c: 'с', e: 'е', o: 'о', p: 'р', x: 'х', y: 'у' }

function fixMixedScript(word: string): string {
  return word.replace(/[aceopxy]/g, (ch) => LATIN_TO_CYRILLIC[ch] ?? ch)
}

/** Words of a text, normalised (letters and digits; URLs, e-mails and numbers kept out). */
export function words(text: string): string[] {
  const clean = normalize(text)
    .replace(/(?<![a-z0-9+.-])[a-z][a-z0-9+.-]*:\/\/\S+/g, ' ')
    // from a token's start only, and no @ before the first: `\S+@\S+\.\S+` retried at every position of a long
    // token (a pasted base64 image) took minutes for 200,000 characters
    .replace(/(?<!\S)[^\s@]+@[^\s@]+\.\S*/g, ' ')
  // HTTP status codes ("ошибка 500", "502 bad gateway") name a failure as clearly as a word does
  const found =
    clean.match(
      scriptRegExp(
        String.raw`[\p{L}][\p{L}\p{N}]*|(?<![\p{L}\p{N}])\p{N}[сc](?![\p{L}\p{N}])|(?<![\p{N}.,])(?:40[034]|50[0-4])(?![\p{N}]|[.,]\p{N})`,
        'gu',
      ),
    ) ?? []
  // "1С" / "1C" (the accounting system) typed in either script is one word
  return found.map((w) => (w === '1c' ? '1с' : w))
}

const cache = new Map<string, string>()

/** Snowball stem of one normalised word, Russian or English by its script. */
export function stem(word: string): string {
  let s = cache.get(word)
  if (s === undefined) {
    s = CYRILLIC.test(word) ? russianStem(word) : englishStem(word)
    if (cache.size > 50_000) cache.clear()
    cache.set(word, s)
  }
  return s
}

/** The stems of a text's words that can speak for a topic: function words, negations and generic words left out. */
export function stems(text: string): string[] {
  const stop = wordList('stopwords')
  const negations = wordList('negations')
  const generic = wordList('generic')
  return words(text)
    .filter((w) => !stop.has(w) && !negations.has(w) && !generic.has(w))
    .map(stem)
}
