import type { BusinessClock } from '../calendar/clock.js'
import { formatInstantIn, instantMs } from '../calendar/instant.js'
import { regulationFingerprint } from '../regulation/fingerprint.js'
import type { Regulation } from '../regulation/load.js'
import type { Duration } from '../regulation/schema.js'
import { levelDeadline } from '../sla/deadline.js'
import { type ReactionWindow, ticketWindows } from '../sla/windows.js'
import type { Ticket } from './ticket.js'

/**
 * A reaction window as recorded when it opened (issue 14, "deadlines kept as history"): its
 * level, the level's limit and target, the deadline and target they gave, and the fingerprint of
 * the regulation that set them. Reports and `overdue` use the record, so a regulation corrected
 * later, or another agent's `--regulations` folder, never moves a deadline already given; only
 * `tickets recompute` applies a corrected regulation to the past, on purpose.
 */
export interface WindowRecord {
  opened_at: string
  opened_by: 'received' | 'customer_reply'
  level: string | null
  limit: Duration | null
  target_limit: Duration | null
  deadline: string | null
  target: string | null
  /** why there is no deadline: the level states none, the ticket had no level, or its level was unknown */
  reason: 'not_regulated' | 'no_level' | 'unknown_level' | null
  /** regulation id and hash of its deadline rules (regulation/fingerprint.ts) */
  fingerprint: string
  /** the ticket had no level: `level` is the regulation's assumed one (sla/windows.ts), replaced when one is set */
  assumed_level?: boolean
}

/**
 * Records every window of the ticket that has no record yet, from `reg` as it is now; a
 * recorded window is left as it is. Called after every change to a ticket (a customer reply may
 * open a window) and when it is stored. Returns how many were recorded.
 */
export function recordWindows(ticket: Ticket, reg: Regulation, clock: BusinessClock): number {
  let added = 0
  for (const w of ticketWindows(ticket, reg, clock, Number.POSITIVE_INFINITY)) {
    if (w.recorded) continue
    added++
    // the first record makes the list: a list made empty and pushed to keeps room for 17 (100,000 imported tickets)
    if (!ticket.windows) {
      ticket.windows = [recordOf(w, reg)]
      continue
    }
    // a record this window no longer follows (the assumed level, a level set since) is replaced
    const stale = ticket.windows.findIndex((r) => instantMs(r.opened_at) === w.openedAt)
    if (stale >= 0) ticket.windows.splice(stale, 1)
    ticket.windows.push(recordOf(w, reg))
  }
  if (added && ticket.windows && ticket.windows.length > 1)
    ticket.windows.sort((a, b) => instantMs(a.opened_at) - instantMs(b.opened_at))
  return added
}

/** What a recompute changes in one window. */
export interface WindowChange {
  opened_at: string
  level: string | null
  before: { deadline: string | null; target: string | null; fingerprint: string | null }
  after: { deadline: string | null; target: string | null; fingerprint: string }
}

/**
 * The windows opened at or after `since` computed again from `reg` as it is now, replacing
 * their records (a window never recorded is recorded). Returns what changed; a window whose
 * deadline, target and fingerprint are already those is not listed. Each window keeps the
 * level it was recorded with.
 */
export function recomputeWindows(ticket: Ticket, reg: Regulation, clock: BusinessClock, since: number): WindowChange[] {
  const changes: WindowChange[] = []
  const fingerprint = regulationFingerprint(reg)
  const zone = reg.workingTime.timezone
  for (const w of ticketWindows(ticket, reg, clock, Number.POSITIVE_INFINITY)) {
    if (w.openedAt < since) continue
    const fresh = recordOf(freshWindow(w, reg, clock), reg)
    const at = ticket.windows?.findIndex((r) => instantMs(r.opened_at) === w.openedAt) ?? -1
    const old = at >= 0 ? ticket.windows?.[at] : undefined
    if (old && old.deadline === fresh.deadline && old.target === fresh.target && old.fingerprint === fingerprint)
      continue
    if (old) fresh.opened_at = old.opened_at
    changes.push({
      opened_at: fresh.opened_at,
      level: fresh.level,
      before: {
        deadline: w.deadline === null ? null : formatInstantIn(w.deadline, zone),
        target: w.target === null ? null : formatInstantIn(w.target, zone),
        fingerprint: old?.fingerprint ?? null,
      },
      after: { deadline: fresh.deadline, target: fresh.target, fingerprint },
    })
    if (!ticket.windows) ticket.windows = []
    if (at >= 0) ticket.windows[at] = fresh
    else ticket.windows.push(fresh)
  }
  if (changes.length && ticket.windows) ticket.windows.sort((a, b) => instantMs(a.opened_at) - instantMs(b.opened_at))
  return changes
}

/** A window's deadline and target as `reg` gives them now, for the level it was recorded with. */
function freshWindow(w: ReactionWindow, reg: Regulation, clock: BusinessClock): ReactionWindow {
  const d =
    w.level === null
      ? { deadline: null, target: null, reason: 'no_level' as const }
      : levelDeadline(reg, clock, w.openedAt, w.level)
  return { ...w, deadline: d.deadline, target: d.target, reason: d.reason }
}

function recordOf(w: ReactionWindow, reg: Regulation): WindowRecord {
  const zone = reg.workingTime.timezone
  const spec = w.level === null ? undefined : reg.levels[w.level]
  const record: WindowRecord = {
    opened_at: formatInstantIn(w.openedAt, zone),
    opened_by: w.openedBy,
    level: w.level,
    limit: spec?.limit ?? null,
    target_limit: spec?.target ?? null,
    deadline: w.deadline === null ? null : formatInstantIn(w.deadline, zone),
    target: w.target === null ? null : formatInstantIn(w.target, zone),
    reason: w.reason,
    fingerprint: regulationFingerprint(reg),
  }
  // added last, as the stored records have it (a spread in the literal would build it key by key)
  if (w.levelAssumed) record.assumed_level = true
  return record
}
