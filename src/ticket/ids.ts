/**
 * The id prefix of a regulation: the one it declares (`ticketPrefix`, regulations/README.md), else the first two
 * letters of its id ("acme" → "AC"). Two regulations may share a prefix: numbering is per prefix, so ids stay unique.
 */
export function idPrefix(regulation: { id: string; ticketPrefix?: string | undefined }): string {
  if (regulation.ticketPrefix) return regulation.ticketPrefix
  const letters = regulation.id.replace(/[^a-z]/g, '').toUpperCase()
  return (letters.slice(0, 2) || 'TK').padEnd(2, 'X')
}

/** The next free id for a prefix: one more than the highest used, six digits at least ("MG-000124"). */
export function nextId(tickets: readonly { id: string }[], prefix: string): string {
  return formatId(prefix, (maxIdsOf(tickets)[prefix] ?? 0) + 1)
}

/** The highest number used per id prefix: { MG: 124, AS: 7 }. */
export function maxIdsOf(tickets: readonly { id: string }[]): Record<string, number> {
  const max: Record<string, number> = {}
  for (const t of tickets) {
    const dash = t.id.indexOf('-')
    const prefix = t.id.slice(0, dash)
    const n = Number(t.id.slice(dash + 1))
    if (n > (max[prefix] ?? 0)) max[prefix] = n
  }
  return max
}

/** The prefix and number of an id: "MG-000124" → ["MG", 124]. */
export function splitId(id: string): [string, number] {
  const dash = id.indexOf('-')
  return [id.slice(0, dash), Number(id.slice(dash + 1))]
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
