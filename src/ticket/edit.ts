import type { Regulation } from '../regulation/load.js'
import type { Actor } from './lifecycle.js'
import type { Ticket } from './ticket.js'

/** The facts of a ticket an agent may correct after intake (`tickets edit`). */
export interface TicketEdits {
  tier?: string | null
  channel?: string | null
  product?: string | null
  critical?: boolean
  license_date?: string | null
  subject?: string
  customer?: string | null
}

export const EDITABLE_FIELDS = [
  'tier',
  'channel',
  'product',
  'critical',
  'license_date',
  'subject',
  'customer',
] as const

/**
 * The level_change rule of a change that follows a corrected tier. Such a change re-levels the
 * window still open from its opening (sla/windows.ts): the request was of that tier all along,
 * unlike an agent's `tickets level`, which applies from then on.
 */
export const TIER_RULE = 'tier_corrected'

/**
 * Applies the edits that change something, each as a `field_change` event (who, when, from, to);
 * returns the fields changed (none: nothing was written). Values are checked by the caller
 * against the regulation. A corrected tier whose level differs from the ticket's also changes
 * the level — when the ticket's level is the one the old tier gave, or it has none — so a ticket
 * taken in as imagecms "none" and corrected to "premium" gets support's level and place in the
 * queue; a level an agent chose by hand is left to them.
 */
export function editTicket(t: Ticket, reg: Regulation, edits: TicketEdits, actor: Actor): string[] {
  const changed: string[] = []
  const record = (field: string, from: string | null, to: string | null) => {
    t.events.push({ type: 'field_change', at: actor.at, author: actor.author, field, from, to })
    changed.push(field)
  }
  const oldTier = t.tier
  for (const field of EDITABLE_FIELDS) {
    const to = edits[field]
    if (to === undefined) continue
    const from = field === 'license_date' || field === 'customer' ? (t[field] ?? null) : t[field]
    if (from === to) continue
    record(field, from === null ? null : String(from), to === null ? null : String(to))
    ;(t as unknown as Record<string, unknown>)[field] = to
  }
  if (changed.includes('tier')) {
    const levelOf = (tier: string | null) => reg.tiers.find((x) => x.id === tier)?.level ?? null
    const next = levelOf(t.tier)
    const followsTier = t.level === null || t.level === levelOf(oldTier)
    if (next !== null && next !== t.level && reg.levels[next] && followsTier) {
      t.events.push({
        type: 'level_change',
        at: actor.at,
        author: actor.author,
        from: t.level,
        to: next,
        rule: TIER_RULE,
      })
      t.level = next
    }
  }
  return changed
}
