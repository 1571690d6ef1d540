import { RegdeskError } from '../errors.js'
import { OWN_SOURCE, type Ticket, type TicketOrigin } from '../ticket/ticket.js'
import type { IntakeItem, IntakeOutcome } from './ticket-store.js'

/** The key of an origin in maps: source and id cannot run together (no NUL in either). */
export function originKey(o: TicketOrigin): string {
  return `${o.source}\u0000${o.external_id}`
}

/**
 * The stored tickets by origin key: each by its origin, and a ticket added in regdesk also as (OWN_SOURCE, its id)
 * unless a ticket imported with that very origin is there (it is the one an export of this store names).
 */
export function storedByOrigin(tickets: Iterable<Ticket>): Map<string, Ticket> {
  const out = new Map<string, Ticket>()
  const own: Ticket[] = []
  for (const t of tickets)
    if (t.origin) out.set(originKey(t.origin), t)
    else own.push(t)
  for (const t of own) {
    const key = originKey({ source: OWN_SOURCE, external_id: t.id })
    if (!out.has(key)) out.set(key, t)
  }
  return out
}

/**
 * The stored ticket an item is of: the one with its origin; a ticket added in regdesk only when the item says it is
 * that ticket's record (IntakeItem.recordOf), since another store's export names its own tickets by the same ids.
 */
function storedOf(item: IntakeItem, stored: ReadonlyMap<string, Ticket>, key: string): Ticket | undefined {
  const t = stored.get(key)
  if (!t || t.origin) return t
  return item.recordOf?.(t) ? t : undefined
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
export function newItemsOf(items: readonly IntakeItem[], stored: ReadonlyMap<string, Ticket>): IntakeItem[] {
  const seen = new Set<string>()
  const fresh: IntakeItem[] = []
  for (const item of items) {
    const key = originKey(item.origin)
    if (seen.has(key) || storedOf(item, stored, key)) continue
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
    const old = storedOf(item, stored, key)
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
    // a ticket added in regdesk is the original of its exported record: left as it is
    const changed = there.origin ? (item.update?.(there) ?? false) : false
    if (changed && old) updated.set(there.id, there)
    // a new ticket changed by an item that vouches for nothing is checked whole
    if (changed && item.checkedAlone !== true) checkedAlone.delete(there)
    outcomes.push({ origin: item.origin, id: there.id, action: changed ? 'updated' : 'unchanged' })
  }
  return { outcomes, added, updated: [...updated.values()], checkedAlone }
}
