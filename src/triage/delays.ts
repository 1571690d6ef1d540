import type { Regulation } from '../regulation/load.js'
import type { DELAY_CAUSES } from '../regulation/vocabulary.js'
import { isFailureReport } from './intent.js'
import type { PatternName } from './lexicon/catalogue.js'
import { matches, pattern } from './lexicon/index.js'
import { normalize } from './text.js'
import { fromTranslit } from './translit.js'
import type { Warning } from './types.js'

type DelayCause = (typeof DELAY_CAUSES)[number]

/**
 * The lexicon pattern that finds each cause in a request's words (regulations/lexicon/), and what is found.
 * `failing`: only where the statement that names it says something does not work. A service named in a question how to
 * set it up, a wish, a price question, an address (ivan@ozon.ru) or a sentence saying it works («СДЭК считает
 * нормально, а фильтр — нет») is no function of that service failing: a cause of delay is what makes a fix wait.
 */
const READINGS: Record<DelayCause, { pattern: PatternName; found: string; failing?: true }> = {
  'third-party-service': {
    pattern: 'delay.thirdPartyService',
    found: 'the request concerns a function a third-party service provides',
    failing: true,
  },
  'no-site-access': { pattern: 'delay.noSiteAccess', found: 'the customer gives no access to the site' },
}

/**
 * The statements of a text: its sentences (a full stop inside «Яндекс.Маркет» or a domain ends none) and the two sides
 * of a contrast within one («…работает нормально, а вот фильтр не работает»).
 */
const STATEMENT_END = /[.!?…]+(?=\s|$)|\n+|,?\s+(?:а|но|однако|зато|but|while|whereas)\s+/u

/**
 * A statement that something does not work: not how to do something, not a wish, a price or work asked for. Read as
 * written and, typed in Latin letters, read back (a service's name is found as written: «CDEK ne rabotaet»).
 */
function saysFailing(statement: string): boolean {
  const read = fromTranslit(statement)
  return failing(statement) || (read !== statement && failing(normalize(read)))
}

function failing(statement: string): boolean {
  return (
    isFailureReport(statement) && !matches('intent.suggestion', statement) && !matches('verdict.priceAsked', statement)
  )
}

/**
 * The warning resolution_may_be_delayed for a served request whose words name a cause of delay its regulation lists
 * (`delayCauses`, regulations/README.md): the first such cause, in the regulation's order; none when it names none.
 * `texts`: the customer's own words, as read (Russian typed in Latin letters read back) and as written (where a
 * service's Latin name was left), the same text once when they do not differ.
 */
export function delayCauseWarning(reg: Regulation, texts: readonly string[]): Warning | undefined {
  const normalized = texts.map(normalize)
  for (const d of reg.delayCauses ?? []) {
    const reading = READINGS[d.cause]
    const re = pattern(reading.pattern)
    const found = normalized.some((text) =>
      reading.failing
        ? text.split(STATEMENT_END).some((statement) => re.test(statement) && saysFailing(statement))
        : re.test(text),
    )
    if (!found) continue
    return {
      code: 'resolution_may_be_delayed',
      clause: d.clause,
      message: `${reading.found}: §${d.clause} names this among the causes of a delayed (or impossible) resolution`,
    }
  }
  return undefined
}
