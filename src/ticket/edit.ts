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

/** The facts triage reads: a correction of one of them may change the verdict. */
export const TRIAGE_FIELDS: ReadonlySet<string> = new Set(['tier', 'channel', 'product', 'license_date'])

/**
 * Applies the edits that change something, each as a `field_change` event (who, when, from, to);
 * returns the fields changed (none: nothing was written). Values are checked by the caller
 * against the regulation. When a fact triage reads changed and `retriage` is given, it gives the
 * verdict on the corrected facts (and stores it on the ticket) and its level becomes the ticket's —
 * the same facts give the same verdict whether given at intake or corrected later: a moguta ticket
 * corrected to the free tier is refused, an imagecms "none" corrected to "premium" gets support's
 * level and place in the queue. Without `retriage`, a corrected tier gives its own level. Either
 * way a level an agent set by hand (`tickets level`) is left to them.
 */
export function editTicket(
  t: Ticket,
  reg: Regulation,
  edits: TicketEdits,
  actor: Actor,
  retriage?: (t: Ticket) => string | null,
): string[] {
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
    // the credentials the old subject showed masked are not in the new one (which holds none: the caller checks)
    if (field === 'subject' && t.secrets?.some((x) => x.field === 'subject')) {
      t.secrets = t.secrets.filter((x) => x.field !== 'subject')
      if (!t.secrets.length) delete t.secrets
    }
  }
  const relevel = (next: string | null) => {
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
  const setByHand = t.events.some((e) => e.type === 'level_change' && e.rule === undefined)
  if (retriage && changed.some((f) => TRIAGE_FIELDS.has(f))) {
    const next = retriage(t)
    if (next !== t.level && (next === null || reg.levels[next]) && !setByHand) relevel(next)
  } else if (changed.includes('tier')) {
    const levelOf = (tier: string | null) => reg.tiers.find((x) => x.id === tier)?.level ?? null
    const next = levelOf(t.tier)
    const followsTier = t.level === null || t.level === levelOf(oldTier)
    if (next !== null && next !== t.level && reg.levels[next] && followsTier) relevel(next)
  }
  return changed
}
