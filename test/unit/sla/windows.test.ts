import { describe, expect, it } from 'vitest'
import { businessClock } from '../../../src/cli/regulation-input.js'
import { RegulationRegistry } from '../../../src/regulation/load.js'
import { PARSERS } from '../../../src/regulation/parsers.js'
import { windowStatus } from '../../../src/sla/status.js'
import { ticketWindows, type WindowTicket } from '../../../src/sla/windows.js'
import type { TicketEvent } from '../../../src/ticket/ticket.js'

const registry = RegulationRegistry.withBuiltins(PARSERS)
const reg = (id: string) => registry.get(id)
// the shipped calendar alone: no directory of imported years
const clockOf = (id: string) =>
  businessClock({ calendarsDir: () => '/nonexistent/regdesk-calendars', parsers: PARSERS }, reg(id))
/** Moscow wall-clock time → epoch ms */
const msk = (wall: string) => Date.parse(`${wall}:00+03:00`)
const iso = (wall: string) => `${wall}:00+03:00`

function ticket(
  level: string | null,
  received: string,
  events: [TicketEvent['type'], string, string?][] = [],
): WindowTicket {
  return {
    level,
    received_at: iso(received),
    events: [
      { type: 'received', at: iso(received) },
      ...events.map(([type, at, to]) => ({ type, at: iso(at), ...(to ? { to } : {}) })),
    ],
  }
}

function windows(id: string, t: WindowTicket, now: string) {
  return ticketWindows(t, reg(id), clockOf(id), msk(now)).map((w) => ({
    ...w,
    openedAt: new Date(w.openedAt).toISOString(),
    deadline: w.deadline === null ? null : new Date(w.deadline).toISOString(),
    target: w.target === null ? null : new Date(w.target).toISOString(),
    respondedAt: w.respondedAt === null ? null : new Date(w.respondedAt).toISOString(),
  }))
}
const utc = (wall: string) => new Date(msk(wall)).toISOString()

describe('ticketWindows: moguta (3 working days, target 1; Mon–Fri 10–19)', () => {
  // received Fri 20.11.2026 18:00 (one open hour left that day)
  it('received Friday 18:00, answered Monday 11:00 → met; target Mon 18:00, deadline Wed 18:00', () => {
    const [w, ...rest] = windows(
      'moguta',
      ticket('standard', '2026-11-20T18:00', [['agent_response', '2026-11-23T11:00']]),
      '2026-11-30T12:00',
    )
    expect(rest).toEqual([])
    expect(w).toMatchObject({
      openedAt: utc('2026-11-20T18:00'),
      openedBy: 'received',
      level: 'standard',
      target: utc('2026-11-23T18:00'),
      deadline: utc('2026-11-25T18:00'),
      respondedAt: utc('2026-11-23T11:00'),
      respondedBy: 'agent_response',
      status: 'met',
      // Fri 18–19 (60) + Mon 10–11 (60)
      reactionWorkingMinutes: 120,
    })
  })

  it('answered after the deadline → late', () => {
    const [w] = windows(
      'moguta',
      ticket('standard', '2026-11-20T18:00', [['agent_response', '2026-11-25T18:01']]),
      '2026-11-30T12:00',
    )
    expect(w?.status).toBe('late')
  })

  it.each([
    ['2026-11-23T17:59', 'pending', 'before the target, 2 of 3 days left'],
    ['2026-11-23T18:00', 'at_risk', 'at the target'],
    ['2026-11-25T18:00', 'at_risk', 'at the deadline: not yet overdue'],
    ['2026-11-25T18:01', 'overdue', 'a minute past the deadline'],
  ])('unanswered at %s → %s (%s)', (now, status) => {
    expect(windows('moguta', ticket('standard', '2026-11-20T18:00'), now)[0]?.status).toBe(status)
  })

  it('customer replies never open windows under first-request', () => {
    const t = ticket('standard', '2026-11-20T18:00', [
      ['agent_response', '2026-11-23T11:00'],
      ['customer_reply', '2026-11-23T12:00'],
    ])
    expect(windows('moguta', t, '2026-11-30T12:00')).toHaveLength(1)
  })

  it('events after --now are not seen', () => {
    const t = ticket('standard', '2026-11-20T18:00', [['agent_response', '2026-11-23T11:00']])
    expect(windows('moguta', t, '2026-11-23T10:30')[0]).toMatchObject({ status: 'pending', respondedAt: null })
  })

  it('resolving or closing without a response ends the window (the agent acted)', () => {
    const t = ticket('standard', '2026-11-20T18:00', [['status_change', '2026-11-26T10:00', 'resolved']])
    expect(windows('moguta', t, '2026-11-30T12:00')[0]).toMatchObject({ status: 'late', respondedBy: 'status_change' })
  })
})

