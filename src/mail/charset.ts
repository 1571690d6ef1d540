/**
 * Text whose encoding nobody declared: a request file, stdin, and the 8-bit headers and bodies of old mailers that
 * name no charset (RFC 822 allows only ASCII there, Russian mailers wrote Windows-1251 or KOI8-R all the same).
 * The decoders are the WHATWG encodings of Node's ICU: no decoding library is loaded.
 */

/**
 * `auto`: valid UTF-8 (or UTF-8 with a few broken bytes) stays UTF-8; otherwise the 8-bit Russian
 * encoding whose reading has the larger share of common Russian letters. The two put the
 * alphabet in different orders (and cases), so text read in the wrong one is made of rare
 * letters: cp1251 "о" is KOI8 "Н", KOI8 "а" is cp1251 "Б".
 */
export function decodeAuto(bytes: Uint8Array): { text: string; detected: 'utf-8' | 'windows-1251' | 'koi8-r' } {
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), detected: 'utf-8' }
  } catch {
    // not valid UTF-8: see below
  }
  if (utf8Share(bytes) > 0.5) return { text: new TextDecoder('utf-8').decode(bytes), detected: 'utf-8' }
  // WHATWG encodings of Node's ICU: no decoding library to load at start-up
  const cp1251 = new TextDecoder('windows-1251').decode(bytes)
  const koi8 = new TextDecoder('koi8-r').decode(bytes)
  // the two swap the cases of Cyrillic letters: read in the wrong one, "Добрый день" is "дОБРЫЙ ДЕНЬ", a small letter
  // before capitals no writer types; only when neither reading shows more of those do letter frequencies decide
  const inverted = invertedWords(koi8) - invertedWords(cp1251)
  if (inverted !== 0)
    return inverted < 0 ? { text: koi8, detected: 'koi8-r' } : { text: cp1251, detected: 'windows-1251' }
  return russianScore(koi8) > russianScore(cp1251)
    ? { text: koi8, detected: 'koi8-r' }
    : { text: cp1251, detected: 'windows-1251' }
}

/** Words that begin with a small Cyrillic letter followed by capitals ("дОБРЫЙ"). */
function invertedWords(text: string): number {
  return text.match(/(?<![\p{L}])[а-яё][А-ЯЁ]{2,}/gu)?.length ?? 0
}

/** Frequencies (%) of the most common Russian letters, about 80% of ordinary text. */
const COMMON: Record<string, number> = {
  о: 11,
  е: 8.5,
  а: 8,
  и: 7.4,
  н: 6.7,
  т: 6.3,
  с: 5.5,
  р: 4.7,
  в: 4.5,
  л: 4.4,
  к: 3.5,
  м: 3.2,
  д: 3,
  п: 2.8,
  у: 2.6,
  я: 2,
}

/** The share of common letters among the Cyrillic ones, weighted by frequency; case aside (ALL CAPS letters). */
function russianScore(text: string): number {
  let cyrillic = 0
  let common = 0
  for (const c of text.toLowerCase()) {
    if (c >= '\u0400' && c <= '\u04ff') {
      cyrillic++
      common += COMMON[c] ?? 0
    }
  }
  return cyrillic ? common / cyrillic : 0
}

/** The share of bytes ≥ 0x80 that form well-formed UTF-8 sequences. */
function utf8Share(bytes: Uint8Array): number {
  let high = 0
  let good = 0
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i] as number
    if (b < 0x80) continue
    const n = b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1
    let ok = n > 0
    for (let k = 1; ok && k <= n; k++) ok = ((bytes[i + k] ?? 0) & 0xc0) === 0x80
    if (ok) {
      high += n + 1
      good += n + 1
      i += n
    } else high++
  }
  return high ? good / high : 1
}

let windows1252Bytes: Map<string, number> | undefined

/**
 * Text that was read as Windows-1252 because its part declared no charset (postal-mime's fallback, as the WHATWG
 * standard prescribes) read again as the Russian 8-bit encoding it most likely is. Windows-1252 as Node decodes it
 * gives every byte its own character, so the bytes come back exactly. Text with a character Windows-1252 cannot
 * give (it was not read that way) or without 8-bit characters is returned as it is.
 */
export function rereadWindows1252(text: string): { text: string; detected: 'windows-1251' | 'koi8-r' } | undefined {
  if (!/[^\u0020-\u007e\s]/.test(text)) return undefined
  if (!windows1252Bytes) {
    const table = new Map<string, number>()
    const all = new TextDecoder('windows-1252').decode(Uint8Array.from({ length: 128 }, (_, i) => i + 128))
    for (let i = 0; i < all.length; i++) table.set(all[i] as string, i + 128)
    windows1252Bytes = table
  }
  const bytes = new Uint8Array(text.length)
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    const b = code < 0x80 ? code : windows1252Bytes.get(text[i] as string)
    if (b === undefined) return undefined
    bytes[i] = b
  }
  const read = decodeAuto(bytes)
  return read.detected === 'utf-8' ? undefined : { text: read.text, detected: read.detected }
}
