import { describe, expect, it } from 'vitest'
import { clockFor } from '../../../src/calendar/clock.js'
import { loadCalendar } from '../../../src/calendar/load.js'
import { RegulationRegistry } from '../../../src/regulation/load.js'
import { PARSERS } from '../../../src/regulation/parsers.js'
import { binOf, collectFigures, SHARE_BOUNDS, weeksOf } from '../../../src/report/figures.js'
import { summarizeCompliance } from '../../../src/report/summarize.js'
import type { Ticket } from '../../../src/ticket/ticket.js'

const registry = RegulationRegistry.withBuiltins(PARSERS)

/** A moguta ticket (3 working days, Mon–Fri 10–19) received at `at`, answered at `answered` by `agent`. */
function ticket(id: string, at: string, answered?: string, agent = 'anna'): Ticket {
  return {
    id,
    regulation: 'moguta',
    level: 'standard',
    tier: 'licensed',
    channel: 'form',
    product: null,
    critical: false,
    subject: 's',
    text: 't',
    received_at: at,
    status: answered ? 'open' : 'new',
    assignee: agent,
    triage: null,
    events: [
      { type: 'received', at, author: 'customer' },
      ...(answered ? [{ type: 'agent_response' as const, at: answered, author: agent }] : []),
    ],
  }
}

function figures(tickets: Ticket[], from: string, to: string, now: string) {
  const collector = collectFigures()
  summarizeCompliance({
    tickets,
    regulation: (id) => (registry.has(id) ? registry.get(id) : undefined),
    clock: (reg) => clockFor(reg.workingTime, loadCalendar(reg.workingTime.calendar, { parsers: PARSERS })),
    from,
    to,
    now: Date.parse(now),
    by: 'regulation',
    zone: 'Europe/Moscow',
    observe: collector,
  })
  return collector.result(from, to)
}

describe('the printable report figures (src/report/figures.ts)', () => {
  it('weeks are ISO weeks from the Monday of the first date to the Sunday of the last', () => {
    expect(weeksOf('2026-11-01', '2026-11-10')).toEqual([
      { week: '2026-W44', first_day: '2026-10-26', last_day: '2026-11-01' },
      { week: '2026-W45', first_day: '2026-11-02', last_day: '2026-11-08' },
      { week: '2026-W46', first_day: '2026-11-09', last_day: '2026-11-15' },
    ])
    // a year whose first days belong to the last week of the year before
    expect(weeksOf('2027-01-01', '2027-01-04').map((w) => w.week)).toEqual(['2026-W53', '2027-W01'])
  })

  it('shares of the limit fall in (from, to] bins; the limit itself is on time, past it is late', () => {
    expect(binOf(0)).toBe(0)
    expect(binOf(0.1)).toBe(0)
    expect(binOf(0.10001)).toBe(1)
    expect(binOf(1)).toBe(SHARE_BOUNDS.indexOf(1))
    expect(binOf(1.0001)).toBe(SHARE_BOUNDS.indexOf(1) + 1)
    expect(binOf(7)).toBe(SHARE_BOUNDS.length)
  })

  it('by hand: compliance per week, shares of the limit, breaches by level and agent', () => {
    // A Mon 11-02 12:00, answered Tue 12:00: 9 of 27 working hours → share 1/3, met, week 45
    // B Mon 11-09 12:00, answered Fri 11-13 12:00: 36 of 27 working hours → share 4/3, late, week 46 (petr)
    // C Thu 11-19 10:00, unanswered at Tue 11-24 12:00: deadline Tue 10:00 passed → overdue, week 47 (anna)
    const f = figures(
      [
        ticket('A', '2026-11-02T12:00:00+03:00', '2026-11-03T12:00:00+03:00'),
        ticket('B', '2026-11-09T12:00:00+03:00', '2026-11-13T12:00:00+03:00', 'petr'),
        ticket('C', '2026-11-19T10:00:00+03:00'),
      ],
      '2026-11-02',
      '2026-11-22',
      '2026-11-24T12:00:00+03:00',
    )
    expect(f.weeks.map((w) => [w.week, w.windows, w.met, w.late, w.overdue, w.compliance])).toEqual([
      ['2026-W45', 1, 1, 0, 0, 1],
      ['2026-W46', 1, 0, 1, 0, 0],
      ['2026-W47', 1, 0, 0, 1, 0],
    ])
    expect(f.reaction.answered).toBe(2)
    expect(f.reaction.bins[binOf(1 / 3)]?.count).toBe(1)
    expect(f.reaction.bins[binOf(4 / 3)]?.count).toBe(1)
    expect(f.breaches.by_level).toEqual([
      { regulation: 'moguta', level: 'standard', level_name: expect.any(String), late: 1, overdue: 1 },
    ])
    expect(f.breaches.by_agent).toEqual(
      expect.arrayContaining([
        { agent: 'petr', late: 1, overdue: 0 },
        { agent: 'anna', late: 0, overdue: 1 },
      ]),
    )
    expect(f.received).toBe(3)
  })
})
