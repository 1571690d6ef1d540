import type { BusinessClock } from '../calendar/clock.js'
import { formatInstantIn, instantMs, offsetMinutes, parseIsoInstant } from '../calendar/instant.js'
import type { Regulation } from '../regulation/load.js'
import { levelClock } from '../sla/deadline.js'
import { type ReactionWindow, ticketWindows } from '../sla/windows.js'
import type { Ticket } from '../ticket/ticket.js'
import { hasMultipleProblems, isOutOfScope } from '../ticket/triage-record.js'
import { type Backlog, type BacklogEntry, backlogEntry, backlogOfEntries, resolvedAt } from './backlog.js'
import type { ReportObserver } from './figures.js'

/**
 * SLA compliance over a period (issue "SLA compliance reports"). Pure: tickets, regulations,
 * period and `now` in, numbers out. Field names are snake_case: this object is the JSON contract
 * of `report --format json`.
 *
 * Definitions, so every figure can be checked by hand:
 * - the period is [from 00:00, the day after `to` 00:00) in each regulation's timezone;
 * - a ticket counts as received in the period by its received_at; a window counts by when it opened;
 * - each window has one outcome: met (responded at or before the deadline), late (after it),
 *   overdue (no response, deadline before now), pending (no response, not yet due; at risk
 *   counts here), not_regulated (no deadline: the level states none, or the ticket has no level), of which
 *   not_regulated_refused were requests refused as out of scope with no level to serve them at (moguta, mst);
 * - compliance = met / (met + late + overdue), null when that is 0;
 * - reaction times over responded windows, in the regulation's working minutes and in clock
 *   minutes; percentiles by the nearest-rank method;
 * - within_target: windows whose level has a target, answered at or before it, out of those
 *   answered or already past the target.
 */

export const GROUPINGS = ['regulation', 'level', 'agent', 'channel', 'week'] as const
export type Grouping = (typeof GROUPINGS)[number]

export interface ReportInput {
  tickets: readonly Ticket[]
  regulation: (id: string) => Regulation | undefined
  clock: (reg: Regulation) => BusinessClock
  /** dates YYYY-MM-DD, both inclusive */
  from: string
  to: string
  now: number
  by: Grouping
  /** only this regulation */
  only?: string
  /** the zone of generated_at when no regulation has tickets in the report */
  zone: string
  /**
   * tickets open now, whatever their windows: the backlog counts them besides `tickets` (a ticket
   * in both counts once)
   */
  open?: readonly Ticket[]
  /** told of each ticket received and each window opened in the period (figures.ts: the printable report's charts) */
  observe?: ReportObserver
}

export interface Stats {
  received: number
  windows: number
  met: number
  late: number
  overdue: number
  pending: number
  not_regulated: number
  /** of not_regulated, the windows of requests refused as out of scope: no reaction time as support takes none up */
  not_regulated_refused: number
  compliance: number | null
  reaction_working_minutes: Distribution
  reaction_minutes: Distribution
  within_target: { windows: number; within: number; share: number | null }
  out_of_scope: {
    tickets: number
    share: number | null
    /**
     * why requests were refused, most frequent first: the refusing reason (eligibility: product,
     * channel, licence…) when the verdict has one, else the out-of-scope topic that matched
     */
    topics: Topic[]
  }
  multiple_problems: number
}

export interface Distribution {
  count: number
  median: number | null
  p90: number | null
  max: number | null
}

export interface HelpdeskDeadlines {
  /** first windows with a helpdesk deadline */
  windows: number
  /** of them, those whose two deadlines are a minute or more apart (or regdesk has none) */
  differ: number
  /** answered by each deadline (regdesk's: the window's outcome is met) */
  met_by_regdesk: number
  met_by_helpdesk: number
  /** met by one deadline and missed by the other: the windows where the two judgements disagree */
  disagree: number
}

export interface Breach {
  id: string
  regulation: string
  level: string | null
  opened_at: string
  deadline: string
  responded_at: string | null
  late_working_minutes: number
  late_minutes: number
  assignee: string | null
}

