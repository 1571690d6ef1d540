import type { Ticket } from './ticket.js'

/** Id prefixes of the shipped regulations; others derive theirs from the regulation id. */
const PREFIXES: Readonly<Record<string, string>> = {
  moguta: 'MG',
  advantshop: 'AS',
  mst: 'MS',
  imagecms: 'IC',
  umi: 'UM',
}

/**
 * The id prefix of a regulation: MG, AS, MS, IC, UM for the shipped ones, else the first two
 * letters of the id ("acme" → "AC"). Two regulations may share a prefix: numbering is per prefix,
 * so ids stay unique.
 */
export function idPrefix(regulation: string): string {
  const known = PREFIXES[regulation]
  if (known) return known
  const letters = regulation.replace(/[^a-z]/g, '').toUpperCase()
  return (letters.slice(0, 2) || 'TK').padEnd(2, 'X')
}

/** The next free id for a prefix: one more than the highest used, six digits at least ("MG-000124"). */
export function nextId(tickets: readonly Ticket[], prefix: string): string {
  const head = `${prefix}-`
  let max = 0
  for (const t of tickets) {
    if (!t.id.startsWith(head)) continue
    const n = Number(t.id.slice(head.length))
    if (n > max) max = n
  }
  return formatId(prefix, max + 1)
}

export function formatId(prefix: string, n: number): string {
  return `${prefix}-${String(n).padStart(6, '0')}`
}

/** A ticket id as people type it ("mg-123", "MG000123") in its stored form, or null. */
export function normalizeId(text: string): string | null {
  const m = /^\s*([A-Za-z]{1,4})-?0*(\d{1,12})\s*$/.exec(text)
  if (!m?.[1] || !m[2]) return null
  return formatId(m[1].toUpperCase(), Number(m[2]))
}
