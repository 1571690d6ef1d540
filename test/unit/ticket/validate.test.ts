import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { checkedTicket, validateTicket, validateTickets } from '../../../src/ticket/validate.js'
import { validateTicketsBefore } from '../../support/validate-before.js'

/** A valid ticket with every kind of part the validation looks into. */
function ticket(n: number): Record<string, unknown> {
  return {
    id: `MG-${String(n).padStart(6, '0')}`,
    regulation: 'moguta',
    level: 'standard',
    tier: 'licensed',
    channel: 'form',
    product: null,
    critical: false,
    subject: 'Не работает корзина',
    text: 'пароль: ••••••',
    received_at: '2026-03-27T08:26:22.134+03:00',
    status: 'resolved',
    assignee: 'anna',
    triage: null,
    events: [
      { type: 'received', at: '2026-03-27T08:26:22.134+03:00', author: 'client@shop.ru', message: 'via form' },
      { type: 'agent_response', at: '2026-03-27T10:00:00+03:00', author: 'anna' },
      { type: 'status_change', at: '2026-03-28T10:00:00Z', author: 'anna', from: 'open', to: 'resolved' },
      {
        type: 'customer_reply',
        at: '2026-03-29T10:00:00+03:00',
        author: 'client',
        message: 'код ••••••',
        secrets: [{ field: 'message', kind: 'password', offset: 4, value: 'x1' }],
      },
    ],
    secrets: [{ field: 'text', kind: 'password', offset: 8, value: 'qwerty1' }],
    customer: 'client@shop.ru',
    origin: { source: 'desk', external_id: `D-${n}` },
    attachments: [{ name: 'a.png', type: 'image/png', size: 10 }],
    helpdesk_deadline: '2026-03-30T10:00:00+03:00',
    windows: [
      {
        opened_at: '2026-03-27T08:26:22.134+03:00',
        opened_by: 'received',
        level: 'standard',
        limit: { amount: 3, unit: 'working_days' },
        target_limit: null,
        deadline: '2026-04-01T10:00:00+03:00',
        target: null,
        reason: null,
        fingerprint: 'moguta@28a0aa6b93cbb5a4',
        assumed_level: true,
      },
    ],
  }
}

/** Every path into a value (objects and lists), the value itself as []. */
function paths(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  const out = [prefix]
  if (value && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) out.push(...paths(v, [...prefix, Array.isArray(value) ? Number(k) : k]))
  return out
}

const VALUES: unknown[] = [
  undefined,
  null,
  0,
  -1,
  1.5,
  true,
  '',
  'x',
  'MG-000001',
  'mg-1',
  'moguta',
  'Bad Id',
  'resolved',
  'status_change',
  'no_level',
  '2026-02-30T00:00:00Z',
  '2026-13-01T00:00Z',
  '2026-01-01T24:00:00Z',
  '2026-01-01T10:00:00',
  '2026-01-01T10:00:00.1234567890Z',
  [],
  [null],
  {},
  { source: 'desk' },
  { source: 'desk', external_id: 'D-1' },
  { field: 'text', kind: 'password', offset: 99, value: 'x' },
]

/** A ticket with one to three of its parts replaced by values the validation must judge. */
const mutant = fc
  .tuple(
    fc.integer({ min: 1, max: 3 }),
    fc.array(fc.tuple(fc.nat(), fc.nat({ max: VALUES.length - 1 })), { maxLength: 3 }),
  )
  .map(([n, edits]) => {
    let t: unknown = ticket(n)
    for (const [at, v] of edits) {
      const all = paths(t)
      const path = all[at % all.length] as (string | number)[]
      const value = structuredClone(VALUES[v])
      if (!path.length) {
        t = value
        continue
      }
      let parent = t as Record<string | number, unknown>
      for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>
      const last = path[path.length - 1] as string | number
      if (value === undefined && !Array.isArray(parent)) delete parent[last]
      else parent[last] = value
    }
    return t
  })

describe('validateTickets', () => {
  it('says a field left out of a hand-edited ticket is missing, not «undefined»', () => {
    const [first] = validateTickets([{ id: 'MG-000001' }])
    expect(first).toMatchObject({
      path: 'regulation',
      message: 'expected a regulation id, got nothing (the field is missing)',
    })
  })

  it('finds the problems the validation found before it was made faster, in the same order', () => {
    fc.assert(
      fc.property(fc.array(mutant, { maxLength: 4 }), (tickets) => {
        expect(validateTickets(tickets)).toEqual(validateTicketsBefore(tickets))
      }),
      { numRuns: 20_000 },
    )
  })

  it('of one ticket, finds what it finds in a store of that ticket alone', () => {
    fc.assert(
      fc.property(mutant, (t) => {
        expect(validateTicket(t)).toEqual(validateTicketsBefore([t]))
      }),
      { numRuns: 20_000 },
    )
  })

  it('of the tickets validateTicket found valid with another id (checkedAlone), finds what checking them whole finds', () => {
    // what an import's tickets are when the store checks them (store/intake.ts): valid alone with a placeholder id,
    // then numbered; the ids and origins of the mutants repeat (three tickets) and may be no ids at all
    const validAlone = (t: unknown) =>
      t !== null &&
      typeof t === 'object' &&
      !Array.isArray(t) &&
      validateTicket({ ...(t as Record<string, unknown>), id: 'X-000000' }).length === 0
    fc.assert(
      fc.property(fc.array(mutant, { maxLength: 4 }), (tickets) => {
        const checkedAlone = new Set(tickets.filter(validAlone))
        expect(validateTickets(tickets, checkedAlone)).toEqual(validateTicketsBefore(tickets))
      }),
      { numRuns: 5000 },
    )
    const twice = [ticket(1), { ...ticket(1), id: 'mg-1' }, ticket(1)]
    expect(validateTickets(twice, new Set(twice)).map((p) => [p.index, p.path])).toEqual([
      [1, 'id'],
      [1, 'origin'],
      [2, 'id'],
      [2, 'origin'],
    ])
  })

  it('finds duplicate ids and origins, and stops after 50 problems', () => {
    const twice = [ticket(1), ticket(1), { ...ticket(2), origin: { source: 'desk', external_id: 'D-1' } }]
    expect(validateTickets(twice)).toEqual(validateTicketsBefore(twice))
    expect(validateTickets(twice).map((p) => p.path)).toEqual(['id', 'origin', 'origin'])
    const bad = Array.from({ length: 60 }, () => ({ ...ticket(3), id: 1 }))
    expect(validateTickets(bad)).toEqual(validateTicketsBefore(bad))
    expect(validateTickets('no list')).toEqual(validateTicketsBefore('no list'))
  })

  it('checkedTicket refuses what the validation refuses', () => {
    expect(() => checkedTicket({ ...ticket(1), status: 'gone' } as never)).toThrow(/status/)
    expect(checkedTicket(ticket(1) as never)).toBeTruthy()
  })
})
