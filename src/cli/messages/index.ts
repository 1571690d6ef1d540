import { en, type Messages } from './en.js'
import type { Language } from './language.js'
import { ENGLISH, type PhraseBook, phraseBook } from './phrases.js'
import { ru } from './ru.js'
import { ruHelp } from './ru-help.js'
import { ruPhrases } from './ru-phrases.js'

export type { Messages } from './en.js'
export type { Language } from './language.js'

/** What the interface says in a language: its catalogue, and its phrases for the lower layers' sentences and help. */
export interface Speech {
  lang: Language
  t: Messages
  phrases: PhraseBook
  help: PhraseBook
}

let russian: Speech | undefined

export function speechOf(lang: Language): Speech {
  if (lang === 'en') return ENGLISH_SPEECH
  russian ??= { lang: 'ru', t: ru, phrases: phraseBook(ruPhrases()), help: phraseBook(ruHelp()) }
  return russian
}

export const ENGLISH_SPEECH: Speech = { lang: 'en', t: en, phrases: ENGLISH, help: ENGLISH }
