import type { BusinessClock } from '../calendar/clock.js'
import { instantMs } from '../calendar/instant.js'
import { assumedLevel } from '../regulation/describe.js'
import type { Regulation } from '../regulation/load.js'
import { levelClock, levelDeadline } from './deadline.js'
import { type WindowStatus, windowStatus } from './status.js'

/** An event as the windows read it (a stored ticket's events have this shape). */
export interface WindowEvent {
  type: string
  at: string
  author?: string
  from?: string | null
  to?: string | null
  rule?: string
}

/** The rule of a level change that follows a corrected tier (ticket/edit.ts): it re-levels the open window. */
const TIER_RULE = 'tier_corrected'

/** What was recorded when a window opened (the ticket model's WindowRecord has this shape). */
export interface RecordedDeadline {
  opened_at: string
  level: string | null
  deadline: string | null
  target: string | null
  reason?: ReactionWindow['reason']
  fingerprint?: string | null
  /** the level was the regulation's assumed one: the ticket had none when the window opened */
  assumed_level?: boolean
}

/** What the windows of a ticket depend on (a stored ticket has it). */
export interface WindowTicket {
  level: string | null
  received_at: string
  events: readonly WindowEvent[]
  /** the windows as recorded when they opened; a window without a record is computed from `reg` */
  windows?: readonly RecordedDeadline[]
  /** the verdict at intake: a request triage refused is not held to the assumed level (it has no level by rule) */
  triage?: { scope: string } | null
}

/** One reaction window: from what opened it to the reaction that closed it. Instants are epoch ms. */
export interface ReactionWindow {
  openedAt: number
  openedBy: 'received' | 'customer_reply'
  /** the level in force when the window opened */
  level: string | null
  deadline: number | null
  target: number | null
  respondedAt: number | null
  /** an agent response, or the agent moving the ticket to waiting/resolved/closed without one */
  respondedBy: 'agent_response' | 'status_change' | null
  /** who reacted: the author of that event (null when unanswered or not recorded) */
  responder: string | null
  status: WindowStatus
  /** why there is no deadline: the level states none, the ticket has no level, or its level is unknown */
  reason: 'not_regulated' | 'no_level' | 'unknown_level' | null
  /** working minutes from opening to the reaction */
  reactionWorkingMinutes: number | null
  /** whether level, deadline and target are the ones recorded when it opened (else computed now) */
  recorded: boolean
  /** the fingerprint of the regulation that set the deadline (regulation/fingerprint.ts), when recorded */
  fingerprint: string | null
  /**
   * the ticket had no level: the window runs at the regulation's assumed level (the default
   * tier's, regulation/describe.ts) until an agent sets one, and the ticket needs a level
   */
  levelAssumed: boolean
}

const ENDING_STATUSES: ReadonlySet<string> = new Set(['waiting_customer', 'resolved', 'closed'])

/**
 * The reaction windows of a ticket as of `now` (docs/ARCHITECTURE.md, "Tickets and reaction windows"). Pure.
 *
 * - A window that has a record (`ticket.windows`, matched by its opening instant) keeps the
 *   level, deadline and target recorded when it opened, whatever the regulation says now: a
 *   corrected regulation moves past deadlines only through `tickets recompute`. A window without
 *   one (a ticket stored before windows were recorded) is computed from `reg`.
 *
 * - The first window opens at receipt; the first agent response after it closes it.
 * - Under `reactionWindows.opens: every-customer-reply` (advantshop, umi) a customer reply that
 *   comes after the last window was answered opens a new window; replies while a window is
 *   still open add nothing (that window is still running).
 * - Moving the ticket to waiting_customer, resolved or closed closes an open window too: the
 *   agent has acted on the request (it counts as the reaction, `respondedBy: 'status_change'`).
 * - A window's deadline and target come from the level in force when it opened: a level change
 *   applies to the windows opened at or after it, never retroactively (an advantshop transfer to
 *   `development` does not turn an already missed `free` deadline into a met one).
 * - Events after `now` are ignored, so `--now` in the past gives the picture of that moment.
 * - A ticket without a level is held to the regulation's assumed level (the default tier's,
 *   issue 16) and its windows say `levelAssumed`, unless triage refused it (out of scope: no level by rule); the first level an agent sets re-levels the
 *   window still open from its opening, since the assumed level only stood in for it.
 *
 * @example
 * // moguta (3 working days, target 1): received Fri 18:00, answered Mon 11:00
 * ticketWindows(ticket, moguta, clock, now)[0] //=> { deadline: Wed 18:00, target: Mon 18:00, status: 'met', … }
 */
