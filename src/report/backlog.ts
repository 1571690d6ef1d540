import { instantMs } from '../calendar/instant.js'
import { statusAt } from '../ticket/lifecycle.js'
import type { Ticket } from '../ticket/ticket.js'

/**
 * The backlog as of `now`: tickets received by then and not resolved or closed by then, by clock
 * age and by status. Pure; the status is replayed from the events up to `now`, so a past `--now`
 * sees the backlog as it was (of the tickets given).
 */

/** Age buckets by clock time since received_at; each includes its lower bound, not its upper one. */
export const AGE_BUCKETS = [
  { bucket: '<1d', from_minutes: 0, to_minutes: 1_440 },
  { bucket: '1-3d', from_minutes: 1_440, to_minutes: 4_320 },
  { bucket: '3-7d', from_minutes: 4_320, to_minutes: 10_080 },
  { bucket: '7-30d', from_minutes: 10_080, to_minutes: 43_200 },
  { bucket: '>30d', from_minutes: 43_200, to_minutes: null },
] as const

export type AgeBucket = (typeof AGE_BUCKETS)[number]['bucket']

export interface Backlog {
  open: number
  by_age: { bucket: AgeBucket; from_minutes: number; to_minutes: number | null; count: number }[]
  by_status: { new: number; open: number; waiting_customer: number }
  /** the ticket waiting longest */
  oldest: { id: string; received_at: string; age_minutes: number } | null
}

const DONE: ReadonlySet<string> = new Set(['resolved', 'closed'])

/** What the backlog keeps of a ticket open at `now`, so that a report over a big store keeps no whole tickets. */
export interface BacklogEntry {
  id: string
  received_at: string
  received: number
  status: 'new' | 'open' | 'waiting_customer'
}

/** The backlog's entry of a ticket; undefined when it was not received by `now` or was resolved or closed by then. */
export function backlogEntry(t: Ticket, now: number): BacklogEntry | undefined {
  const received = instantMs(t.received_at)
  if (received > now) return undefined
  const status = statusAt(t, now)
  if (DONE.has(status)) return undefined
  return { id: t.id, received_at: t.received_at, received, status: status as BacklogEntry['status'] }
}

/** The backlog of the entries of distinct tickets. */
export function backlogOfEntries(entries: Iterable<BacklogEntry>, now: number): Backlog {
  const byAge = AGE_BUCKETS.map((b) => ({ ...b, count: 0 }))
  const byStatus = { new: 0, open: 0, waiting_customer: 0 }
  let oldest: Backlog['oldest'] = null
  let open = 0
  for (const t of entries) {
    open++
    byStatus[t.status]++
    const age = Math.floor((now - t.received) / 60_000)
    const bucket = byAge.find((b) => b.to_minutes === null || age < b.to_minutes) as (typeof byAge)[number]
    bucket.count++
    if (!oldest || age > oldest.age_minutes || (age === oldest.age_minutes && t.id < oldest.id))
      oldest = { id: t.id, received_at: t.received_at, age_minutes: age }
  }
  return { open, by_age: byAge, by_status: byStatus, oldest }
}

/** When a ticket was first resolved (or closed without being resolved) up to `at`; null if not. */
export function resolvedAt(t: Ticket, at: number): number | null {
  for (const e of t.events) {
    const ms = instantMs(e.at)
    if (ms > at) break
    if (e.type === 'status_change' && DONE.has(e.to ?? '')) return ms
  }
  return null
}