export interface GroupKey {
  regulation: string
  level?: string
  /** who responded (the author of the reaction); null for windows nobody answered */
  agent?: string | null
  /** the channel the request came by; null for requests stored without one */
  channel?: string | null
  week?: string
}

export interface Report {
  period: { from: string; to: string }
  generated_at: string
  by: Grouping
  regulations: { id: string; timezone: string }[]
  groups: ({ key: GroupKey } & Stats)[]
  totals: Stats
  breaches: Breach[]
  /** open tickets as of `now` (of the regulations loaded) by clock age and status */
  backlog: Backlog
  /**
   * tickets received in the period and resolved (or closed) by `now`: from received_at to the
   * first move to resolved or closed, in the level's working minutes and in clock minutes
   */
  resolution: { resolved: number; working_minutes: Distribution; minutes: Distribution }
  /**
   * tickets imported with their helpdesk's own reaction deadline (docs/IMPORT.md), first windows opened in the
   * period: the helpdesk's deadline beside regdesk's
   */
  helpdesk_deadlines: HelpdeskDeadlines
  /** tickets of regulations that are not loaded: left out, named here */
  skipped: { id: string; regulation: string }[]
}

/** The figures of one group as they accumulate, in one pass over the tickets. */
interface Tally {
  received: number
  outOfScope: number
  /** out-of-scope topics by id, in the order first seen */
  topics: Map<string, Topic>
  multipleProblems: number
  windows: number
  met: number
  late: number
  overdue: number
  pending: number
  /** windows without a deadline whose request was refused (out of scope) */
  refused: number
  withTarget: number
  within: number
  /** reaction times of the responded windows, working and clock minutes, in window order */
  working: number[]
  clock: number[]
}

export type Topic = { id: string; kind: 'reason' | 'topic'; clause: string | null; count: number }

interface Group extends Tally {
  key: GroupKey
  /** late and overdue windows, in window order (of their ticket, what a breach shows: not the whole ticket) */
  breaches: { id: string; assignee: string | null; w: ReactionWindow; scope: Scope }[]
}

/** What a regulation's tickets share: looked up and computed once, not per ticket. */
interface Scope {
  reg: Regulation
  clock: BusinessClock
  zone: string
  /** the period as epoch ms in this regulation's timezone */
  start: number
  end: number
  /** groups of this regulation by the value of the grouping */
  groups: Map<string, Group>
  /** ISO week of each local day number seen, for `--by week` */
  weeks: Map<number, string>
}

export function summarizeCompliance(input: ReportInput): Report {
  const tally = complianceTally(input)
  for (const ticket of input.tickets) tally.add(ticket)
  for (const ticket of input.open ?? []) tally.addOpen(ticket)
  return tally.report()
}

/** What a report is given besides the tickets, which its tally is then given one at a time. */
export type TallyInput = Omit<ReportInput, 'tickets' | 'open'>

/**
 * The report as it accumulates: a store hands the tickets in one at a time (TicketStore.scanSummaries) and none is
 * kept, so a report over 100,000 tickets holds their figures, not the tickets.
 */
export interface ComplianceTally {
  /** a ticket that may have a window in the period (ReportInput.tickets) */
  add(ticket: Ticket): void
  /** a ticket open now (ReportInput.open) */
  addOpen(ticket: Ticket): void
  report(): Report
}

