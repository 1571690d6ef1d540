import { SECRET_MASK } from '../data/secret-mask.js'
import type { SecretValue } from './ticket.js'

/** Where a credential is in a text (triage/credentials.ts finds them; the ticket model only keeps them apart). */
export interface SecretSpan {
  start: number
  end: number
  kind: string
}

/** What stands in a stored text for a credential. */
export { SECRET_MASK } from '../data/secret-mask.js'
/** What stands in a text for a credential after `purge-secrets` removed it for good. */
export const PURGED_MASK = '[removed]'

/**
 * Takes the credentials out of a text: returns the text with a mask in their place, and the
 * values with where they go. `spans` are the credentials found in it, in text order
 * (triage/credentials.ts `findSecrets`, which errs on the side of masking).
 *
 * @example
 * splitSecrets('pass: qwerty1', 'text', findSecrets('pass: qwerty1')) //=> { text: 'pass: ••••••', secrets: [{ field: 'text', kind: 'password', offset: 6, value: 'qwerty1' }] }
 */
export function splitSecrets(
  text: string,
  field: string,
  spans: readonly SecretSpan[],
): { text: string; secrets: SecretValue[] } {
  if (!spans.length) return { text, secrets: [] }
  let out = ''
  let at = 0
  const secrets: SecretValue[] = []
  for (const s of spans) {
    out += text.slice(at, s.start)
    secrets.push({ field, kind: s.kind, offset: out.length, value: text.slice(s.start, s.end) })
    out += SECRET_MASK
    at = s.end
  }
  return { text: out + text.slice(at), secrets }
}

/** The original text of `field`: the masked text with its secrets put back. */
export function revealSecrets(masked: string, field: string, secrets: readonly SecretValue[] | undefined): string {
  if (!secrets?.length) return masked
  let out = ''
  let at = 0
  for (const s of secrets) {
    if (s.field !== field || s.offset < at) continue
    out += masked.slice(at, s.offset) + s.value
    at = s.offset + SECRET_MASK.length
  }
  return out + masked.slice(at)
}

/** The masked text with each secret's mask replaced by PURGED_MASK (after the values are dropped). */
export function purgedText(masked: string, field: string, secrets: readonly SecretValue[] | undefined): string {
  if (!secrets?.length) return masked
  let out = ''
  let at = 0
  for (const s of secrets) {
    if (s.field !== field || s.offset < at) continue
    out += masked.slice(at, s.offset) + PURGED_MASK
    at = s.offset + SECRET_MASK.length
  }
  return out + masked.slice(at)
}
