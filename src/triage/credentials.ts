import { SECRET_MASK } from '../data/secret-mask.js'
import { type PatternName, pattern, wordList } from './lexicon/index.js'

/** A secret found in request text: where it is, never what it is. */
export interface SecretSpan {
  kind: 'password' | 'login' | 'url_credentials' | 'private_key' | 'token'
  start: number
  end: number
}

/** The patterns that find access data (regulations/lexicon/*.yaml, credentials.*), each with the kind it finds. */
export const FINDERS: readonly { kind: SecretSpan['kind']; name: PatternName }[] = [
  { kind: 'url_credentials', name: 'credentials.urlCredentials' },
  { kind: 'private_key', name: 'credentials.privateKey' },
  { kind: 'password', name: 'credentials.mysqlPassword' },
  { kind: 'password', name: 'credentials.password' },
  { kind: 'password', name: 'credentials.latinPassword' },
  { kind: 'login', name: 'credentials.login' },
  { kind: 'login', name: 'credentials.latinLogin' },
  { kind: 'login', name: 'credentials.loginBeforePassword' },
  { kind: 'password', name: 'credentials.passwordAfterWords' },
  { kind: 'login', name: 'credentials.labelledPairLogin' },
  { kind: 'password', name: 'credentials.labelledPairPassword' },
  { kind: 'password', name: 'credentials.pair' },
  { kind: 'password', name: 'credentials.accountPair' },
  { kind: 'token', name: 'credentials.token' },
  { kind: 'token', name: 'credentials.authorization' },
  { kind: 'password', name: 'credentials.curlUser' },
  { kind: 'password', name: 'credentials.configPassword' },
  { kind: 'token', name: 'credentials.keyShape' },
]

/**
 * Finds logins, passwords and access data pasted in a request, so they can be masked and never
 * echoed. Errs on the side of masking: a false positive hides a word, a false negative leaks a secret.
 */
export function findSecrets(text: string): SecretSpan[] {
  if (text !== lastRead.text) lastRead = { text, spans: secretsIn(text) }
  return lastRead.spans.map((s) => ({ ...s }))
}

/** The text read last: a request is read for secrets by its warnings, by the scope model and by the topic scoring. */
let lastRead: { text: string | undefined; spans: readonly SecretSpan[] } = { text: undefined, spans: [] }

function secretsIn(text: string): SecretSpan[] {
  // most texts hold no label of access data: one search for any (regulations/lexicon/common.yaml) spares the others
  if (!pattern('credentials.cue').test(text)) return []
  const spans: SecretSpan[] = []
  const notASecret = wordList('notASecret')
  for (const { kind, name } of FINDERS) {
    const re = pattern(name)
    for (let m = firstMatch(re, text); m; m = nextMatch(re, text, m)) {
      // the value is in the first group that took part in the match
      const group = m.findIndex((g, i) => i > 0 && g !== undefined)
      const value = m[group]
      if (!value) continue
      const bare = value.replace(/^["'«]|["'»]$/g, '')
      // a word the sentence goes on after («password: YES)» in a database error) is no secret either
      const word = bare.toLowerCase()
      if (notASecret.has(word) || notASecret.has(word.replace(/[).,;:!?]+$/, ''))) continue
      if (kind === 'login' && bare.length < 3) continue
      // where the group is, when the finder knows (flag d); else its last occurrence in the match, where values end
      const start = m.indices?.[group]?.[0] ?? m.index + m[0].lastIndexOf(value)
      spans.push({ kind, start, end: start + value.length })
    }
  }
  return mergeSpans(spans)
}

/*
 * The matches of a finder (global) one by one, as text.matchAll(re) gives them, on the finder itself: matchAll makes
 * a new RegExp of it for every text, which cost more than most texts' search (two texts per imported row, fifteen
 * finders each). The search starts at 0 and leaves lastIndex at 0 when it ends (exec does, finding nothing).
 */
function firstMatch(re: RegExp, text: string): RegExpExecArray | null {
  // as matchAll: exec of a pattern that is not global would find its first match again and again
  if (!re.global) throw new TypeError(`a credentials finder must be global: ${re}`)
  re.lastIndex = 0
  return re.exec(text)
}

function nextMatch(re: RegExp, text: string, last: RegExpExecArray): RegExpExecArray | null {
  // an empty match moves on by a character (a code point under the u flag), as matchAll does
  if (last[0] === '') re.lastIndex = advance(text, re.lastIndex, re.unicode)
  return re.exec(text)
}

function advance(text: string, at: number, unicode: boolean): number {
  if (!unicode || at + 1 >= text.length) return at + 1
  const c = text.charCodeAt(at)
  const next = text.charCodeAt(at + 1)
  return c >= 0xd800 && c <= 0xdbff && next >= 0xdc00 && next <= 0xdfff ? at + 2 : at + 1
}

/** The text with every secret replaced by a mask of fixed length (the length of a secret is a hint too). */
export function maskSecrets(text: string, spans: SecretSpan[] = findSecrets(text)): string {
  let out = ''
  let at = 0
  for (const s of spans) {
    out += `${text.slice(at, s.start)}${SECRET_MASK}`
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

/** Where a sentence ends: a full stop, «!» or «?» before a blank, or a line break. */
const SENTENCE_STOP = /[.!?](?=\s)|\n/g

/**
 * The spans of a text that only carry access data: each secret together with the label words and host names that
 * lead up to it in the same sentence ("доступ в админку admin / qwerty123"). They say nothing about the problem,
 * and words like "сервер" or "админка" in them would pull the request towards server or admin topics.
 */
export function accessDataSpans(text: string, secrets: SecretSpan[] = findSecrets(text)): SecretSpan[] {
  const spans: SecretSpan[] = []
  for (const s of secrets) {
    // the sentence the secret is in: back to the last ". ", "!", "?" or line break, within the 100 characters before
    // it (looked for in those only: a log of 10,000 passwords searched the whole text before each, minutes long)
    const from = Math.max(s.start - 100, 0)
    let boundary = from
    for (const m of text.slice(from, s.start).matchAll(SENTENCE_STOP)) boundary = from + (m.index ?? 0) + 1
    let start = s.start
    for (const m of text.slice(boundary, s.start).matchAll(pattern('credentials.accessLabel'))) {
      start = boundary + (m.index ?? 0)
      break
    }
    spans.push({ kind: s.kind, start, end: s.end })
  }
  return mergeSpans(spans)
}
