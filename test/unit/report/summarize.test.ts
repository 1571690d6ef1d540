import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { clockFor } from '../../../src/calendar/clock.js'
import { loadCalendar } from '../../../src/calendar/load.js'
import { RegulationRegistry } from '../../../src/regulation/load.js'
import { PARSERS } from '../../../src/regulation/parsers.js'
import { distribution, isoWeek, type ReportInput, summarizeCompliance } from '../../../src/report/summarize.js'
import type { Ticket, TicketEvent } from '../../../src/ticket/ticket.js'

const registry = RegulationRegistry.withBuiltins(PARSERS)
const NOW = Date.parse('2026-11-30T12:00:00+03:00')

let seq = 0
function ticket(
  regulation: string,
  level: string | null,
  receivedAt: string,
  events: Partial<TicketEvent>[] = [],
  extra: Partial<Ticket> = {},
): Ticket {
  return {
    id: `T-${++seq}`,
    regulation,
    level,
    tier: null,
    channel: 'form',
    product: null,
    critical: false,
    subject: 's',
    text: 't',
    received_at: receivedAt,
    status: 'open',
    assignee: 'anna',
    triage: null,
    events: [
      { type: 'received', at: receivedAt, author: 'customer' },
      ...events.map((e) => ({ author: 'anna', ...e }) as TicketEvent),
    ],
    ...extra,
  }
}

function report(tickets: Ticket[], over: Partial<ReportInput> = {}) {
  return summarizeCompliance({
    tickets,
    regulation: (id) => (registry.has(id) ? registry.get(id) : undefined),
    clock: (reg) => clockFor(reg.workingTime, loadCalendar(reg.workingTime.calendar, { parsers: PARSERS })),
    from: '2026-11-01',
    to: '2026-11-30',
    now: NOW,
    by: 'regulation',
    zone: 'Europe/Moscow',
    ...over,
  })
}