export function complianceTally(input: TallyInput): ComplianceTally {
  const skipped: Report['skipped'] = []
  const regs = new Map<string, Regulation>()
  const scopes = new Map<string, Scope | undefined>()
  // every group, in the order first met: the stable sort below keeps it between equal keys
  const groups: Group[] = []
  const scopeOf = (id: string): Scope | undefined => {
    if (scopes.has(id)) return scopes.get(id)
    const reg = input.regulation(id)
    let scope: Scope | undefined
    if (reg) {
      const zone = reg.workingTime.timezone
      const [start, end] = periodOf(input.from, input.to, zone)
      scope = { reg, clock: input.clock(reg), zone, start, end, groups: new Map(), weeks: new Map() }
      regs.set(reg.id, reg)
    }
    scopes.set(id, scope)
    return scope
  }
  const groupOf = (scope: Scope, ticket: Ticket, w: GroupedBy): Group => {
    const value = groupValue(input.by, scope, ticket, w)
    let g = scope.groups.get(value ?? NOBODY)
    if (!g) {
      g = { key: keyOf(input.by, scope.reg.id, value), ...emptyTally(), breaches: [] }
      scope.groups.set(value ?? NOBODY, g)
      groups.push(g)
    }
    return g
  }

  const helpdesk: HelpdeskDeadlines = { windows: 0, differ: 0, met_by_regdesk: 0, met_by_helpdesk: 0, disagree: 0 }
  // open tickets by id: a ticket given both ways counts once
  const backlog = new Map<string, BacklogEntry>()
  const toBacklog = (ticket: Ticket) => {
    if (backlog.has(ticket.id)) return
    const entry = backlogEntry(ticket, input.now)
    if (entry) backlog.set(ticket.id, entry)
  }
  const resolvedWorking: number[] = []
  const resolvedClock: number[] = []
  const add = (ticket: Ticket): void => {
    if (input.only && ticket.regulation !== input.only) return
    const scope = scopeOf(ticket.regulation)
    if (!scope) {
      skipped.push({ id: ticket.id, regulation: ticket.regulation })
      return
    }
    toBacklog(ticket)
    const received = instantMs(ticket.received_at)
    if (received >= scope.start && received < scope.end) {
      const resolved = resolvedAt(ticket, input.now)
      if (resolved !== null) {
        resolvedWorking.push(levelClock(scope.reg, scope.clock, ticket.level).elapsed(received, resolved))
        resolvedClock.push((resolved - received) / 60_000)
      }
    }
    // a ticket received after the period opens no window in it: skip the work
    if (received >= scope.end) return
    const windows = ticketWindows(ticket, scope.reg, scope.clock, input.now)
    // a ticket counts (received, out of scope…) with its first window: by agent, under who answered it; by level,
    // under the level it opened with (a level changed since counts the windows after it under the new one)
    const first = windows[0]
    if (received >= scope.start) {
      countTicket(
        groupOf(scope, ticket, {
          level: first ? first.level : ticket.level,
          openedAt: received,
          responder: first?.responder ?? null,
        }),
        ticket,
      )
      input.observe?.ticket(ticket, scope.reg)
    }
    if (ticket.helpdesk_deadline !== undefined && first && first.openedAt >= scope.start && first.openedAt < scope.end)
      countHelpdesk(helpdesk, first, instantMs(ticket.helpdesk_deadline), input.now)
    for (const w of windows) {
      if (!(w.openedAt >= scope.start && w.openedAt < scope.end)) continue
      const g = groupOf(scope, ticket, w)
      countWindow(g, w, input.now, ticket.triage?.scope === 'out')
      input.observe?.window(w, ticket, scope.reg, scope.clock, weekOf(scope, w.openedAt))
      if ((w.status === 'late' || w.status === 'overdue') && w.deadline !== null)
        g.breaches.push({ id: ticket.id, assignee: ticket.assignee, w, scope })
    }
  }
  const addOpen = (ticket: Ticket): void => {
    if ((!input.only || ticket.regulation === input.only) && scopeOf(ticket.regulation)) toBacklog(ticket)
  }

  const report = (): Report => {
    const all = groups.sort((a, b) => compareKeys(a.key, b.key))
    const breaches: Breach[] = []
    for (const g of all) for (const b of g.breaches) breaches.push(breachOf(b, input.now))
    breaches.sort((a, b) => b.late_working_minutes - a.late_working_minutes || a.id.localeCompare(b.id))
    return {
      period: { from: input.from, to: input.to },
      // with an offset like every other instant: the first regulation's (by id), else the given zone
      generated_at: formatInstantIn(input.now, firstZone(regs) ?? input.zone),
      by: input.by,
      regulations: [...regs.values()]
        .map((r) => ({ id: r.id, timezone: r.workingTime.timezone }))
        .sort((a, b) => a.id.localeCompare(b.id)),
      groups: all.map((g) => ({ key: g.key, ...statsOf(g) })),
      totals: statsOf(totalOf(all)),
      breaches,
      backlog: backlogOfEntries(backlog.values(), input.now),
      resolution: {
        resolved: resolvedClock.length,
        working_minutes: distribution(resolvedWorking),
        minutes: distribution(resolvedClock),
      },
      helpdesk_deadlines: helpdesk,
      skipped,
    }
  }
  return { add, addOpen, report }
}

