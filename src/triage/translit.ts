/**
 * Russian typed in Latin letters ("Dobryj den, ne rabotaet korzina, chto delat?"): customers without a Cyrillic
 * keyboard write so. The stemmer and the topic words are Cyrillic, so such a text matched nothing. Read back into
 * Cyrillic it is read like any request. Only a text that is recognisably Russian (several Russian function words in
 * Latin letters) is converted: an English request stays as it is.
 */

// Russian words no English text uses, as people transliterate them (several spellings each)
const RUSSIAN_IN_LATIN = new Set(
  (
    'ne na po dlja dlya dla chto shto kak eto ili uzhe eshe eshche esche ochen nado nuzhno mozhno pozhalujsta ' +
    'pozhaluysta pozhaluista spasibo zdravstvujte zdravstvuyte zdravstvuite dobryj dobriy dobryi den vy nas nam ' +
    'vam kogda gde pochemu skolko tolko vse vsjo vsyo sajt sayt sajta sayta esli chtoby bylo byl byla mne menja ' +
    'menya nikak teper sejchas seychas segodnja segodnya vchera posle pri bez ot iz takzhe tozhe'
  ).split(' '),
)
const MIN_RUSSIAN_WORDS = 3
/** technical words written in Latin in Russian text too: they stay as they are */
const LATIN_TERMS = new Set(
  (
    'css html php js javascript jquery ftp sftp ssh ssl tls seo api sql mysql cms url http https vps vds smtp dns ' +
    'json xml csv yml ajax cron nginx apache iis windows linux ubuntu debian centos chrome firefox safari google ' +
    'yandex android ios admin email mail wordpress bitrix crm cdn captcha'
  ).split(' '),
)

// longest first: "shch" before "sh" before "s"; "sch" is с+ч ("raschet", "schet"), as it more often is in requests
const SEQUENCES: [string, string][] = [
  ['shch', 'щ'],
  ['zh', 'ж'],
  ['kh', 'х'],
  ['ts', 'ц'],
  ['ch', 'ч'],
  ['sh', 'ш'],
  ['ja', 'я'],
  ['ya', 'я'],
  ['ju', 'ю'],
  ['yu', 'ю'],
  ['jo', 'ё'],
  ['yo', 'ё'],
]
// "dobryj", "rossijskij": й after и/ы, unless a vowel follows ("blokirovanija" is -ния)
const ENDINGS: [string, string][] = [
  ['ij', 'ий'],
  ['yj', 'ый'],
  ['iy', 'ий'],
  ['yy', 'ый'],
]
const LETTERS: Record<string, string> = {
  a: 'а',
  b: 'б',
  c: 'ц',
  d: 'д',
  e: 'е',
  f: 'ф',
  g: 'г',
  h: 'х',
  i: 'и',
  j: 'й',
  k: 'к',
  l: 'л',
  m: 'м',
  n: 'н',
  o: 'о',
  p: 'п',
  q: 'к',
  r: 'р',
  s: 'с',
  t: 'т',
  u: 'у',
  v: 'в',
  w: 'в',
  x: 'кс',
  y: 'ы',
  z: 'з',
  "'": 'ь',
}

/** a Latin word standing alone: not part of a domain, an e-mail, a path, a version or an identifier */
const LATIN_WORD = /(?<![\w.@/\\:-])[a-z][a-z']*(?![\w@/\\:-]|\.\w)/gi

/** The text with its transliterated Russian read back into Cyrillic; any other text as it is. */
export function fromTranslit(text: string): string {
  const latin = text.match(LATIN_WORD)
  if (!latin) return text
  const russian = new Set(latin.map((w) => w.toLowerCase()).filter((w) => RUSSIAN_IN_LATIN.has(w)))
  if (russian.size < MIN_RUSSIAN_WORDS) return text
  return text.replace(LATIN_WORD, (word) =>
    // an abbreviation (no vowel, longer than a preposition: "ftp", "ssh") stays too
    LATIN_TERMS.has(word.toLowerCase()) || (word.length > 2 && !/[aeiouy]/i.test(word))
      ? word
      : toCyrillic(word.toLowerCase()),
  )
}

/** words that begin with е, not э ("est'", "esli", "eshche", "ego") */
const E_WORDS = /^(?:est|esl|esh|eg|ee|em|ej|ed|ev)/

function toCyrillic(word: string): string {
  // a closing quote after a vowel is not a soft sign: 'vremja blokirovanija'
  const quote = /[aeiouy]'$/.test(word) ? "'" : ''
  const letters = quote ? word.slice(0, -1) : word
  return (
    (letters.startsWith('e') && !E_WORDS.test(letters) ? `э${cyrillicOf(letters.slice(1))}` : cyrillicOf(letters)) +
    quote
  )
}

function cyrillicOf(word: string): string {
  let out = ''
  let i = 0
  while (i < word.length) {
    const seq =
      ENDINGS.find(([latin]) => word.startsWith(latin, i) && !'aeiouy'.includes(word[i + 2] ?? ' ')) ??
      SEQUENCES.find(([latin]) => word.startsWith(latin, i))
    if (seq) {
      out += seq[1]
      i += seq[0].length
      continue
    }
    const ch = word[i] as string
    // "y" after a vowel is "й" ("novyj" aside, "moy", "tvoy")
    out += ch === 'y' && i > 0 && 'aeiou'.includes(word[i - 1] as string) ? 'й' : (LETTERS[ch] ?? ch)
    i++
  }
  return out
}