describe('summarizeCompliance, figures worked out by hand', () => {
  it('moguta: received Friday evening, answered Monday morning, is on time', () => {
    // Fri 2026-11-20 18:00; 3 working days → Wed 11-25 18:00; answered Mon 11:00 (2 working hours in)
    const t = ticket('moguta', 'standard', '2026-11-20T18:00:00+03:00', [
      { type: 'agent_response', at: '2026-11-23T11:00:00+03:00' },
    ])
    const r = report([t])
    expect(r.totals).toMatchObject({ received: 1, windows: 1, met: 1, late: 0, overdue: 0, compliance: 1 })
    // 18:00–19:00 Friday + 10:00–11:00 Monday
    expect(r.totals.reaction_working_minutes).toEqual({ count: 1, median: 120, p90: 120, max: 120 })
    expect(r.totals.reaction_minutes.max).toBe(65 * 60) // Fri 18:00 → Mon 11:00
    // target 1 working day: Mon 18:00; answered before it
    expect(r.totals.within_target).toEqual({ windows: 1, within: 1, share: 1 })
  })

  it('a reaction exactly at the deadline is met; one minute later is late, and listed as a breach', () => {
    const onTime = ticket('advantshop', 'partner', '2026-11-20T15:00:00+03:00', [
      { type: 'agent_response', at: '2026-11-20T18:00:00+03:00' },
    ])
    const late = ticket('advantshop', 'partner', '2026-11-20T15:00:00+03:00', [
      { type: 'agent_response', at: '2026-11-20T18:01:00+03:00' },
    ])
    const r = report([onTime, late])
    expect(r.totals).toMatchObject({ windows: 2, met: 1, late: 1, compliance: 0.5 })
    expect(r.breaches).toEqual([
      expect.objectContaining({
        id: late.id,
        level: 'partner',
        deadline: '2026-11-20T18:00:00+03:00',
        late_working_minutes: 1,
      }),
    ])
  })

  it('advantshop: a customer reply after the answer opens a new window with the same maximum', () => {
    // free: 24 working hours. Window 1 is met; the reply on Sat 10:00 opens window 2:
    // Sat 10:00–18:00 (8 h) + Sun 09:00–18:00 (9 h) + Mon 08:00–15:00 (7 h) = 24 h → Mon 11-23 15:00, unanswered at NOW
    const t = ticket('advantshop', 'free', '2026-11-20T15:00:00+03:00', [
      { type: 'agent_response', at: '2026-11-20T16:00:00+03:00' },
      { type: 'customer_reply', at: '2026-11-21T10:00:00+03:00' },
    ])
    const r = report([t])
    expect(r.totals).toMatchObject({ received: 1, windows: 2, met: 1, overdue: 1, compliance: 0.5 })
    expect(r.breaches[0]).toMatchObject({
      opened_at: '2026-11-21T10:00:00+03:00',
      deadline: '2026-11-23T15:00:00+03:00',
      responded_at: null,
    })
  })

  it('umi: support-level windows have no deadline and count as not regulated', () => {
    const t = ticket('umi', 'support', '2026-11-20T15:00:00+03:00', [
      { type: 'agent_response', at: '2026-11-24T15:00:00+03:00' },
    ])
    const r = report([t])
    expect(r.totals).toMatchObject({ windows: 1, not_regulated: 1, met: 0, compliance: null })
    // its reaction time is still measured: Fri 15–18 (3 h) + Sat 8 + Sun 8 + Mon 9 + Tue 09–15 (6 h) = 34 h
    expect(r.totals.reaction_working_minutes.max).toBe(34 * 60)
  })

  it('cuts the period by receipt time in the regulation timezone', () => {
    // 2026-11-30T23:30+03:00 is still November in Moscow although it is 20:30Z; 2026-10-31T23:30+03:00 is October
    const inside = ticket('moguta', 'standard', '2026-11-30T23:30:00+03:00')
    const before = ticket('moguta', 'standard', '2026-10-31T23:30:00+03:00')
    const after = ticket('moguta', 'standard', '2026-12-01T00:10:00+03:00')
    const r = report([inside, before, after], { now: Date.parse('2026-12-01T12:00:00+03:00') })
    expect(r.totals.received).toBe(1)
    expect(r.totals.windows).toBe(1)
  })

  it('counts a request refused by eligibility under its reason, not the in-scope topic it matched', () => {
    const refused = ticket('advantshop', 'consulting', '2026-11-20T15:00:00+03:00', [], {
      triage: {
        regulation: 'advantshop',
        level: 'consulting',
        scope: 'out',
        topic: { id: 'problem-investigation', clause: '4' },
        reasons: [{ code: 'product_unsupported', clause: '1.2', message: 'не поддерживается' }],
        warnings: [],
      },
    })
    expect(report([refused, refused]).totals.out_of_scope.topics).toEqual([
      { id: 'product_unsupported', kind: 'reason', clause: '1.2', count: 2 },
    ])
  })

  it('times resolution from received to the first move to resolved, in working and clock minutes', () => {
    // moguta works 9:00-18:00 Moscow on working days: Fri 17:00 to Mon 10:00 is 2 working hours
    const t = ticket('moguta', 'standard', '2026-11-20T17:00:00+03:00', [
      { type: 'agent_response', at: '2026-11-23T09:30:00+03:00' },
      { type: 'status_change', at: '2026-11-23T10:00:00+03:00', from: 'open', to: 'resolved' },
    ])
    const r = report([t], { now: Date.parse('2026-11-25T12:00:00+03:00') })
    expect(r.resolution.resolved).toBe(1)
    expect(r.resolution.minutes.median).toBe(65 * 60)
    expect(r.resolution.working_minutes.median).toBe(120)
    expect(r.backlog.open).toBe(0)
  })

  it("dates generated_at with the offset of the (first) regulation's zone", () => {
    const r = report([ticket('advantshop', 'consulting', '2026-11-20T15:00:00+03:00')])
    expect(r.generated_at).toMatch(/\+03:00$/)
    expect(Date.parse(r.generated_at)).toBe(NOW)
    expect(report([], { zone: 'Asia/Yekaterinburg' }).generated_at).toMatch(/\+05:00$/)
  })

  it('by level, a ticket counts as received under the level its first window opened with, not one set later', () => {
    // free at intake; partner set the next day, after the window opened: the window stays free, and so does the ticket
    const t = ticket('advantshop', 'partner', '2026-11-20T15:00:00+03:00', [
      { type: 'level_change', at: '2026-11-21T10:00:00+03:00', from: 'free', to: 'partner' },
    ])
    t.events.splice(1, 0, {
      type: 'level_change',
      at: '2026-11-20T15:00:00+03:00',
      from: null,
      to: 'free',
      author: 'x',
    })
    const byLevel = report([t], { by: 'level' })
    expect(byLevel.groups.map((g) => [g.key.level, g.received, g.windows])).toEqual([['free', 1, 1]])
  })

  it('groups by level and by agent, and names the out-of-scope topics with their clause', () => {
    // assigned to oleg now, answered by irina: by agent counts who responded
    const a = ticket(
      'advantshop',
      'partner',
      '2026-11-20T15:00:00+03:00',
      [{ type: 'agent_response', at: '2026-11-20T16:00:00+03:00', author: 'irina' }],
      { assignee: 'oleg' },
    )
    const b = ticket('advantshop', 'consulting', '2026-11-20T15:00:00+03:00', [], {
      triage: {
        regulation: 'advantshop',
        level: 'consulting',
        scope: 'out',
        topic: { id: 'server-migration', clause: '2' },
        warnings: [{ code: 'multiple_problems' }],
      },
    })
    const byLevel = report([a, b], { by: 'level' })
    expect(byLevel.groups.map((g) => g.key)).toEqual([
      { regulation: 'advantshop', level: 'consulting' },
      { regulation: 'advantshop', level: 'partner' },
    ])
    expect(byLevel.groups[0]?.out_of_scope).toEqual({
      tickets: 1,
      share: 1,
      topics: [{ id: 'server-migration', kind: 'topic', clause: '2', count: 1 }],
    })
    expect(byLevel.totals.multiple_problems).toBe(1)
    const byAgent = report([a, b], { by: 'agent' })
    // nobody answered b: null, not a name, and after every name
    expect(byAgent.groups.map((g) => g.key.agent)).toEqual(['irina', null])
    expect(byAgent.groups.map((g) => [g.received, g.windows, g.met])).toEqual([
      [1, 1, 1],
      [1, 1, 0],
    ])
  })

  it('leaves out tickets of unknown regulations and says so', () => {
    const r = report([ticket('acme', 'p1', '2026-11-20T15:00:00+03:00')])
    expect(r.totals.received).toBe(0)
    expect(r.skipped).toEqual([{ id: expect.any(String), regulation: 'acme' }])
  })
})