/** A first window judged by the helpdesk's deadline beside regdesk's (a window not yet due by either is left out). */
function countHelpdesk(h: HelpdeskDeadlines, w: ReactionWindow, deadline: number, now: number): void {
  h.windows++
  if (w.deadline === null || Math.abs(w.deadline - deadline) >= 60_000) h.differ++
  const byRegdesk = w.status === 'met'
  const decided = w.respondedAt !== null || now > deadline
  const byHelpdesk = w.respondedAt !== null && w.respondedAt <= deadline
  if (byRegdesk) h.met_by_regdesk++
  if (byHelpdesk) h.met_by_helpdesk++
  const regdeskDecided = w.status === 'met' || w.status === 'late' || w.status === 'overdue'
  if (decided && regdeskDecided && byRegdesk !== byHelpdesk) h.disagree++
}

function firstZone(regs: ReadonlyMap<string, Regulation>): string | undefined {
  return [...regs.values()].sort((a, b) => a.id.localeCompare(b.id))[0]?.workingTime.timezone
}

/** What a window (or a ticket, by its first window) is grouped by. */
type GroupedBy = Pick<ReactionWindow, 'level' | 'openedAt' | 'responder'>

/** The group of windows nobody answered (`--by agent`), apart from any agent's name. */
const NOBODY = '\u0000nobody'

/**
 * The value a window is grouped by; null for `--by agent` when nobody answered it, for `--by channel` when the request
 * has no channel. By agent
 * is who actually reacted (the author of the response or of the status change that answered the
 * window), not who the ticket is assigned to now: a reassigned ticket keeps its history.
 */
function groupValue(by: Grouping, scope: Scope, ticket: Ticket, w: GroupedBy): string | null {
  switch (by) {
    case 'regulation':
      return ''
    case 'level':
      return w.level ?? '(none)'
    case 'agent':
      return w.responder
    case 'channel':
      return ticket.channel ?? null
    case 'week':
      return weekOf(scope, w.openedAt)
  }
}

function keyOf(by: Grouping, regulation: string, value: string | null): GroupKey {
  switch (by) {
    case 'regulation':
      return { regulation }
    case 'level':
      return { regulation, level: value ?? '(none)' }
    case 'agent':
      return { regulation, agent: value }
    case 'channel':
      return { regulation, channel: value }
    case 'week':
      return { regulation, week: value ?? '' }
  }
}

/** The ISO week of an instant in the scope's timezone, computed once per local day. */
function weekOf(scope: Scope, ms: number): string {
  const day = localDayNumber(ms, scope.zone)
  let week = scope.weeks.get(day)
  if (week === undefined) {
    week = isoWeekOfDay(day)
    scope.weeks.set(day, week)
  }
  return week
}

function emptyTally(): Tally {
  return {
    received: 0,
    outOfScope: 0,
    topics: new Map(),
    multipleProblems: 0,
    windows: 0,
    met: 0,
    late: 0,
    overdue: 0,
    pending: 0,
    refused: 0,
    withTarget: 0,
    within: 0,
    working: [],
    clock: [],
  }
}

function countTicket(t: Tally, ticket: Ticket): void {
  t.received++
  if (isOutOfScope(ticket.triage)) {
    t.outOfScope++
    const why = refusal(ticket)
    if (why) addTopic(t.topics, { ...why, count: 1 })
  }
  if (hasMultipleProblems(ticket.triage)) t.multipleProblems++
}

/**
 * Why a request was refused. A request refused by eligibility (an unsupported product, a closed
 * channel) still matched a topic, often an in-scope one ("problem-investigation"): its reason
 * says why, the topic would not.
 */
const TOPIC_REASONS = new Set(['topic_in_scope', 'topic_out_of_scope'])

