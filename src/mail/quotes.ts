import { QUOTE_PATTERNS as P } from '../data/quote-patterns.js'

/** A letter's body split into the sender's new words and the rest (quotes, forwarded letters, signature). */
export interface SplitBody {
  /** what the sender wrote now: what triage reads */
  fresh: string
  /** the quoted and forwarded earlier correspondence and the signature, as they stand; empty when none */
  earlier: string
  /** the letter forwarded below a short cover note (the note's sender passes it on): the request is in it */
  forwarded: string
}

/** The most a cover note above a forwarded letter holds («Коллеги, пересылаю письмо клиента.»), in words. */
const COVER_NOTE_WORDS = 12

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
  const note = fresh.join('\n').trim()
  const atForward = cut < lines.length && P.forwards.some((r) => r.test((lines[cut] as string).trim()))
  const forwarded =
    atForward && note.split(/\s+/).filter(Boolean).length <= COVER_NOTE_WORDS
      ? forwardedLetter(lines.slice(cut + 1))
      : ''
  return { fresh: note, earlier: earlier.join('\n').trim(), forwarded }
}

/** A forwarded letter's own words: its header lines (From:, Date:…, an attribution) and its signature left out. */
function forwardedLetter(lines: string[]): string {
  const isHeader = (line: string) =>
    !line || P.headerBlock.test(line) || P.headerFollowers.test(line) || P.attributions.some((r) => r.test(line))
  let from = 0
  while (from < lines.length && isHeader((lines[from] as string).trim())) from++
  return splitBody(lines.slice(from).join('\n')).fresh
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
