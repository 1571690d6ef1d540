import type { BusinessClock } from '../calendar/clock.js'
import { formatInstantIn, parseIsoInstant } from '../calendar/instant.js'
import type { Regulation } from '../regulation/load.js'
import { type ReactionWindow, ticketWindows } from '../sla/windows.js'
import type { Ticket } from '../store/ticket.js'

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
 *   counts here), not_regulated (no deadline: the level states none, or the ticket has no level);
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
}

export interface Stats {
  received: number
  windows: number
  met: number
  late: number
  overdue: number
  pending: number
  not_regulated: number
  compliance: number | null
  reaction_working_minutes: Distribution
  reaction_minutes: Distribution
  within_target: { windows: number; within: number; share: number | null }
  out_of_scope: {
    tickets: number
    share: number | null
    topics: { id: string; clause: string | null; count: number }[]
  }
  multiple_problems: number
}

export interface Distribution {
  count: number
  median: number | null
  p90: number | null
  max: number | null
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
  agent?: string
  channel?: string
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
  /** tickets of regulations that are not loaded: left out, named here */
  skipped: { id: string; regulation: string }[]
}

interface Row {
  ticket: Ticket
  reg: Regulation
  receivedInPeriod: boolean
  windows: (ReactionWindow & { inPeriod: boolean })[]
}

export function summarizeCompliance(input: ReportInput): Report {
  const rows: Row[] = []
  const skipped: Report['skipped'] = []
  const regs = new Map<string, Regulation>()
  for (const ticket of input.tickets) {
    if (input.only && ticket.regulation !== input.only) continue
    const reg = input.regulation(ticket.regulation)
    if (!reg) {
      skipped.push({ id: ticket.id, regulation: ticket.regulation })
      continue
    }
    regs.set(reg.id, reg)
    const [start, end] = periodOf(input.from, input.to, reg.workingTime.timezone)
    const received = Date.parse(ticket.received_at)
    const inPeriod = (t: number) => t >= start && t < end
    // a ticket received after the period opens no window in it: skip the work
    const windows =
      received >= end
        ? []
        : ticketWindows(ticket, reg, input.clock(reg), input.now).map((w) => ({ ...w, inPeriod: inPeriod(w.openedAt) }))
    rows.push({ ticket, reg, receivedInPeriod: inPeriod(received), windows })
  }

  const groups = new Map<string, { key: GroupKey; tickets: Row[]; windows: { row: Row; w: ReactionWindow }[] }>()
  const groupOf = (key: GroupKey) => {
    const k = JSON.stringify(key)
    let g = groups.get(k)
    if (!g) {
      g = { key, tickets: [], windows: [] }
      groups.set(k, g)
    }
    return g
  }
  for (const row of rows) {
    const zone = row.reg.workingTime.timezone
    if (row.receivedInPeriod)
      groupOf(keyOf(input.by, row, row.ticket.level, Date.parse(row.ticket.received_at), zone)).tickets.push(row)
    for (const w of row.windows)
      if (w.inPeriod) groupOf(keyOf(input.by, row, w.level, w.openedAt, zone)).windows.push({ row, w })
  }

  const all = [...groups.values()].sort((a, b) => compareKeys(a.key, b.key))
  const breaches: Breach[] = []
  for (const g of all)
    for (const { row, w } of g.windows) {
      if ((w.status !== 'late' && w.status !== 'overdue') || w.deadline === null) continue
      const zone = row.reg.workingTime.timezone
      const end = w.respondedAt ?? input.now
      breaches.push({
        id: row.ticket.id,
        regulation: row.reg.id,
        level: w.level,
        opened_at: formatInstantIn(w.openedAt, zone),
        deadline: formatInstantIn(w.deadline, zone),
        responded_at: w.respondedAt === null ? null : formatInstantIn(w.respondedAt, zone),
        late_working_minutes: Math.round(input.clock(row.reg).elapsed(w.deadline, end)),
        late_minutes: Math.round((end - w.deadline) / 60_000),
        assignee: row.ticket.assignee,
      })
    }
  breaches.sort((a, b) => b.late_working_minutes - a.late_working_minutes || a.id.localeCompare(b.id))

  return {
    period: { from: input.from, to: input.to },
    generated_at: new Date(input.now).toISOString(),
    by: input.by,
    regulations: [...regs.values()]
      .map((r) => ({ id: r.id, timezone: r.workingTime.timezone }))
      .sort((a, b) => a.id.localeCompare(b.id)),
    groups: all.map((g) => ({ key: g.key, ...stats(g.tickets, g.windows, input) })),
    totals: stats(
      all.flatMap((g) => g.tickets),
      all.flatMap((g) => g.windows),
      input,
    ),
    breaches,
    skipped,
  }
}