export function refusal(ticket: Ticket): Omit<Topic, 'count'> | undefined {
  // the deciding reason (the first); a topic's own verdict is said by the topic itself
  const reason = ticket.triage?.reasons?.[0]
  if (reason?.code && !TOPIC_REASONS.has(reason.code))
    return { id: reason.code, kind: 'reason', clause: reason.clause ?? null }
  const topic = ticket.triage?.topic
  return topic?.id ? { id: topic.id, kind: 'topic', clause: topic.clause ?? null } : undefined
}

function countWindow(t: Tally, w: ReactionWindow, now: number, refused: boolean): void {
  t.windows++
  if (w.status === 'met') t.met++
  else if (w.status === 'late') t.late++
  else if (w.status === 'overdue') t.overdue++
  else if (w.status === 'pending' || w.status === 'at_risk') t.pending++
  else if (refused) t.refused++
  if (w.respondedAt !== null) {
    t.working.push(w.reactionWorkingMinutes as number)
    t.clock.push((w.respondedAt - w.openedAt) / 60_000)
  }
  if (w.target !== null && (w.respondedAt !== null || now > w.target)) {
    t.withTarget++
    if (w.respondedAt !== null && w.respondedAt <= w.target) t.within++
  }
}

/**
 * All groups as one: counts add up, reaction times pool, and a topic keeps the clause of its
 * first ticket in group order, as if the groups' tickets were counted one after another.
 */
function totalOf(groups: readonly Tally[]): Tally {
  const total = emptyTally()
  total.working = total.working.concat(...groups.map((g) => g.working))
  total.clock = total.clock.concat(...groups.map((g) => g.clock))
  for (const g of groups) {
    total.received += g.received
    total.outOfScope += g.outOfScope
    total.multipleProblems += g.multipleProblems
    total.windows += g.windows
    total.met += g.met
    total.late += g.late
    total.overdue += g.overdue
    total.pending += g.pending
    total.refused += g.refused
    total.withTarget += g.withTarget
    total.within += g.within
    for (const topic of g.topics.values()) addTopic(total.topics, topic)
  }
  return total
}

/**
 * Counts `topic` in `topics`. The same reason under two regulations cites two clauses (a refused channel: moguta
 * §4.4, imagecms «Как мы работаем», п. 2): a row of both cites none rather than one of them.
 */
function addTopic(topics: Map<string, Topic>, topic: Topic): void {
  const key = `${topic.kind}:${topic.id}`
  const known = topics.get(key)
  if (!known) topics.set(key, { ...topic })
  else {
    known.count += topic.count
    if (known.clause !== topic.clause) known.clause = null
  }
}

function statsOf(t: Tally): Stats {
  const { met, late, overdue, pending } = t
  return {
    received: t.received,
    windows: t.windows,
    met,
    late,
    overdue,
    pending,
    not_regulated: t.windows - met - late - overdue - pending,
    not_regulated_refused: t.refused,
    compliance: met + late + overdue ? round(met / (met + late + overdue), 4) : null,
    reaction_working_minutes: distributionOf(new Float64Array(t.working)),
    reaction_minutes: distributionOf(new Float64Array(t.clock)),
    within_target: {
      windows: t.withTarget,
      within: t.within,
      share: t.withTarget ? round(t.within / t.withTarget, 4) : null,
    },
    out_of_scope: {
      tickets: t.outOfScope,
      share: t.received ? round(t.outOfScope / t.received, 4) : null,
      topics: [...t.topics.values()].sort((a, b) => b.count - a.count || a.id.localeCompare(b.id)).slice(0, 5),
    },
    multiple_problems: t.multipleProblems,
  }
}

function breachOf({ id, assignee, w, scope }: Group['breaches'][number], now: number): Breach {
  const deadline = w.deadline as number
  const end = w.respondedAt ?? now
  return {
    id,
    regulation: scope.reg.id,
    level: w.level,
    opened_at: formatInstantIn(w.openedAt, scope.zone),
    deadline: formatInstantIn(deadline, scope.zone),
    responded_at: w.respondedAt === null ? null : formatInstantIn(w.respondedAt, scope.zone),
    late_working_minutes: Math.round(levelClock(scope.reg, scope.clock, w.level).elapsed(deadline, end)),
    late_minutes: Math.round((end - deadline) / 60_000),
    assignee,
  }
}

