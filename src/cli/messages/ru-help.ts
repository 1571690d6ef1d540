import type { Phrase } from './phrases.js'

/** Russian for the help: descriptions of commands, options and arguments, commander's own words. */
export const RU_HELP: readonly Phrase[] = []
