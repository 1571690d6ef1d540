import type { BusinessClock } from '../calendar/clock.js'
import type { Regulation } from '../regulation/load.js'
import type { Duration } from '../regulation/schema.js'
import { levelClock } from '../sla/deadline.js'
import type { ReactionWindow } from '../sla/windows.js'
import type { Ticket } from '../ticket/ticket.js'
import { isOutOfScope } from '../ticket/triage-record.js'
import { isoWeekOfDay, refusal } from './summarize.js'

/**
 * The figures of the printable report (`report --format html`) that the Report itself does not
 * hold: compliance week by week, reaction times as a share of each level's limit, breaches by level
 * and by agent, and what incoming requests were refused or left unclear, by topic. Pure, and
 * gathered in the report's own pass over the tickets (summarize.ts `observe`): the windows are
 * computed once whatever the format.
 *
 * Definitions:
 * - weeks are ISO weeks (Monday to Sunday) of the period's dates; a window counts in the week it
 *   opened, in its regulation's timezone; compliance = met / (met + late + overdue), null when 0;
 * - the share of the limit is the working time a window took to be answered over the working time
 *   from its opening to its deadline (1 = answered at the deadline). A window answered after its
 *   deadline outside working hours used exactly its limit in working time: it counts in the first
 *   bin past the limit, since it was late;
 * - a breach (late or overdue window with a deadline) counts by level, and by agent: who answered a
 *   late window, the ticket's assignee for an overdue one (nobody answered it yet);
 * - out of scope and unclear: tickets received in the period by their stored verdict; the topics
 *   are the refusing reason or topic (as summarize.ts counts them) and the topic an unclear
 *   verdict leaned to, null when it named none.
 */

export interface ReportFigures {
  weeks: WeekFigures[]
  reaction: {
    /** responded windows that had a deadline */
    answered: number
    bins: ShareBin[]
    levels: LevelReaction[]
  }
  breaches: {
    by_level: { regulation: string; level: string | null; level_name: string | null; late: number; overdue: number }[]
    /** most breaches first */
    by_agent: { agent: string | null; late: number; overdue: number }[]
  }
  /** tickets received in the period */
  received: number
  out_of_scope: ScopeShare
  unclear: ScopeShare
  /** the regulations' names, by id */
  regulation_names: Record<string, string>
}

export interface WeekFigures {
  /** "2026-W45" */
  week: string
  /** its Monday and Sunday, YYYY-MM-DD */
  first_day: string
  last_day: string
  windows: number
  met: number
  late: number
  overdue: number
  compliance: number | null
}

export interface ShareBin {
  /** share of the limit: (from, to], the first bin from 0 inclusive; `to` null for the last */
  from: number
  to: number | null
  count: number
  /** the bin lies past the limit */
  over: boolean
}

export interface LevelReaction {
  regulation: string
  level: string
  level_name: string | null
  limit: Duration | null
  answered: number
  /** answered by the deadline */
  met: number
  median_share: number | null
  p90_share: number | null
}

export interface ScopeShare {
  tickets: number
  share: number | null
  /** most frequent first, five at most */
  topics: { regulation: string; id: string | null; kind: 'reason' | 'topic'; title: string | null; count: number }[]
}

/** The upper bounds of the share bins (the last bin has none): tenths up to the limit, then coarser. */
export const SHARE_BOUNDS = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1, 1.25, 1.5, 2] as const

/** What summarize.ts tells a listener in its pass: each ticket received in the period, each window opened in it. */
export interface ReportObserver {
  ticket(ticket: Ticket, reg: Regulation): void
  window(w: ReactionWindow, ticket: Ticket, reg: Regulation, clock: BusinessClock, week: string): void
}

export interface FiguresCollector extends ReportObserver {
  /** the figures of what was observed, for the period `from`..`to` (YYYY-MM-DD, inclusive) */
  result(from: string, to: string): ReportFigures
}

interface LevelTally {
  regulation: string
  level: string
  level_name: string | null
  limit: LevelReaction['limit']
  shares: number[]
  met: number
}

interface TopicTally {
  received: number
  out: Map<string, ScopeShare['topics'][number]>
  outCount: number
  unclear: Map<string, ScopeShare['topics'][number]>
  unclearCount: number
}