function keyOf(by: Grouping, row: Row, level: string | null, at: number, zone: string): GroupKey {
  const regulation = row.reg.id
  switch (by) {
    case 'regulation':
      return { regulation }
    case 'level':
      return { regulation, level: level ?? '(none)' }
    case 'agent':
      return { regulation, agent: row.ticket.assignee ?? '(unassigned)' }
    case 'channel':
      return { regulation, channel: row.ticket.channel ?? '(unknown)' }
    case 'week':
      return { regulation, week: isoWeek(at, zone) }
  }
}

function stats(
  tickets: readonly Row[],
  windows: readonly { row: Row; w: ReactionWindow }[],
  input: ReportInput,
): Stats {
  const count = (f: (w: ReactionWindow) => boolean) => windows.filter(({ w }) => f(w)).length
  const met = count((w) => w.status === 'met')
  const late = count((w) => w.status === 'late')
  const overdue = count((w) => w.status === 'overdue')
  const pending = count((w) => w.status === 'pending' || w.status === 'at_risk')
  const responded = windows.filter(({ w }) => w.respondedAt !== null)
  const withTarget = windows.filter(
    ({ w }) => w.target !== null && (w.respondedAt !== null || input.now > (w.target as number)),
  )
  const within = withTarget.filter(({ w }) => w.respondedAt !== null && w.respondedAt <= (w.target as number)).length
  const outOfScope = tickets.filter(({ ticket }) => triageField(ticket, 'scope') === 'out')
  const topics = new Map<string, { id: string; clause: string | null; count: number }>()
  for (const { ticket } of outOfScope) {
    const topic = triageField(ticket, 'topic') as { id?: string; clause?: string } | undefined
    if (!topic?.id) continue
    const t = topics.get(topic.id) ?? { id: topic.id, clause: topic.clause ?? null, count: 0 }
    t.count++
    topics.set(topic.id, t)
  }
  return {
    received: tickets.length,
    windows: windows.length,
    met,
    late,
    overdue,
    pending,
    not_regulated: windows.length - met - late - overdue - pending,
    compliance: met + late + overdue ? round(met / (met + late + overdue), 4) : null,
    reaction_working_minutes: distribution(responded.map(({ w }) => w.reactionWorkingMinutes as number)),
    reaction_minutes: distribution(responded.map(({ w }) => ((w.respondedAt as number) - w.openedAt) / 60_000)),
    within_target: {
      windows: withTarget.length,
      within,
      share: withTarget.length ? round(within / withTarget.length, 4) : null,
    },
    out_of_scope: {
      tickets: outOfScope.length,
      share: tickets.length ? round(outOfScope.length / tickets.length, 4) : null,
      topics: [...topics.values()].sort((a, b) => b.count - a.count || a.id.localeCompare(b.id)).slice(0, 5),
    },
    multiple_problems: tickets.filter(({ ticket }) =>
      ((triageField(ticket, 'warnings') as { code?: string }[] | undefined) ?? []).some(
        (w) => w.code === 'multiple_problems',
      ),
    ).length,
  }
}

/** Nearest-rank percentiles of minutes, rounded to whole minutes. */
export function distribution(values: readonly number[]): Distribution {
  if (!values.length) return { count: 0, median: null, p90: null, max: null }
  const sorted = [...values].sort((a, b) => a - b)
  const rank = (p: number) => sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)] as number
  return {
    count: sorted.length,
    median: Math.round(rank(50)),
    p90: Math.round(rank(90)),
    max: Math.round(sorted.at(-1) as number),
  }
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
  const local = formatInstantIn(ms, zone).slice(0, 10)
  const d = new Date(`${local}T00:00:00Z`)
  const day = (d.getUTCDay() + 6) % 7
  d.setUTCDate(d.getUTCDate() - day + 3) // the Thursday of this week decides its year
  const year = d.getUTCFullYear()
  const jan4 = new Date(Date.UTC(year, 0, 4))
  const week = 1 + Math.round(((d.getTime() - jan4.getTime()) / 86_400_000 - 3 + ((jan4.getUTCDay() + 6) % 7)) / 7)
  return `${year}-W${String(week).padStart(2, '0')}`
}

function triageField(ticket: Ticket, field: string): unknown {
  return ticket.triage ? (ticket.triage as Record<string, unknown>)[field] : undefined
}

function compareKeys(a: GroupKey, b: GroupKey): number {
  return JSON.stringify(Object.values(a)).localeCompare(JSON.stringify(Object.values(b)))
}

function round(x: number, digits: number): number {
  const f = 10 ** digits
  return Math.round(x * f) / f
}