describe('ticketWindows: a ticket without a level (issue 16)', () => {
  it('moguta: held to standard (the licensed tier) and overdue after its deadline', () => {
    expect(windows('moguta', ticket(null, '2026-11-20T18:00'), '2026-11-30T12:00')[0]).toMatchObject({
      level: 'standard',
      levelAssumed: true,
      deadline: utc('2026-11-25T18:00'),
      status: 'overdue',
      reason: null,
    })
  })
  it('a level set later re-levels the window still open; an answered one keeps the assumed level', () => {
    const open = windows(
      'advantshop',
      ticket(null, '2026-11-20T10:00', [['level_change', '2026-11-20T12:00', 'partner']]),
      '2026-11-30T12:00',
    )
    expect(open[0]).toMatchObject({ level: 'partner', levelAssumed: false })
    const answered = windows(
      'advantshop',
      ticket(null, '2026-11-20T10:00', [
        ['agent_response', '2026-11-20T11:00'],
        ['level_change', '2026-11-20T12:00', 'partner'],
      ]),
      '2026-11-30T12:00',
    )
    expect(answered[0]).toMatchObject({ level: 'free', levelAssumed: true, status: 'met' })
  })
})

describe('ticketWindows: advantshop (every customer reply opens a window; Mon–Fri 08–20, weekends 09–18)', () => {
  const answered = ticket('free', '2026-11-23T10:00', [
    ['agent_response', '2026-11-23T11:00'],
    ['customer_reply', '2026-11-23T15:00'],
  ])

  it('a customer reply after an answer opens a new window of 24 working hours', () => {
    const [w1, w2] = windows('advantshop', answered, '2026-11-25T14:00')
    // Mon 10–20 (10 h) + Tue 08–20 (12 h) + Wed 08–10 (2 h) = 24 h
    expect(w1).toMatchObject({ status: 'met', deadline: utc('2026-11-25T10:00') })
    // Mon 15–20 (5 h) + Tue 08–20 (12 h) + Wed 08–15 (7 h) = 24 h
    expect(w2).toMatchObject({
      openedBy: 'customer_reply',
      openedAt: utc('2026-11-23T15:00'),
      deadline: utc('2026-11-25T15:00'),
      status: 'at_risk',
      respondedAt: null,
    })
  })

  it('the new window goes overdue; the time late is counted in working minutes', () => {
    const w2 = ticketWindows(answered, reg('advantshop'), clockOf('advantshop'), msk('2026-11-25T16:00'))[1]
    expect(w2?.status).toBe('overdue')
    expect(clockOf('advantshop').elapsed(w2?.deadline as number, msk('2026-11-25T16:00'))).toBe(60)
  })

  it('replies while a window is still open add no window', () => {
    const t = ticket('free', '2026-11-23T10:00', [
      ['customer_reply', '2026-11-23T10:30'],
      ['customer_reply', '2026-11-23T10:45'],
      ['agent_response', '2026-11-23T11:00'],
    ])
    expect(windows('advantshop', t, '2026-11-25T14:00')).toHaveLength(1)
  })

  it('a level change applies to windows opened after it, not to the open one', () => {
    const t = ticket('development', '2026-11-23T10:00', [
      ['level_change', '2026-11-23T10:30', 'development'],
      ['agent_response', '2026-11-23T11:00'],
      ['customer_reply', '2026-11-23T15:00'],
    ])
    ;(t.events[1] as { from?: string }).from = 'free'
    const [w1, w2] = windows('advantshop', t, '2026-11-24T12:00')
    expect(w1?.level).toBe('free')
    expect(w2?.level).toBe('development')
  })

  it('partner (3 working hours): at risk with less than 20 % (36 min) of the limit left', () => {
    const t = ticket('partner', '2026-11-23T09:00')
    expect(windows('advantshop', t, '2026-11-23T11:20')[0]?.status).toBe('pending') // 40 min left
    expect(windows('advantshop', t, '2026-11-23T11:25')[0]?.status).toBe('at_risk') // 35 min left
    expect(windows('advantshop', t, '2026-11-23T12:01')[0]?.status).toBe('overdue')
  })
})

describe('ticketWindows: umi', () => {
  it('the support level states no reaction time → not_regulated, never overdue', () => {
    const [w] = windows('umi', ticket('support', '2026-11-20T10:00'), '2027-01-20T10:00')
    expect(w).toMatchObject({ status: 'not_regulated', deadline: null, reason: 'not_regulated' })
  })

  it('consulting (20 working hours) also opens a window per customer reply', () => {
    const t = ticket('consulting', '2026-11-23T09:00', [
      ['agent_response', '2026-11-23T10:00'],
      ['customer_reply', '2026-11-24T09:00'],
      ['agent_response', '2026-11-24T10:00'],
      ['customer_reply', '2026-11-24T11:00'],
    ])
    expect(windows('umi', t, '2026-11-24T12:00').map((w) => w.status)).toEqual(['met', 'met', 'pending'])
  })

  it('a ticket without a level is held to the default tier level (issue 16): umi client → support, no limit', () => {
    expect(windows('umi', ticket(null, '2026-11-20T10:00'), '2026-11-30T10:00')[0]).toMatchObject({
      level: 'support',
      levelAssumed: true,
      status: 'not_regulated',
      reason: 'not_regulated',
    })
  })
})

describe('windowStatus', () => {
  const clock = clockOf('moguta')
  it('a window without a deadline is not_regulated even when answered', () => {
    expect(windowStatus(clock, { openedAt: 0, deadline: null, target: null, respondedAt: 5 }, 10)).toBe('not_regulated')
  })
  it('answered exactly at the deadline is met', () => {
    const d = msk('2026-11-25T18:00')
    expect(
      windowStatus(clock, { openedAt: msk('2026-11-20T18:00'), deadline: d, target: null, respondedAt: d }, d + 1),
    ).toBe('met')
  })
})
