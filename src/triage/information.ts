import type { INFORMATION_IDS } from '../regulation/schema.js'
import { scriptRegExp } from './script-regexp.js'
import { normalize } from './text.js'

export type InformationId = (typeof INFORMATION_IDS)[number]

const TLD =
  '(?:ru|рф|su|com|net|org|info|biz|pro|shop|store|online|site|io|me|by|kz|ua|uz|de|eu|us|uk|tech|dev|app|moscow|спб|москва|[a-z]{2})'
const HOST = String.raw`(?:[a-z0-9а-я](?:[a-z0-9а-я-]{0,61}[a-z0-9а-я])?\.)+${TLD}`
const URL_RE = new RegExp(String.raw`\bhttps?:\/\/${HOST}(?::\d+)?(\/[^\s"'»)]*)?`, 'iu')
const DOMAIN_RE = new RegExp(String.raw`(?<![@\w.-])(?:www\.)?${HOST}(?![\w-])(\/[^\s"'»)]*)?`, 'iu')

// compiled once: withoutIdentifiers runs on every request
const VERSION_AFTER_VERB = scriptRegExp(
  String.raw`(?:обнов\p{L}*|update\p{L}*|upgrade\p{L}*|была|был|стояла|стоит|установлен\p{L}*|running|on)\s+(?:\p{L}+\s+){0,2}\d+\.\d+`,
  'iu',
)
const LABELLED_KEY = scriptRegExp(
  String.raw`(?:(?:номер\s+)?(?:лицензионн\p{L}*\s+)?(?:ключ\p{L}*|key|лицензи\p{L}*)\s*(?:№|#|:|-)?\s*)?\b[A-Z0-9]{4,}(?:-[A-Z0-9]{4,}){2,}\b`,
  'giu',
)
const LABELLED_DOMAIN = scriptRegExp(
  String.raw`(?:(?:домен|domain|сайт|site)\p{L}*\s*[:-]?\s*)?(?<![@\w.-])(?:www\.)?${HOST}(?![\w-])(?:\/\S*)?`,
  'giu',
)
const LABELLED_VERSION = scriptRegExp(
  String.raw`(?:(?:верси\p{L}*|version|вер\.|ver\.?)\s*[:№#]?\s*)?\bv?\d+(?:\.\d+){1,3}\b`,
  'giu',
)

/**
 * What a request text contains of the information a regulation asks for. Each detector looks for
 * the shape of the thing (a key, a domain, a version number), not for a word that names it:
 * "мой домен" without a domain is still missing the domain.
 */
export const DETECTORS: Record<InformationId, (raw: string, norm: string) => boolean> = {
  license_key: (raw, norm) =>
    /\b[A-Z0-9]{4,}(?:-[A-Z0-9]{4,}){2,}\b/i.test(raw) ||
    /\b[a-f0-9]{24,64}\b/i.test(raw) ||
    /(?:ключ\w*|key|лицензи\w*)\s*(?:№|#|:|-)?\s*[A-Za-z0-9]*\d[A-Za-z0-9-]{5,}/iu.test(norm),
  domain: (raw) => DOMAIN_RE.test(stripEmails(raw)) || URL_RE.test(raw),
  site_url: (raw) => URL_RE.test(raw) || DOMAIN_RE.test(stripEmails(raw)),
  page_url: (raw) => {
    const url = raw.match(URL_RE)
    if (url?.[1] && url[1].length > 1) return true
    const dom = stripEmails(raw).match(DOMAIN_RE)
    return Boolean(dom?.[1] && dom[1].length > 1)
  },
  version: (_raw, norm) =>
    /(?:верси\w*|version|вер\.|ver\.?|v\.?|релиз\w*|release)\s*[:№#]?\s*\d+(?:[.,]\d+)+/iu.test(norm) ||
    /\b(?:v|версия\s*)\d+(?:\.\d+)+\b/iu.test(norm) ||
    VERSION_AFTER_VERB.test(norm) ||
    /\b\d+\.\d+\.\d+(?:\.\d+)?\b/.test(norm),
  steps: (raw, norm) =>
    (raw.match(/^\s*(?:\d+[.)]|[-*•]|шаг\s*\d+)\s+\S/gimu)?.length ?? 0) >= 2 ||
    /(?:сначала|первым делом|захожу|зашел|зашла|открываю|нажимаю|нажал|нажала|перехожу|выбираю|step\s*\d|steps to reproduce|i click|i open)[^\n]{0,200}(?:потом|затем|после этого|далее|и вижу|и получаю|then|and get|and see)/iu.test(
      norm,
    ) ||
    /(?:шаги|шаг\s*1|steps)\s*(?:воспроизведения)?\s*:/iu.test(norm),
  error_text: (raw, norm) =>
    /["«“„'][^"»”'\n]{6,}["»”']/u.test(raw) ||
    /(?:fatal error|parse error|warning:|notice:|exception|traceback|stack trace|uncaught|sqlstate|error\s*\d{3}|ошибка\s*\d{3}|\b[45]\d\d\b\s*(?:error|ошибк)|(?:ошибка|error|пишет|выдает|выдаёт|сообщение)\s*:\s*\S)/iu.test(
      norm,
    ),
  screenshot: (_raw, norm) =>
    /(?:скрин\w*|screen\s*shot\w*|screenshot\w*|снимок экрана|во вложени\w*|прикрепил\w*|прикладываю|приложил\w*|attach\w*|\.(?:png|jpe?g|gif|webp)\b)/iu.test(
      norm,
    ),
  contact: (raw) =>
    /(?:\+7|8)[\s(-]*\d{3}[\s)-]*\d{3}[\s-]*\d{2}[\s-]*\d{2}/.test(raw) ||
    /\b[\w.+-]+@[\w-]+\.[\w.-]+\b/.test(raw) ||
    /(?:telegram|телеграм|tg)\s*:?\s*@\w{4,}/iu.test(raw),
  recent_changes: (_raw, norm) =>
    /(?:после\s+(?:обновлени|установк|переезд|переноса|смены|изменени|правк|добавлени|подключени)|вчера\s+(?:обнов|установ|измен|поменя)|недавно\s+(?:обнов|установ|измен|поменя)|ничего не (?:меняли|трогали|делали)|after (?:the )?(?:update|upgrade|install|migration|change)|we (?:changed|updated|installed)|(?:обновил|обновили|установил|установили|поменял|поменяли|изменил|изменили)\w*)/iu.test(
      norm,
    ),
}

/**
 * The request without the identifying data it carries (licence key, domain, URLs, e-mails,
 * version numbers and the words that label them): "ключ ABCD-…" says who the customer is,
 * not that the licence key is the problem.
 */
export function withoutIdentifiers(text: string): string {
  return text
    .replace(/\b[a-z][a-z0-9+.-]*:\/\/\S+/gi, ' ')
    .replace(/\S+@\S+\.\S+/g, ' ')
    .replace(LABELLED_KEY, ' ')
    .replace(LABELLED_DOMAIN, ' ')
    .replace(LABELLED_VERSION, ' ')
}

/** The required information ids that the text does not contain. */
export function missingInformation(text: string, required: readonly InformationId[]): InformationId[] {
  const norm = normalize(text)
  return required.filter((id) => !DETECTORS[id](text, norm))
}

function stripEmails(text: string): string {
  return text.replace(/\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g, ' ')
}
