import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { summaryJson, summaryOf } from '../../../src/ticket/summary.js'
import type { Ticket } from '../../../src/ticket/ticket.js'

const refused = {
  id: 'MS-000001',
  regulation: 'mst',
  level: null,
  tier: null,
  channel: 'phone',
  product: null,
  critical: false,
  subject: 'Не работает сайт',
  text: 'Не работает сайт, пароль admin123',
  received_at: '2026-11-20T15:00:00+03:00',
  status: 'new',
  assignee: null,
  triage: {
    scope: 'out',
    topic: { id: 'problem-investigation', clause: '1.1' },
    reasons: [
      { code: 'channel_not_accepted', clause: '1.2', message: 'requests through phone are not accepted' },
      { code: 'topic_in_scope', clause: '1.1', message: 'in scope: …' },
    ],
    warnings: [],
  },
  events: [{ type: 'received', at: '2026-11-20T15:00:00+03:00', author: 'anna' }],
} as unknown as Ticket

describe('summaryOf (what reports read, in both stores)', () => {
  it('keeps the deciding reason of a refusal, so both backends count out-of-scope requests by it', () => {
    const s = summaryOf(refused)
    expect(s.triage?.reasons).toEqual([{ code: 'channel_not_accepted', clause: '1.2' }])
    expect(s.text).toBe('')
    expect(s.subject).toBe('')
  })
})

/** summaryJson as it was before it wrote a stored ticket's summary field by field: the reference it is compared with. */
function summaryJsonBefore(t: Ticket): string {
  return JSON.stringify(summaryOf(t)).replace(
    /[\u0080-\uffff]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  )
}

/** What a function gives: its text, or the error it throws. */
function outcome(f: () => string): { text: string } | { error: string } {
  try {
    return { text: f() }
  } catch (e) {
    return { error: String(e) }
  }
}

/** A stored ticket with every kind of event and window a summary keeps or leaves out. */
function stored(): Record<string, unknown> {
  return {
    id: 'MG-000001',
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
    assignee: 'Анна "Ш" \\ 1',
    triage: null,
    events: [
      { type: 'received', at: '2026-03-27T08:26:22.134+03:00', author: 'client@shop.ru', message: 'via form' },
      { type: 'note', at: '2026-03-27T09:00:00+03:00', author: 'anna', message: 'проверить' },
      { type: 'assignment', at: '2026-03-27T09:00:00+03:00', author: 'anna', from: null, to: 'petr' },
      { type: 'field_change', at: '2026-03-27T09:01:00+03:00', author: 'anna', field: 'tier', from: 'a', to: 'b' },
      { type: 'agent_response', at: '2026-03-27T10:00:00+03:00', author: 'Пётр' },
      { type: 'level_change', at: '2026-03-27T10:30:00+03:00', author: 'anna', from: null, to: 'x', rule: 'r' },
      { type: 'customer_reply', at: '2026-03-28T10:00:00+03:00', author: 'client', message: 'код' },
      { type: 'status_change', at: '2026-03-28T11:00:00Z', author: 'anna', from: 'open', to: 'resolved' },
      { type: 'status_change', at: '2026-03-28T12:00:00Z', author: 'anna', from: 'resolved', to: 'open' },
    ],
    customer: 'client@shop.ru',
    origin: { source: 'desk', external_id: 'D-1' },
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
      { opened_at: '2026-03-28T10:00:00+03:00', level: null, deadline: null, target: null, fingerprint: 'f' },
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

/** Values of every JSON type and some JSON has no form of, texts that JSON escapes and texts beyond ASCII. */
const VALUES: unknown[] = [
  undefined,
  null,
  0,
  -0,
  1.5,
  Number.NaN,
  true,
  '',
  'x',
  'resolved',
  'agent_response',
  'status_change',
  'level_change',
  'note',
  'quote " and \\ backslash',
  'line\nbreak\ttab\u0000nul\u007fdel',
  'Пётр Иванов',
  'emoji 😀',
  'lone \ud800 surrogate \udc00',
  '\u2028\u2029',
  [],
  [null],
  {},
  { scope: 'out', topic: { id: 't' }, reasons: [{ code: 'c', clause: '1' }], warnings: [{ code: 'w' }] },
  { scope: 'in', topic: null, warnings: 'none' },
]

/** A stored ticket with up to four of its parts replaced by (or, undefined, left without) one of VALUES or a text. */
const ticketLike = fc
  .tuple(
    fc.array(fc.tuple(fc.nat(), fc.oneof(fc.nat({ max: VALUES.length - 1 }), fc.string({ unit: 'binary' }))), {
      maxLength: 4,
    }),
  )
  .map(([edits]) => {
    let t: unknown = stored()
    for (const [at, v] of edits) {
      const all = paths(t)
      const path = all[at % all.length] as (string | number)[]
      const value = typeof v === 'string' ? v : structuredClone(VALUES[v])
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
    return t as Ticket
  })

describe('summaryJson (the summary line of the file store and the summary column of the team store)', () => {
  it('is the ASCII JSON text of summaryOf, for any ticket (or throws what making that text throws)', () => {
    fc.assert(
      fc.property(ticketLike, (t) => {
        expect(outcome(() => summaryJson(t))).toEqual(outcome(() => summaryJsonBefore(t)))
      }),
      { numRuns: 5000 },
    )
  })

  it('is ASCII and reads back as summaryOf', () => {
    const t = stored() as unknown as Ticket
    const line = summaryJson(t)
    expect(line).toMatch(/^[\x20-\x7e]*$/)
    expect(JSON.parse(line)).toEqual(JSON.parse(JSON.stringify(summaryOf(t))))
    expect(line).toBe(summaryJsonBefore(t))
  })
})
