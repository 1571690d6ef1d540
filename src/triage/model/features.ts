import { accessDataSpans } from '../credentials.js'
import { withoutIdentifiers } from '../information.js'
import { stem, words } from '../text.js'
import { fromTranslit } from '../translit.js'

/**
 * The features of a request for the scope model: its stems (stop words kept: "как", "не", "сделайте" carry intent),
 * unigrams and bigrams, each once shared by every regulation and once prefixed by the regulation's id, so what a
 * word means in general and what it means under one regulation are learnt apart.
 */
export function requestFeatures(regulation: string, text: string): string[] {
  return withRegulation(regulation, textFeatures(modelText(text)))
}

/** The text the model reads: Russian typed in Latin letters read back, without access data and identifiers. */
export function modelText(text: string): string {
  const reading = fromTranslit(text)
  let out = ''
  let at = 0
  for (const s of accessDataSpans(reading)) {
    out += `${reading.slice(at, s.start)} `
    at = s.end
  }
  return withoutIdentifiers(out + reading.slice(at))
}

export function textFeatures(text: string): string[] {
  const stems = words(text).map(stem)
  const out = new Set<string>()
  for (let i = 0; i < stems.length; i++) {
    out.add(`u:${stems[i]}`)
    if (i > 0) out.add(`b:${stems[i - 1]}_${stems[i]}`)
  }
  return [...out]
}

export function withRegulation(regulation: string, features: readonly string[]): string[] {
  const out = [...features]
  for (const f of features) out.push(`${regulation}|${f}`)
  return out
}
