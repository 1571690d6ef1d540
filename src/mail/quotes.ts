import { QUOTE_PATTERNS as P } from '../data/quote-patterns.js'

/** A letter's body split into the sender's new words and the rest (quotes, forwarded letters, signature). */
export interface SplitBody {
  /** what the sender wrote now: what triage reads */
  fresh: string
  /** the quoted and forwarded earlier correspondence and the signature, as they stand; empty when none */
  earlier: string
}

/**
 * Splits a plain-text body where the new part ends: at the first separator, attribution, Outlook header block,
 * signature delimiter, device line or closing sign-off (src/data/quote-patterns.ts); quoted (`>`) lines before it are left
 * out of the new part too. Nothing is dropped: `fresh` and `earlier` together hold every line.
 */
export function splitBody(body: string): SplitBody {
  const lines = body.replace(/\r\n?/g, '\n').split('\n')
  const cut = cutIndex(lines)
  const fresh: string[] = []
  const earlier: string[] = []
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string
    if (i >= cut || P.quoted.test(line)) earlier.push(line)
    else fresh.push(line)
  }
  return { fresh: fresh.join('\n').trim(), earlier: earlier.join('\n').trim() }
}

function cutIndex(lines: string[]): number {
  const end = lines.length
  for (let i = 0; i < end; i++) {
    const line = (lines[i] as string).trim()
    if (!line) continue
    if (P.signature.test(lines[i] as string) || P.separators.some((r) => r.test(line))) return i
    if (P.attributions.some((r) => r.test(line))) return i
    const joined = `${line} ${(lines[i + 1] ?? '').trim()}`
    if (P.attributions.some((r) => r.test(joined)) && isQuoteAfter(lines, i + 2)) return i
    if (P.headerBlock.test(line) && lines.slice(i + 1, i + 5).some((l) => P.headerFollowers.test(l.trim()))) return i
    if (P.devices.some((r) => r.test(line)) && nonEmptyAfter(lines, i + 1, lines.length) === 0) return i
    if (P.signOffs.some((r) => r.test(line)) && nonEmptyAfter(lines, i + 1, nextCut(lines, i + 1)) <= P.signOffTail)
      return i
  }
  return end
}

/** A wrapped attribution counts only when a quote follows it (blank lines aside). */
function isQuoteAfter(lines: string[], from: number): boolean {
  for (let k = from; k < lines.length; k++) {
    const l = lines[k] as string
    if (l.trim()) return P.quoted.test(l)
  }
  return false
}

/** Where the earlier correspondence below a sign-off starts: the sign-off is judged by the lines before it. */
function nextCut(lines: string[], from: number): number {
  for (let k = from; k < lines.length; k++) {
    const l = (lines[k] as string).trim()
    if (
      P.quoted.test(lines[k] as string) ||
      P.signature.test(lines[k] as string) ||
      P.separators.some((r) => r.test(l)) ||
      P.attributions.some((r) => r.test(l)) ||
      P.headerBlock.test(l)
    )
      return k
  }
  return lines.length
}

function nonEmptyAfter(lines: string[], from: number, to: number): number {
  let n = 0
  for (let k = from; k < to; k++) if ((lines[k] as string).trim()) n++
  return n
}
