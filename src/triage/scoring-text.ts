import { accessDataSpans } from './credentials.js'
import { withoutIdentifiers } from './information.js'
import { matches, replaced } from './lexicon/index.js'
import { stems } from './text.js'

// What is taken out is in regulations/lexicon/*.yaml (scoring.*):
// - changes the customer rules out ("ничего не меняли", "nothing was changed"): left in, the change verb would speak
//   for the topics about modified code;
// - the recent changes he lists as context ("последнее, что делали — добавили пару товаров"): context for the
//   diagnosis, not the matter;
// - a fear of breaking the site ("сами боимся что-нибудь сломать"): why he asks for the work, no failure;
// - what he bought, told as background ("лицензию купили в январе"), and the licence he states with its date
//   ("Лицензия Pro от 6 ноября"): left in, they would speak for licence topics.

/**
 * The part of a request that speaks about its matter: without identifiers (key, domain, URLs, versions), without
 * pasted access data, without changes the customer explicitly rules out and without the recent changes he lists as context.
 */
export function scoringText(text: string): string {
  let out = ''
  let at = 0
  for (const s of accessDataSpans(text)) {
    out += `${text.slice(at, s.start)} `
    at = s.end
  }
  out += text.slice(at)
  // lower case from here on (the patterns have no i flag: it doubles what V8 takes to compile them); the stated
  // licence goes before the identifiers do, as the date it needs ("от 02.11") is one of them
  let matter = withoutIdentifiers(replaced('scoring.statedLicence', out.toLowerCase(), ' '))
  for (const name of ['scoring.negatedChange', 'scoring.recentChange', 'scoring.fearedDamage'] as const)
    matter = replaced(name, matter, ' ')
  // a request that only says what was bought is about the purchase
  // the pattern is costly to compile: only a text that names a purchase runs it
  const withoutPurchase = matches('scoring.mayNamePurchase', matter)
    ? replaced('scoring.purchaseContext', matter, ' ')
    : matter
  return stems(withoutPurchase).length >= 2 ? withoutPurchase : matter
}