/** Nearest-rank percentiles of minutes, rounded to whole minutes. */
export function distribution(values: readonly number[]): Distribution {
  return distributionOf(new Float64Array(values))
}

/**
 * `distribution` of values it may reorder. The ranks are picked by selection, not by sorting:
 * a report takes them over every responded window, and selection is linear.
 */
function distributionOf(values: Float64Array): Distribution {
  const n = values.length
  if (!n) return { count: 0, median: null, p90: null, max: null }
  const rank = (p: number) => Math.max(0, Math.ceil((p / 100) * n) - 1)
  const r50 = rank(50)
  const r90 = rank(90)
  const median = select(values, r50, 0, n - 1)
  // selecting r50 left every value from r50 on at or above it: r90 is among them
  const p90 = select(values, r90, r50, n - 1)
  let max = p90
  for (let i = r90 + 1; i < n; i++) if ((values[i] as number) > max) max = values[i] as number
  return { count: n, median: Math.round(median), p90: Math.round(p90), max: Math.round(max) }
}

/**
 * The value of rank k (0-based, ascending) among a[lo..hi], which it partitions around k
 * (Hoare's quickselect, median-of-three pivot): afterwards a[lo..k] ≤ a[k] ≤ a[k..hi].
 */
function select(a: Float64Array, k: number, lo: number, hi: number): number {
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    const x = a[lo] as number
    const y = a[mid] as number
    const z = a[hi] as number
    const pivot = x < y ? (y < z ? y : x < z ? z : x) : x < z ? x : y < z ? z : y
    let i = lo
    let j = hi
    while (i <= j) {
      while ((a[i] as number) < pivot) i++
      while ((a[j] as number) > pivot) j--
      if (i <= j) {
        const t = a[i] as number
        a[i] = a[j] as number
        a[j] = t
        i++
        j--
      }
    }
    if (k <= j) hi = j
    else if (k >= i) lo = i
    else return a[k] as number
  }
  return a[k] as number
}

/** [start, end) of the dates `from`..`to` (inclusive) in a timezone, as epoch ms. */
export function periodOf(from: string, to: string, zone: string): [number, number] {
  const start = parseIsoInstant(from, zone)
  const last = parseIsoInstant(to, zone)
  if (!start.ok || !last.ok) throw new RangeError(`not a date: ${from} or ${to}`)
  const next = parseIsoInstant(new Date(Date.parse(`${to}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10), zone)
  return [start.ms, next.ok ? next.ms : last.ms + 86_400_000]
}

/** ISO 8601 week of an instant in a zone: "2026-W47". */
export function isoWeek(ms: number, zone: string): string {
  return isoWeekOfDay(localDayNumber(ms, zone))
}

/** Days since 1970-01-01 of the local date of an instant in a zone (the date formatInstantIn writes). */
function localDayNumber(ms: number, zone: string): number {
  return Math.floor((ms + offsetMinutes(zone, ms) * 60_000) / 86_400_000)
}

/** The ISO week of a day given as days since 1970-01-01. */
export function isoWeekOfDay(dayNumber: number): string {
  const d = new Date(dayNumber * 86_400_000)
  const day = (d.getUTCDay() + 6) % 7
  d.setUTCDate(d.getUTCDate() - day + 3) // the Thursday of this week decides its year
  const year = d.getUTCFullYear()
  const jan4 = new Date(Date.UTC(year, 0, 4))
  const week = 1 + Math.round(((d.getTime() - jan4.getTime()) / 86_400_000 - 3 + ((jan4.getUTCDay() + 6) % 7)) / 7)
  return `${year}-W${String(week).padStart(2, '0')}`
}

/** Groups in key order; nobody (a null agent, a null channel) after every name. */
function compareKeys(a: GroupKey, b: GroupKey): number {
  const text = (k: GroupKey) => JSON.stringify(Object.values(k).map((v) => v ?? '\uffff'))
  return text(a).localeCompare(text(b))
}

function round(x: number, digits: number): number {
  const f = 10 ** digits
  return Math.round(x * f) / f
}
