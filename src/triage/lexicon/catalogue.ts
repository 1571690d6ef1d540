/**
 * Every word list and pattern triage reads requests with, by name: the language files of regulations/lexicon/ give
 * their contents (regulations/README.md, "The lexicon"), the code says how each is used. A pattern's flags are the
 * code's, not the files': whether it is global (replaced or counted) is a property of the code that runs it.
 */
export const LISTS = [
  'stopwords',
  'generic',
  'negations',
  'helpImperatives',
  'notImperatives',
  'translitWords',
  'notASecret',
  'latinTerms',
] as const

/** name → RegExp flags; `captures`: the code reads its groups, so its entries must be one regular expression */
export const PATTERNS = {
  'intent.work': { flags: 'u' },
  'intent.workPolite': { flags: '' },
  'intent.mayAskPolitely': { flags: '' },
  'intent.problem': { flags: 'u' },
  'intent.question': { flags: 'u' },
  'intent.imperative': { flags: 'gu', captures: true },
  'intent.suggestion': { flags: 'u' },
  'intent.howTo': { flags: 'gu' },
  'intent.selfAction': { flags: 'gu' },
  'intent.asksHow': { flags: 'u' },
  'intent.wish': { flags: 'gu' },
  'intent.workOffer': { flags: 'gu' },
  'intent.serviceAsked': { flags: 'u' },
  'verdict.priceAsked': { flags: 'u' },
  'verdict.refundAsked': { flags: 'u' },
  'verdict.priceTopic': { flags: 'u' },
  'verdict.productUpdate': { flags: 'u' },
  'delay.thirdPartyService': { flags: 'iu' },
  'delay.noSiteAccess': { flags: 'iu' },
  'matters.segment': { flags: 'gu' },
  'matters.separate': { flags: 'u' },
  'matters.announced': { flags: 'u' },
  'matters.numbered': { flags: '' },
  'matters.listMarker': { flags: 'gu' },
  'matters.stepItem': { flags: 'u' },
  'matters.fieldItem': { flags: 'u' },
  'reply.answeredQuestion': { flags: 'gu', captures: true },
  'information.url': { flags: 'iu', captures: true },
  'information.domain': { flags: 'iu', captures: true },
  'information.hostInUrl': { flags: 'iu' },
  'information.keyShape': { flags: 'i' },
  'information.keyLabelled': { flags: 'iu' },
  'information.labelledKey': { flags: 'giu' },
  'information.labelledDomain': { flags: 'giu' },
  'information.labelledVersion': { flags: 'giu' },
  'information.anyUrl': { flags: 'gi' },
  'information.anyEmail': { flags: 'g' },
  'information.version': { flags: 'iu' },
  'information.versionAfterVerb': { flags: 'iu' },
  'information.stepsListItem': { flags: 'gimu' },
  'information.stepsNarrative': { flags: 'iu' },
  'information.stepsLabel': { flags: 'iu' },
  'information.errorQuoted': { flags: 'u' },
  'information.errorText': { flags: 'iu' },
  'information.screenshot': { flags: 'iu' },
  'information.phone': { flags: '' },
  'information.email': { flags: '' },
  'information.telegram': { flags: 'iu' },
  'information.recentChanges': { flags: 'iu' },
  'information.presales': { flags: 'u' },
  'information.pagePath': { flags: 'iu' },
  'information.siteWide': { flags: 'u' },
  'scoring.negatedChange': { flags: 'gu' },
  'scoring.recentChange': { flags: 'gu' },
  'scoring.fearedDamage': { flags: 'gu' },
  'scoring.statedLicence': { flags: 'gu' },
  'scoring.mayNamePurchase': { flags: '' },
  'scoring.purchaseContext': { flags: 'gu' },
  'credentials.urlCredentials': { flags: 'gi', captures: true },
  'credentials.privateKey': { flags: 'g', captures: true },
  'credentials.mysqlPassword': { flags: 'gi', captures: true },
  'credentials.password': { flags: 'giu', captures: true },
  'credentials.latinPassword': { flags: 'giu', captures: true },
  'credentials.login': { flags: 'giu', captures: true },
  'credentials.latinLogin': { flags: 'giu', captures: true },
  // d: where the name is (match indices): it may also occur inside the label that follows ("user pass password")
  'credentials.loginBeforePassword': { flags: 'giud', captures: true },
  'credentials.passwordAfterWords': { flags: 'giu', captures: true },
  'credentials.labelledPairLogin': { flags: 'giu', captures: true },
  'credentials.labelledPairPassword': { flags: 'giu', captures: true },
  'credentials.pair': { flags: 'giu', captures: true },
  'credentials.accountPair': { flags: 'giu', captures: true },
  'credentials.token': { flags: 'giu', captures: true },
  'credentials.authorization': { flags: 'giu', captures: true },
  'credentials.curlUser': { flags: 'gi', captures: true },
  'credentials.configPassword': { flags: 'giu', captures: true },
  'credentials.keyShape': { flags: 'g', captures: true },
  // a test, not a search: flags of the patterns it stands before, less g (src/triage/credentials.ts secretsIn)
  'credentials.cue': { flags: 'iu' },
  'credentials.accessLabel': { flags: 'giu' },
} as const satisfies Record<string, { flags: string; captures?: boolean }>

export type ListName = (typeof LISTS)[number]
export type PatternName = keyof typeof PATTERNS

/** Russian written in Latin letters, read back (src/triage/translit.ts). */
export interface Transliteration {
  sequences: [string, string][]
  endings: [string, string][]
  letters: Record<string, string>
  /** words that begin with е, not э */
  eWords: string
  /** endings only a Russian word in Latin letters has */
  russianShape: string
}

/**
 * A pattern ready for `new RegExp`, with the strings of which each of its matches contains one when they can be told
 * (literals.ts): a text with none of them is not matched, and the pattern need not run.
 */
export interface CompiledPattern {
  source: string
  flags: string
  literals?: string[]
}

/** The lexicon as the build compiles it (scripts/compile-data.mjs): lists, and patterns ready for `new RegExp`. */
export interface CompiledLexicon {
  lists: Record<ListName, string[]>
  /** each pattern whole (for replace, split, match), and its entries apart (a test stops at the first that matches) */
  patterns: Record<PatternName, CompiledPattern & { parts: CompiledPattern[] }>
  transliteration: Transliteration
}

/** The key of the compiled lexicon among the build's data, and what it is checked against. 3: literals. */
export const LEXICON_KEY = 'lexicon'
export const LEXICON_FORMAT = 'lexicon 3'
