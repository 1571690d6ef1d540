/** A secret found in request text: where it is, never what it is. */
import { scriptRegExp } from './script-regexp.js'
export interface SecretSpan {
  kind: 'password' | 'login' | 'url_credentials' | 'private_key' | 'token'
  start: number
  end: number
}

const LABEL_PASSWORD = '(?:пароль|пасс|пароли|парол|pass(?:word)?|pwd|passwd|пасворд)'
const LABEL_LOGIN = '(?:логин|login|user(?:name)?|пользователь|юзер|учетка|учётка)'
// "пароль от FTP —", "password for the admin is"
const OF = String.raw`(?:\s+(?:от|для|к|на|from|for|of|to)(?:\s+[\p{L}\p{N}._-]+){0,3}?)?`
const QUOTED = String.raw`"[^"\n]{1,80}"|'[^'\n]{1,80}'|«[^»\n]{1,80}»`
// after an explicit separator anything is a value; without one only what looks like a secret (a digit or a symbol)
const VALUE = String.raw`(?:\s*(?:[:=—–-]|\bis\b|это)\s*(${QUOTED}|[^\s,;]{2,80})|\s+(${QUOTED}|(?=[^\s,;]*[\d!@#$%^&*_+])[^\s,;]{4,80}))`

const PATTERNS: { kind: SecretSpan['kind']; re: RegExp; group: number }[] = [
  // ftp://user:secret@host, mysql://user:secret@host
  { kind: 'url_credentials', re: /\b[a-z][a-z0-9+.-]*:\/\/([^\s:/@]+:[^\s@/]+)@/gi, group: 1 },
  {
    kind: 'private_key',
    re: /(-----BEGIN [A-Z ]*PRIVATE KEY-----[\s\S]*?(?:-----END [A-Z ]*PRIVATE KEY-----|$))/g,
    group: 1,
  },
  // mysql -u root -psecret / -p secret
  { kind: 'password', re: /\bmysql(?:dump)?\b[^\n]*?\s-p\s?([^\s-][^\s]*)/gi, group: 1 },
  {
    kind: 'password',
    re: scriptRegExp(String.raw`(?<![\p{L}])${LABEL_PASSWORD}[\p{L}]*${OF}${VALUE}`, 'giu'),
    group: 1,
  },
  { kind: 'login', re: scriptRegExp(String.raw`(?<![\p{L}])${LABEL_LOGIN}[\p{L}]*${OF}${VALUE}`, 'giu'), group: 1 },
  // "admin / qwerty123" after a word about access: login / password pair
  {
    kind: 'password',
    re: /(?:доступ|доступы|access|админк|ftp|ssh|sftp|бд|базе|базы|mysql|cpanel|панел)[^\n]{0,40}?\b[\w.@-]{2,40}\s*[/|:]\s*([^\s/|:,;]{4,80})/giu,
    group: 1,
  },
  { kind: 'token', re: /\b(?:token|токен|api[-_ ]?key|secret|ключ api)\s*[:=]\s*([A-Za-z0-9_\-.]{12,})/giu, group: 1 },
]

const NOT_A_SECRET =
  /^(?:и|или|на|в|к|от|не|нет|есть|был|была|будет|сайт|сайта|сайту|админки|админ-панели|забыл|сбросить|поменять|изменить|восстановить|неверный|неправильный|верный|для|по|is|the|for|to|reset|forgot|wrong|incorrect)$/i

/**
 * Finds logins, passwords and access data pasted in a request, so they can be masked and never
 * echoed. Errs on the side of masking: a false positive hides a word, a false negative leaks a secret.
 */
export function findSecrets(text: string): SecretSpan[] {
  const spans: SecretSpan[] = []
  for (const { kind, re, group } of PATTERNS) {
    re.lastIndex = 0
    for (const m of text.matchAll(re)) {
      // the value is in the first group that took part in the match
      const value = m.slice(group).find((g) => g !== undefined)
      if (!value || m.index === undefined) continue
      const bare = value.replace(/^["'«]|["'»]$/g, '')
      if (NOT_A_SECRET.test(bare)) continue
      if (kind === 'login' && bare.length < 3) continue
      const start = m.index + m[0].lastIndexOf(value)
      spans.push({ kind, start, end: start + value.length })
    }
  }
  return mergeSpans(spans)
}

/** The text with every secret replaced by a mask of fixed length (the length of a secret is a hint too). */
export function maskSecrets(text: string, spans: SecretSpan[] = findSecrets(text)): string {
  let out = ''
  let at = 0
  for (const s of spans) {
    out += `${text.slice(at, s.start)}••••••`
    at = s.end
  }
  return out + text.slice(at)
}

function mergeSpans(spans: SecretSpan[]): SecretSpan[] {
  const sorted = spans.sort((a, b) => a.start - b.start || b.end - a.end)
  const merged: SecretSpan[] = []
  for (const s of sorted) {
    const last = merged.at(-1)
    if (last && s.start <= last.end) last.end = Math.max(last.end, s.end)
    else merged.push({ ...s })
  }
  return merged
}

// Words that introduce pasted access data ("доступ в админку", "FTP:", "логин … пароль …").
const ACCESS_LABEL = scriptRegExp(
  String.raw`(?<![\p{L}])(?:доступ\p{L}*|реквизит\p{L}*|логин\p{L}*|парол\p{L}*|пасс|учетк\p{L}*|учётк\p{L}*|пользовател\p{L}*|юзер|login|password|passwd|pass|pwd|user(?:name)?|credentials?|access|ftp|sftp|ssh|rdp|phpmyadmin|pma|cpanel|isp ?manager|mysql|бд|хост|host)(?![\p{L}])`,
  'giu',
)

/**
 * The spans of a text that only carry access data: each secret together with the label words and host names that
 * lead up to it in the same sentence ("доступ в админку admin / qwerty123"). They say nothing about the problem,
 * and words like "сервер" or "админка" in them would pull the request towards server or admin topics.
 */
export function accessDataSpans(text: string, secrets: SecretSpan[] = findSecrets(text)): SecretSpan[] {
  const spans: SecretSpan[] = []
  for (const s of secrets) {
    // the sentence the secret is in: back to the last ". ", "!", "?" or line break
    const before = text.slice(0, s.start)
    const stops = [...before.matchAll(/[.!?](?=\s)|\n/g)]
    const boundary = Math.max((stops.at(-1)?.index ?? -1) + 1, s.start - 100, 0)
    let start = s.start
    ACCESS_LABEL.lastIndex = 0
    for (const m of text.slice(boundary, s.start).matchAll(ACCESS_LABEL)) {
      start = boundary + (m.index ?? 0)
      break
    }
    spans.push({ kind: s.kind, start, end: s.end })
  }
  return mergeSpans(spans)
}