export function collectFigures(): FiguresCollector {
  const weeks = new Map<string, { windows: number; met: number; late: number; overdue: number }>()
  const bins = new Array<number>(SHARE_BOUNDS.length + 1).fill(0)
  const levels = new Map<string, LevelTally>()
  const clocks = new Map<string, BusinessClock>()
  const byLevel = new Map<string, ReportFigures['breaches']['by_level'][number]>()
  const byAgent = new Map<string | null, { agent: string | null; late: number; overdue: number }>()
  const names: Record<string, string> = {}
  const topics: TopicTally = { received: 0, out: new Map(), outCount: 0, unclear: new Map(), unclearCount: 0 }
  let answered = 0

  const clockOf = (reg: Regulation, clock: BusinessClock, level: string | null): BusinessClock => {
    const key = `${reg.id}\u0000${level}`
    let c = clocks.get(key)
    if (!c) {
      c = levelClock(reg, clock, level)
      clocks.set(key, c)
    }
    return c
  }
  const levelName = (reg: Regulation, level: string | null) => (level ? (reg.levels[level]?.name ?? null) : null)
  const count = (
    map: Map<string, ScopeShare['topics'][number]>,
    reg: Regulation,
    id: string | null,
    kind: 'reason' | 'topic',
  ) => {
    const key = `${reg.id}\u0000${kind}\u0000${id}`
    const known = map.get(key)
    if (known) known.count++
    else {
      const title = kind === 'topic' && id ? (reg.topics.find((t) => t.id === id)?.title ?? null) : null
      map.set(key, { regulation: reg.id, id, kind, title, count: 1 })
    }
  }

  return {
    ticket(ticket, reg) {
      names[reg.id] = reg.name
      topics.received++
      if (isOutOfScope(ticket.triage)) {
        topics.outCount++
        const why = refusal(ticket)
        count(topics.out, reg, why?.id ?? null, why?.kind ?? 'topic')
      } else if (ticket.triage?.scope === 'unclear') {
        topics.unclearCount++
        count(topics.unclear, reg, ticket.triage.topic?.id ?? null, 'topic')
      }
    },
    window(w, ticket, reg, clock, week) {
      names[reg.id] = reg.name
      let wk = weeks.get(week)
      if (!wk) {
        wk = { windows: 0, met: 0, late: 0, overdue: 0 }
        weeks.set(week, wk)
      }
      wk.windows++
      if (w.status === 'met') wk.met++
      else if (w.status === 'late') wk.late++
      else if (w.status === 'overdue') wk.overdue++
      if (w.deadline === null) return
      if (w.status === 'late' || w.status === 'overdue') {
        const levelKey = `${reg.id}\u0000${w.level}`
        let l = byLevel.get(levelKey)
        if (!l) {
          l = { regulation: reg.id, level: w.level, level_name: levelName(reg, w.level), late: 0, overdue: 0 }
          byLevel.set(levelKey, l)
        }
        const agent = w.status === 'late' ? w.responder : ticket.assignee
        let a = byAgent.get(agent)
        if (!a) {
          a = { agent, late: 0, overdue: 0 }
          byAgent.set(agent, a)
        }
        if (w.status === 'late') {
          l.late++
          a.late++
        } else {
          l.overdue++
          a.overdue++
        }
      }
      if (w.respondedAt === null || w.reactionWorkingMinutes === null) return
      const limit = clockOf(reg, clock, w.level).elapsed(w.openedAt, w.deadline)
      let share = limit > 0 ? w.reactionWorkingMinutes / limit : w.status === 'met' ? 0 : 1
      // late outside working hours: its working time equals the limit, yet it was late
      if (w.status === 'late' && share <= 1) share = 1 + Number.EPSILON
      answered++
      const bin = binOf(share)
      bins[bin] = (bins[bin] as number) + 1
      const key = `${reg.id}\u0000${w.level}`
      let lt = levels.get(key)
      if (!lt) {
        const def = w.level ? reg.levels[w.level] : undefined
        lt = {
          regulation: reg.id,
          level: w.level ?? '',
          level_name: def?.name ?? null,
          limit: def?.limit ?? null,
          shares: [],
          met: 0,
        }
        levels.set(key, lt)
      }
      lt.shares.push(share)
      if (w.status === 'met') lt.met++
    },
    result(from, to) {
      const byOrder = (
        a: { regulation: string; level: string | null },
        b: { regulation: string; level: string | null },
      ) => a.regulation.localeCompare(b.regulation) || (a.level ?? '').localeCompare(b.level ?? '')
      return {
        weeks: weeksOf(from, to).map((x) => {
          const wk = weeks.get(x.week) ?? { windows: 0, met: 0, late: 0, overdue: 0 }
          const decided = wk.met + wk.late + wk.overdue
          return { ...x, ...wk, compliance: decided ? round(wk.met / decided, 4) : null }
        }),
        reaction: {
          answered,
          bins: bins.map((n, i) => ({
            from: i === 0 ? 0 : (SHARE_BOUNDS[i - 1] as number),
            to: SHARE_BOUNDS[i] ?? null,
            count: n,
            over: i > SHARE_BOUNDS.indexOf(1),
          })),
          levels: [...levels.values()].sort(byOrder).map((l) => {
            const sorted = Float64Array.from(l.shares).sort()
            return {
              regulation: l.regulation,
              level: l.level,
              level_name: l.level_name,
              limit: l.limit,
              answered: sorted.length,
              met: l.met,
              median_share: nearestRank(sorted, 50),
              p90_share: nearestRank(sorted, 90),
            }
          }),
        },
        breaches: {
          by_level: [...byLevel.values()].sort(byOrder),
          by_agent: [...byAgent.values()].sort(
            (a, b) =>
              b.late + b.overdue - (a.late + a.overdue) ||
              (a.agent === null ? 1 : b.agent === null ? -1 : a.agent.localeCompare(b.agent)),
          ),
        },
        received: topics.received,
        out_of_scope: shareOf(topics.outCount, topics.received, topics.out),
        unclear: shareOf(topics.unclearCount, topics.received, topics.unclear),
        regulation_names: Object.fromEntries(Object.entries(names).sort(([a], [b]) => a.localeCompare(b))),
      }
    },
  }
}