export function ticketWindows(
  ticket: WindowTicket,
  reg: Regulation,
  clock: BusinessClock,
  now: number,
): ReactionWindow[] {
  const received = instantMs(ticket.received_at)
  const everyReply = reg.reactionWindows.opens === 'every-customer-reply'

  // Only the events that can open or close a window, or change the level, are parsed and put in
  // time order: a stable sort keeps their relative order whatever happens to the others.
  const relevant = scratch.events
  const ms = scratch.ms
  let n = 0
  let firstChange: WindowTicket['events'][number] | undefined
  let firstChangeMs = Number.POSITIVE_INFINITY
  let sorted = true
  for (const e of ticket.events) {
    if (!(e.type === 'level_change' || isReaction(e) || (everyReply && (e.type === 'customer_reply' || reopens(e)))))
      continue
    const t = instantMs(e.at)
    // the earliest level change in time (whatever `now` is): its `from` is the level at receipt
    if (e.type === 'level_change' && t < firstChangeMs) {
      firstChange = e
      firstChangeMs = t
    }
    if (t > now) continue
    if (n && t < (ms[n - 1] as number)) sorted = false
    relevant[n] = e
    ms[n++] = t
  }
  const order = sorted ? null : timeOrder(ms, n)
  const initialLevel = firstChange?.from ?? ticket.level
  const records = ticket.windows
  const assumable = levelAssumable(ticket)

  const windows: ReactionWindow[] = []
  let openedAt = received
  let openedBy: ReactionWindow['openedBy'] = 'received'
  let level = initialLevel
  let openLevel = initialLevel
  let open = true
  // the ticket is closed: a customer's reply opens no window then (regdesk takes none on a closed ticket; a helpdesk
  // that records one after its close opened no matter for support until the ticket is reopened)
  let closed = false
  // the open window's level was replaced since it opened: its record (of the old level) no longer holds
  let relevelled = false
  /** the window open now, closed by a reaction at `respondedAt` (null: still open) */
  const windowHere = (respondedAt: number | null, by: ReactionWindow['respondedBy'], responder: string | null) =>
    windowOf(
      reg,
      clock,
      now,
      openedAt,
      openedBy,
      openLevel,
      respondedAt,
      by,
      responder,
      recordAt(records, openedAt),
      relevelled,
      assumable,
    )
  for (let k = 0; k < n; k++) {
    const i = order ? (order[k] as number) : k
    const e = relevant[i] as WindowTicket['events'][number]
    const t = ms[i] as number
    if (e.type === 'level_change') {
      level = e.to ?? null
      // an open window keeps its level; one opened at this same instant, one running at the
      // assumed level (the ticket had none), or one a corrected tier replaces (the request was of
      // that tier all along), takes the new one from its opening — and a record of another level
      // no longer holds for it (windowOf), even when the change came in the instant it opened
      if (open && (openedAt === t || openLevel === null || e.rule === TIER_RULE)) {
        relevelled = relevelled || openLevel !== level
        openLevel = level
      }
    } else if (reopens(e)) {
      closed = false
    } else if (open && e.type !== 'customer_reply') {
      if (e.type === 'status_change' && e.to === 'closed') closed = true
      if (t >= openedAt) {
        const by = e.type === 'agent_response' ? 'agent_response' : 'status_change'
        windows.push(windowHere(t, by, e.author ?? null))
        open = false
        relevelled = false
      }
    } else if (e.type === 'status_change' && e.to === 'closed') {
      closed = true
    } else if (!open && !closed && e.type === 'customer_reply') {
      openedAt = t
      openedBy = 'customer_reply'
      openLevel = level
      open = true
      relevelled = false
    }
  }
  if (open) windows.push(windowHere(null, null, null))
  return windows
}

