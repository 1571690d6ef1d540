import { transliteration, wordList } from './lexicon/index.js'

/**
 * Russian typed in Latin letters ("Dobryj den, ne rabotaet korzina, chto delat?"): customers without a Cyrillic
 * keyboard write so. The stemmer and the topic words are Cyrillic, so such a text matched nothing. Read back into
 * Cyrillic it is read like any request. Only a text that is recognisably Russian is converted: an English request
 * stays as it is. The word lists and the letter table are in regulations/lexicon/ru.yaml (translitWords,
 * transliteration) and common.yaml (latinTerms).
 */

/** a Latin word standing alone: not part of a domain, an e-mail, a path, a version or an identifier */
const LATIN_WORD = /(?<![\w.@/\\:-])[a-z][a-z']*(?![\w@/\\:-]|\.\w)/gi

/**
 * A text is Russian in Latin letters when three of its words are Russian function words ("ne", "chto", "dlja"), or,
 * for a short one, when two in five of its words read as Russian, counting also the Russian endings no English word
 * has ("rabotaet", "otkryvaetsya"): "ne rabotaet korzina, chto delat?" is Russian; "the site is down" is not.
 */
const MIN_FUNCTION_WORDS = 3
const MIN_RUSSIAN_WORDS = 2
const MIN_RUSSIAN_SHARE = 0.4

let shapes: { russian: RegExp; eWords: RegExp } | undefined

/** The text with its transliterated Russian read back into Cyrillic; any other text as it is. */
export function fromTranslit(text: string): string {
  const latin = text.match(LATIN_WORD)
  if (!latin) return text
  const functionWords = wordList('translitWords')
  const terms = wordList('latinTerms')
  shapes ??= { russian: new RegExp(transliteration().russianShape), eWords: new RegExp(transliteration().eWords) }
  const candidates = latin.map((w) => w.toLowerCase()).filter((w) => !terms.has(w))
  const spoken = new Set(candidates.filter((w) => functionWords.has(w)))
  const russian = new Set(candidates.filter((w) => spoken.has(w) || (w.length > 3 && shapes?.russian.test(w))))
  const isRussian =
    spoken.size >= MIN_FUNCTION_WORDS ||
    (russian.size >= MIN_RUSSIAN_WORDS && russian.size >= MIN_RUSSIAN_SHARE * new Set(candidates).size)
  if (!isRussian) return text
  return text.replace(LATIN_WORD, (word) =>
    // an abbreviation (no vowel, longer than a preposition: "ftp", "ssh") stays too
    terms.has(word.toLowerCase()) || (word.length > 2 && !/[aeiouy]/i.test(word))
      ? word
      : toCyrillic(word.toLowerCase()),
  )
}

function toCyrillic(word: string): string {
  // a closing quote after a vowel is not a soft sign: 'vremja blokirovanija'
  const quote = /[aeiouy]'$/.test(word) ? "'" : ''
  const letters = quote ? word.slice(0, -1) : word
  return (
    (letters.startsWith('e') && !shapes?.eWords.test(letters)
      ? `э${cyrillicOf(letters.slice(1))}`
      : cyrillicOf(letters)) + quote
  )
}

function cyrillicOf(word: string): string {
  const { sequences, endings, letters } = transliteration()
  let out = ''
  let i = 0
  while (i < word.length) {
    const seq =
      endings.find(([latin]) => word.startsWith(latin, i) && !'aeiouy'.includes(word[i + 2] ?? ' ')) ??
      sequences.find(([latin]) => word.startsWith(latin, i))
    if (seq) {
      out += seq[1]
      i += seq[0].length
      continue
    }
    const ch = word[i] as string
    // "y" after a vowel is "й" ("novyj" aside, "moy", "tvoy")
    out += ch === 'y' && i > 0 && 'aeiou'.includes(word[i - 1] as string) ? 'й' : (letters[ch] ?? ch)
    i++
  }
  return out
}
