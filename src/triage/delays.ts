import type { Regulation } from '../regulation/load.js'
import type { DELAY_CAUSES } from '../regulation/vocabulary.js'
import type { PatternName } from './lexicon/catalogue.js'
import { pattern } from './lexicon/index.js'
import { normalize } from './text.js'
import type { Warning } from './types.js'

type DelayCause = (typeof DELAY_CAUSES)[number]

/**
 * The lexicon pattern that finds each cause in a request's words (regulations/lexicon/), and what is found.
 * `problems`: only in a request that says something does not work. A service named in a question how to set it up, a
 * wish or a price question is no function of that service failing: a cause of delay is something that makes a fix wait.
 */
const READINGS: Record<DelayCause, { pattern: PatternName; found: string; problems?: true }> = {
  'third-party-service': {
    pattern: 'delay.thirdPartyService',
    found: 'the request concerns a function a third-party service provides',
    problems: true,
  },
  'no-site-access': { pattern: 'delay.noSiteAccess', found: 'the customer gives no access to the site' },
}

/**
 * The warning resolution_may_be_delayed for a served request whose words name a cause of delay its regulation lists
 * (`delayCauses`, regulations/README.md): the first such cause, in the regulation's order; none when it names none.
 * `problem`: whether the request says something does not work (its intent, intent.ts).
 */
export function delayCauseWarning(reg: Regulation, words: string, problem: boolean): Warning | undefined {
  if (!reg.delayCauses?.length) return undefined
  const text = normalize(words)
  for (const d of reg.delayCauses) {
    const reading = READINGS[d.cause]
    if ((reading.problems && !problem) || !pattern(reading.pattern).test(text)) continue
    return {
      code: 'resolution_may_be_delayed',
      clause: d.clause,
      message: `${reading.found}: §${d.clause} names this among the causes of a delayed (or impossible) resolution`,
    }
  }
  return undefined
}
