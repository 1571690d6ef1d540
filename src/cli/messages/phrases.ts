/**
 * Russian for the sentences regdesk's lower layers and commander write in English (errors, notes, warnings, triage
 * reasons, help texts): the English sentence is the key, as in gettext, and a phrase is an anchored pattern with
 * its Russian. A group named `tr…` is itself translated before it is put in (a reason inside a refusal). The
 * lower layers stay free of the interface language; the CLI says their sentences in it at the edge
 * (docs/ARCHITECTURE.md, "Language").
 */
export type Phrase = readonly [english: RegExp, russian: string]

export interface PhraseBook {
  /** the sentence in the book's language, or the sentence itself when the book has none for it */
  say(sentence: string): string
  /** whether the book knows the sentence (tests: every sentence regdesk writes has its translation) */
  knows(sentence: string): boolean
}

export function phraseBook(phrases: readonly Phrase[]): PhraseBook {
  const find = (sentence: string) => {
    for (const [pattern, russian] of phrases) {
      const m = pattern.exec(sentence)
      if (m && m.index === 0 && m[0].length === sentence.length) return { m, russian }
    }
    return undefined
  }
  const say = (sentence: string): string => {
    const found = find(sentence)
    if (!found) return sentence
    const { m, russian } = found
    const groups = m.groups ?? {}
    return russian.replace(/\$(\d)|\$<(\w+)>/g, (_, n: string | undefined, name: string | undefined) => {
      if (n !== undefined) return m[Number(n)] ?? ''
      const value = groups[name as string] ?? ''
      return name?.startsWith('tr') ? say(value) : value
    })
  }
  return { say, knows: (sentence) => find(sentence) !== undefined }
}

/** The book of a language that needs none: every sentence as it is. */
export const ENGLISH: PhraseBook = { say: (s) => s, knows: () => true }
