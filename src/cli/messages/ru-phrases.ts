import type { Phrase } from './phrases.js'

/**
 * Russian for the sentences written outside the catalogue (src/cli/messages/phrases.ts): errors, notes and
 * warnings on stderr, triage reasons and warnings. Most specific first: the first pattern that matches the whole
 * sentence wins.
 */
export const RU_PHRASES: readonly Phrase[] = []