describe('helpers', () => {
  it('nearest-rank percentiles', () => {
    expect(distribution([15, 20, 35, 40, 50])).toEqual({ count: 5, median: 35, p90: 50, max: 50 })
    expect(distribution([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])).toEqual({ count: 10, median: 5, p90: 9, max: 10 })
    expect(distribution([])).toEqual({ count: 0, median: null, p90: null, max: null })
  })

  it('percentiles picked by selection are those of the sorted values (any order, ties)', () => {
    const bySorting = (values: number[]) => {
      const sorted = [...values].sort((a, b) => a - b)
      const rank = (p: number) => sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)] as number
      return {
        count: sorted.length,
        median: Math.round(rank(50)),
        p90: Math.round(rank(90)),
        max: Math.round(rank(100)),
      }
    }
    const minutes = fc.oneof(fc.integer({ min: 0, max: 20 }), fc.double({ min: 0, max: 1e6, noNaN: true }))
    fc.assert(
      fc.property(fc.array(minutes, { minLength: 1, maxLength: 300 }), (values) => {
        const input = [...values]
        expect(distribution(values)).toEqual(bySorting(values))
        expect(values).toEqual(input) // the caller's array is left alone
      }),
    )
  })

  it.each([
    ['2026-11-20T12:00:00+03:00', '2026-W47'],
    ['2027-01-03T12:00:00+03:00', '2026-W53'],
    ['2025-12-29T12:00:00+03:00', '2026-W01'],
    ['2026-11-22T23:30:00+03:00', '2026-W47'], // Sunday 23:30 in Moscow
    ['2026-11-22T21:30:00Z', '2026-W48'], // Sunday in UTC, already Monday 00:30 in Moscow
  ])('ISO week of %s in Moscow is %s', (at, week) => {
    expect(isoWeek(Date.parse(at), 'Europe/Moscow')).toBe(week)
  })
})
