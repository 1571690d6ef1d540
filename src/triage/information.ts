import type { INFORMATION_IDS } from '../regulation/schema.js'
import { matches, type PatternName, pattern, replaced } from './lexicon/index.js'
import { normalize } from './text.js'

export type InformationId = (typeof INFORMATION_IDS)[number]

// The shapes and words looked for are in regulations/lexicon/*.yaml (information.*).

/**
 * What a request text contains of the information a regulation asks for. Each detector looks for
 * the shape of the thing (a key, a domain, a version number), not for a word that names it:
 * "мой домен" without a domain is still missing the domain.
 */
export const DETECTORS: Record<InformationId, (raw: string, norm: string) => boolean> = {
  license_key: (raw, norm) => matches('information.keyShape', raw) || matches('information.keyLabelled', norm),
  domain: (raw) => matches('information.domain', stripEmails(raw)) || matches('information.hostInUrl', raw),
  site_url: (raw) => matches('information.hostInUrl', raw) || matches('information.domain', stripEmails(raw)),
  page_url: (raw) => {
    if (matches('information.pagePath', raw)) return true
    const url = raw.match(pattern('information.url'))
    if (url?.[1] && url[1].length > 1) return true
    const dom = stripEmails(raw).match(pattern('information.domain'))
    return Boolean(dom?.[1] && dom[1].length > 1)
  },
  version: (_raw, norm) => matches('information.version', norm) || matches('information.versionAfterVerb', norm),
  steps: (raw, norm) =>
    (raw.match(pattern('information.stepsListItem'))?.length ?? 0) >= 2 ||
    matches('information.stepsNarrative', norm) ||
    matches('information.stepsLabel', norm),
  error_text: (raw, norm) => matches('information.errorQuoted', raw) || matches('information.errorText', norm),
  screenshot: (_raw, norm) => matches('information.screenshot', norm),
  contact: (raw) =>
    matches('information.phone', raw) || matches('information.email', raw) || matches('information.telegram', raw),
  recent_changes: (_raw, norm) => matches('information.recentChanges', norm),
}

/** The identifying data taken out of a request, in this order (the labels go after what they label is gone). */
const IDENTIFIERS: readonly PatternName[] = [
  'information.anyUrl',
  'information.anyEmail',
  'information.labelledKey',
  'information.labelledDomain',
  'information.labelledVersion',
]

/**
 * The request without the identifying data it carries (licence key, domain, URLs, e-mails,
 * version numbers and the words that label them): "ключ ABCD-…" says who the customer is,
 * not that the licence key is the problem.
 */
export function withoutIdentifiers(text: string): string {
  let out = text
  for (const name of IDENTIFIERS) out = replaced(name, out, ' ')
  return out
}

/** What a regulation asks of every request: who the customer is and what he runs. The rest describes a problem. */
const OF_EVERY_REQUEST: ReadonlySet<InformationId> = new Set([
  'license_key',
  'domain',
  'site_url',
  'contact',
  'version',
])

/**
 * The required items a request is asked for: all of them for a problem report (but the page of a failure of the
 * whole site, «на всех страницах 500»); for a question or a request for work, who the customer is and what he runs
 * (steps, error text and screenshots describe a failure); none for a question before a purchase ("сколько стоит
 * лицензия"), which no regulation asks to identify a site for.
 */
export function askedOf(required: readonly InformationId[], text: string, problem: boolean): InformationId[] {
  const norm = normalize(text)
  // a wish for the product («предлагаю добавить…, очень не хватает») reports no failure, whatever its words; the whole
  // site down has no page to name
  if (problem && !matches('intent.suggestion', norm))
    return matches('information.siteWide', norm) ? required.filter((id) => id !== 'page_url') : [...required]
  if (matches('information.presales', norm)) return []
  return required.filter((id) => OF_EVERY_REQUEST.has(id))
}

/** The required information ids that the text does not contain. */
export function missingInformation(text: string, required: readonly InformationId[]): InformationId[] {
  const norm = normalize(text)
  return required.filter((id) => !DETECTORS[id](text, norm))
}

function stripEmails(text: string): string {
  return text.replace(/(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g, ' ')
}