/** The bin of a share of the limit: (from, to], the first from 0. */
export function binOf(share: number): number {
  for (let i = 0; i < SHARE_BOUNDS.length; i++) if (share <= (SHARE_BOUNDS[i] as number)) return i
  return SHARE_BOUNDS.length
}

/** The ISO weeks the dates `from`..`to` fall in, in order, each with its Monday and Sunday. */
export function weeksOf(from: string, to: string): Pick<WeekFigures, 'week' | 'first_day' | 'last_day'>[] {
  const out: Pick<WeekFigures, 'week' | 'first_day' | 'last_day'>[] = []
  const first = Date.parse(`${from}T00:00:00Z`) / 86_400_000
  const last = Date.parse(`${to}T00:00:00Z`) / 86_400_000
  // from the Monday of `from`'s week, a week at a time (1970-01-01, day 0, was a Thursday)
  for (let monday = first - ((first + 3) % 7); monday <= last; monday += 7)
    out.push({ week: isoWeekOfDay(monday), first_day: dateOf(monday), last_day: dateOf(monday + 6) })
  return out
}

function dateOf(day: number): string {
  return new Date(day * 86_400_000).toISOString().slice(0, 10)
}

function shareOf(n: number, received: number, topics: Map<string, ScopeShare['topics'][number]>): ScopeShare {
  return {
    tickets: n,
    share: received ? round(n / received, 4) : null,
    topics: [...topics.values()]
      .sort(
        (a, b) =>
          b.count - a.count ||
          a.regulation.localeCompare(b.regulation) ||
          (a.id ?? '\uffff').localeCompare(b.id ?? '\uffff'),
      )
      .slice(0, 5),
  }
}

/** Nearest rank of sorted shares, to two decimals. */
function nearestRank(sorted: Float64Array, p: number): number | null {
  if (!sorted.length) return null
  return round(sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)] as number, 2)
}

function round(x: number, digits: number): number {
  const f = 10 ** digits
  return Math.round(x * f) / f
}
