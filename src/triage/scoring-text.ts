import { accessDataSpans } from './credentials.js'
import { withoutIdentifiers } from './information.js'
import { scriptRegExp } from './script-regexp.js'
import { stems } from './text.js'

/**
 * "Ничего не меняли", "в код ничего не вносили", "nothing was changed": the customer rules a change out. Left in,
 * the change verb would speak for the topics about modified code or changes made by the customer.
 */
const NEGATED_CHANGE = scriptRegExp(
  [
    // "ничего не меняли", "никто ничего не трогал", "никаких изменений не вносили", "код не правили"
    String.raw`(?<!\p{L})(?:ничего|ничем|никто|никаких|никакие|никакого)(?:\s+\p{L}+){0,2}?\s+(?:не\s+)?(?:меня|поменя|измен|трога|тронул|внос|внес|внёс|прав|прави|редактир|делал|делали|ставил|устанавлива|обновля|обновл|добавля)\p{L}*(?:\s+изменени\p{L}*)?`,
    String.raw`(?<!\p{L})(?:никаких|никакие)\s+(?:изменени|правок|правки|доработок|доработки)\p{L}*(?:\s+не\s+\p{L}+)?`,
    String.raw`(?<!\p{L})не\s+(?:меняли|поменяли|изменяли|трогали|вносили|правили|редактировали|модифицировали|дорабатывали)(?!\p{L})`,
    // "статус не меняется", "сумма не изменяется": a value that does not change is a failure, not a change made
    String.raw`(?<!\p{L})не\s+(?:по|из)?меня(?:ет|ют|ется|ются)(?!\p{L})`,
    // English: "nothing was changed", "we didn't touch anything", "no changes were made", "haven't modified"
    String.raw`\b(?:nothing|no one|nobody)\s+(?:\w+\s+){0,2}?(?:chang|modif|touch|edit|updat|instal)\w*`,
    String.raw`\b(?:did not|didn't|have not|haven't|has not|hasn't|never)\s+(?:\w+\s+){0,1}?(?:chang|modif|touch|edit|updat|instal)\w*(?:\s+(?:anything|it|the code|code))?`,
    String.raw`\bno\s+(?:code\s+)?(?:changes|modifications|edits)\b(?:\s+(?:were|was|have been)\s+\w+)?`,
  ].join('|'),
  'gu',
)

/**
 * "Последнее, что делали — добавили пару товаров", "из последних изменений: …", "the last thing we did was …": the
 * customer answers the regulation's question about recent changes (umi asks for it). That is context for the
 * diagnosis, not the matter of the request: left in, "добавили товары" would speak for content filling.
 */
const RECENT_CHANGE = scriptRegExp(
  [
    String.raw`(?<!\p{L})(?:последнее|последним|из\s+последн\p{L}*)(?:\s*,)?\s+(?:что\s+)?(?:мы\s+)?(?:делали|сделали|меняли|поменяли|изменяли|трогали|изменени\p{L}*|правки|действи\p{L}*)\s*(?:было|был[иа]?)?\s*[:—–-]?[^.!?\n]*`,
    String.raw`(?<!\p{L})последние\s+изменени\p{L}*\s*[:—–-][^.!?\n]*`,
    String.raw`\b(?:the\s+)?last\s+(?:thing|change)\s+(?:we|i)\s+(?:did|made|changed)\b[^.!?\n]*|\brecent\s+changes\s*[:—–-][^.!?\n]*`,
  ].join('|'),
  'gu',
)

/**
 * "Сами боимся что-нибудь сломать", "we're afraid to break something": a fear of breaking the site explains why the
 * customer asks for the work; it reports no failure, and its "сломать" would speak for the failure topics.
 */
const FEARED_DAMAGE = scriptRegExp(
  String.raw`(?<!\p{L})(?:боимся|боюсь|опасаемся|страшно|побаиваемся)(?:\s+[\p{L}-]+){0,3}?\s+(?:слома|полома|испорт|потеря|угроб|завали)\p{L}*|\b(?:afraid|scared|worried)\s+(?:to|we(?:'ll| will)?|i(?:'ll| will)?|of)\s+(?:\w+\s+){0,1}?(?:break|breaking|damage|damaging|lose|losing|mess)\w*`,
  'gu',
)

/**
 * "Лицензию купили в январе", "we bought a Moguta license yesterday": the customer tells what he bought as the
 * background of his request; left in, the purchase would speak for the topics about buying a licence. What follows
 * the purchase in the same sentence stays ("купили лицензию, а ключ не пришёл" still speaks of the key). Paying is
 * not background: "оплатили продление, а срок не обновился" is about the payment.
 */
const MAY_NAME_PURCHASE = /куп|приобр|bought|purchas/
const PURCHASE_CONTEXT = scriptRegExp(
  [
    String.raw`(?<!\p{L})(?:(?:мы|я)\s+)?(?:недавно\s+|вчера\s+|уже\s+|только\s+что\s+)?(?:купили|купил|купила|покупали|покупал|покупала|приобрели|приобрел|приобрела|приобретали)\s+(?:\p{L}+\s+){0,1}?(?:лицензи|ключ|верси|редакци|тариф|подписк)\p{L}*(?:\s+[\p{L}\d.+-]+){0,3}?(?=\s*(?:[,.;:!?—–\n]|$|\s+(?:и|а|но)\s))`,
    String.raw`(?<!\p{L})(?:лицензи|ключ|верси|редакци|тариф|подписк)\p{L}*(?:\s+[\p{L}\d.+-]+){0,3}?\s*,?\s+(?:мы\s+|я\s+)?(?:купили|купил|купила|покупали|покупал|покупала|приобрели|приобрел|приобрела|приобретали)(?:\s+\p{L}+){0,2}?(?=\s*(?:[,.;:!?—–\n]|$|\s+(?:и|а|но)\s))`,
    String.raw`\b(?:we|i)\s+(?:have\s+|just\s+|recently\s+|already\s+)*(?:bought|purchased)\s+(?:a|an|the|our|one)?\s*(?:[\w+.-]+\s+){0,2}?licen[cs]es?(?:\s+[\w.-]+){0,2}?(?=\s*(?:[,.;:!?\n]|$|\s+(?:and|but)\s))`,
  ].join('|'),
  'gu',
)

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
  // lower case from here on (the patterns have no i flag: it doubles what V8 takes to compile them)
  const matter = withoutIdentifiers(out)
    .toLowerCase()
    .replace(NEGATED_CHANGE, ' ')
    .replace(RECENT_CHANGE, ' ')
    .replace(FEARED_DAMAGE, ' ')
  // a request that only says what was bought is about the purchase
  // the pattern is costly to compile: only a text that names a purchase runs it
  const withoutPurchase = MAY_NAME_PURCHASE.test(matter) ? matter.replace(PURCHASE_CONTEXT, ' ') : matter
  return stems(withoutPurchase).length >= 2 ? withoutPurchase : matter
}