/** The record of the window opened at `openedAt`, if one was made. */
function recordAt(records: readonly RecordedDeadline[] | undefined, openedAt: number): RecordedDeadline | undefined {
  if (!records) return undefined
  // the last window is the one most often asked for: search from the end
  for (let i = records.length - 1; i >= 0; i--) {
    const r = records[i] as RecordedDeadline
    if (instantMs(r.opened_at) === openedAt) return r
  }
  return undefined
}

/** A closed ticket opened again (`tickets reopen`, or a helpdesk's status change out of closed). */
function reopens(e: WindowTicket['events'][number]): boolean {
  return e.type === 'status_change' && e.from === 'closed' && e.to !== 'closed'
}

/** An agent's reaction: a response, or moving the ticket to waiting/resolved/closed. */
export function isReaction(e: WindowTicket['events'][number]): boolean {
  return e.type === 'agent_response' || (e.type === 'status_change' && ENDING_STATUSES.has(e.to ?? ''))
}

function windowOf(
  reg: Regulation,
  clock: BusinessClock,
  now: number,
  openedAt: number,
  openedBy: ReactionWindow['openedBy'],
  level: string | null,
  respondedAt: number | null,
  respondedBy: ReactionWindow['respondedBy'],
  responder: string | null,
  given: RecordedDeadline | undefined,
  relevelled = false,
  assumable = true,
): ReactionWindow {
  let deadline: number | null
  let target: number | null
  let reason: ReactionWindow['reason']
  // a record of the window as unregulated for want of a level (made before issue 16, for a ticket that now runs at the
  // assumed level; a refused one's is its true record), or one at the assumed level when the ticket has been given a
  // level since or refused since (a corrected fact made it out of scope: nothing is due), decides nothing
  const record =
    given &&
    ((given.reason === 'no_level' && given.level === null && assumable) ||
      (given.assumed_level && (level !== null || !assumable)) ||
      (relevelled && given.level !== level))
      ? undefined
      : given
  const levelAssumed = record ? Boolean(record.assumed_level) : level === null && assumable
  if (level === null && !record && assumable) level = assumedLevel(reg)
  if (record) {
    level = record.level
    deadline = record.deadline === null ? null : instantMs(record.deadline)
    target = record.target === null ? null : instantMs(record.target)
    reason = record.reason ?? (deadline === null ? (level === null ? 'no_level' : 'not_regulated') : null)
  } else
    ({ deadline, target, reason } =
      level === null
        ? { deadline: null, target: null, reason: 'no_level' as const }
        : levelDeadline(reg, clock, openedAt, level))
  // a level with hours of its own (umi consulting) measures its windows in those hours
  clock = levelClock(reg, clock, level)
  return {
    openedAt,
    openedBy,
    level,
    deadline,
    target,
    respondedAt,
    respondedBy,
    responder,
    status: windowStatus(clock, { openedAt, deadline, target, respondedAt }, now),
    reason,
    reactionWorkingMinutes: respondedAt === null ? null : clock.elapsed(openedAt, respondedAt),
    recorded: record !== undefined,
    fingerprint: record?.fingerprint ?? null,
    levelAssumed,
  }
}

/** Indexes of instants in time order (events may be recorded late with --at; ties keep their order). */
function timeOrder(ms: readonly number[], n: number): number[] {
  return Array.from({ length: n }, (_, i) => i).sort((a, b) => (ms[a] as number) - (ms[b] as number))
}

/**
 * Reused between calls (not reentrant, nothing here calls back): a report runs ticketWindows over
 * every ticket, and two fresh arrays per ticket are most of what the young generation collects.
 */
const scratch = { events: [] as WindowEvent[], ms: [] as number[] }

/**
 * Whether a ticket without a level runs at the regulation's assumed one: an unclear request waits for a level at the
 * assumed one; a refused one has none by the regulation's rule (README.md, "Tickets without a level").
 */
function levelAssumable(ticket: Pick<WindowTicket, 'triage'>): boolean {
  return ticket.triage?.scope !== 'out'
}

/** A ticket an agent is to give a level: none set, and its windows run at the assumed one meanwhile. */
export function needsLevel(ticket: Pick<WindowTicket, 'level' | 'triage'>): boolean {
  return ticket.level === null && levelAssumable(ticket)
}

/** The window that decides whether a ticket needs attention: the last one (only the last can be open). */
export function currentWindow(windows: readonly ReactionWindow[]): ReactionWindow | undefined {
  return windows[windows.length - 1]
}
