import { accessDataSpans } from './credentials.js'
import { withoutIdentifiers } from './information.js'
import { scriptRegExp } from './script-regexp.js'

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
    // English: "nothing was changed", "we didn't touch anything", "no changes were made", "haven't modified"
    String.raw`\b(?:nothing|no one|nobody)\s+(?:\w+\s+){0,2}?(?:chang|modif|touch|edit|updat|instal)\w*`,
    String.raw`\b(?:did not|didn't|have not|haven't|has not|hasn't|never)\s+(?:\w+\s+){0,1}?(?:chang|modif|touch|edit|updat|instal)\w*(?:\s+(?:anything|it|the code|code))?`,
    String.raw`\bno\s+(?:code\s+)?(?:changes|modifications|edits)\b(?:\s+(?:were|was|have been)\s+\w+)?`,
  ].join('|'),
  'giu',
)

/**
 * The part of a request that speaks about its matter: without identifiers (key, domain, URLs, versions), without
 * pasted access data and without changes the customer explicitly rules out.
 */
export function scoringText(text: string): string {
  let out = ''
  let at = 0
  for (const s of accessDataSpans(text)) {
    out += `${text.slice(at, s.start)} `
    at = s.end
  }
  out += text.slice(at)
  return withoutIdentifiers(out).replace(NEGATED_CHANGE, ' ')
}
