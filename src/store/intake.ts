import { RegdeskError } from '../errors.js'
import type { Ticket, TicketOrigin } from '../ticket/ticket.js'
import type { IntakeItem, IntakeOutcome } from './ticket-store.js'

/** The key of an origin in maps: source and id cannot run together (no NUL in either). */
export function originKey(o: TicketOrigin): string {
  return `${o.source}\u0000${o.external_id}`
}

/** Whether `origin` has the key `key` of `given`: the same fields do (no key made); others are compared by key. */
function sameOrigin(origin: TicketOrigin, given: TicketOrigin, key: string): boolean {
  if (origin.source === given.source && origin.external_id === given.external_id) return true
  return originKey(origin) === key
}

/**
 * The plan of an intake, the same for every backend: which items make new tickets (in order, with their prefixes,
 * so ids can be allocated per prefix first) given the tickets already stored with those origins. A later item of an
 * origin that an earlier item of the same batch adds updates that new ticket.
 */
export function newItemsOf(items: readonly IntakeItem[], stored: ReadonlySet<string>): IntakeItem[] {
  const seen = new Set(stored)
  const fresh: IntakeItem[] = []
  for (const item of items) {
    const key = originKey(item.origin)
    if (seen.has(key)) continue
    seen.add(key)
    fresh.push(item)
  }
  return fresh
}

/**
 * Applies an intake to the tickets of its origins: `stored` (found by origin, left as it is) and the new tickets made
 * with the ids `idOf` gives each new item. Returns the outcomes, the tickets to insert and to write back, and which of
 * the new ones validateTicket has already found valid but for their ids (IntakeItem.checkedAlone).
 */
export function applyIntake(
  items: readonly IntakeItem[],
  stored: ReadonlyMap<string, Ticket>,
  idOf: (item: IntakeItem) => string,
): { outcomes: IntakeOutcome[]; added: Ticket[]; updated: Ticket[]; checkedAlone: Set<Ticket> } {
  const outcomes: IntakeOutcome[] = []
  const added: Ticket[] = []
  const checkedAlone = new Set<Ticket>()
  const updated = new Map<string, Ticket>()
  // the tickets this intake adds, by origin: a later item of the same origin changes that one (not written back)
  const made = new Map<string, Ticket>()
  for (const item of items) {
    const key = originKey(item.origin)
    const old = stored.get(key)
    const there = old ?? made.get(key)
    if (!there) {
      const ticket = item.make(idOf(item))
      if (!ticket.origin || !sameOrigin(ticket.origin, item.origin, key))
        throw new RegdeskError(
          `internal: the ticket made for ${item.origin.source} ${item.origin.external_id} lacks its origin`,
        )
      made.set(key, ticket)
      added.push(ticket)
      if (item.checkedAlone === true) checkedAlone.add(ticket)
      outcomes.push({ origin: item.origin, id: ticket.id, action: 'added' })
      continue
    }
    const changed = item.update?.(there) ?? false
    if (changed && old) updated.set(there.id, there)
    // a new ticket changed by an item that vouches for nothing is checked whole
    if (changed && item.checkedAlone !== true) checkedAlone.delete(there)
    outcomes.push({ origin: item.origin, id: there.id, action: changed ? 'updated' : 'unchanged' })
  }
  return { outcomes, added, updated: [...updated.values()], checkedAlone }
}
