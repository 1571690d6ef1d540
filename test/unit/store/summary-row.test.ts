import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { SummaryShapeError, summaryFromColumn, summaryRowJson } from '../../../src/store/postgres/summary-row.js'
import { summaryJson, summaryOf } from '../../../src/ticket/summary.js'
import type { Ticket } from '../../../src/ticket/ticket.js'

const fixture = JSON.parse(readFileSync(new URL('../../fixtures/stores/report-fixture.json', import.meta.url), 'utf8'))
  .tickets as Ticket[]

const at = '2026-11-20T15:00:00+03:00'
const later = '2026-11-23T10:00:00+03:00'
/** What the fixture store has none of: recorded windows, a helpdesk's deadline, automatic and hand-made changes. */
const unusual: Ticket = {
  id: 'IC-000042',
  regulation: 'imagecms',
  level: null,
  tier: 'via-partner',
  channel: 'portal',
  product: 'ImageCMS «Shop» Pro',
  critical: true,
  subject: 'кавычки "двойные", \\ и \u2028',
  text: 'пароль: admin123',
  received_at: at,
  status: 'waiting_customer',
  assignee: 'Ирина "ира" \\ Петрова',
  triage: {
    scope: 'unclear',
    topic: null,
    warnings: [{ code: 'multiple_problems', message: 'два вопроса' }],
  } as unknown as Ticket['triage'],
  events: [
    { type: 'received', at, author: 'client@example.ru', message: 'via portal' },
    { type: 'level_change', at, author: 'regdesk', from: null, to: 'consultation', rule: 'tier_corrected' },
    { type: 'note', at, author: 'anna', message: 'not in a summary' },
    { type: 'assignment', at, author: 'anna', from: null, to: 'Ирина "ира" \\ Петрова' },
    { type: 'status_change', at: later, author: 'Ирина "ира" \\ Петрова', from: 'new', to: 'waiting_customer' },
  ],
  helpdesk_deadline: '2026-11-20T19:00:00+03:00',
  windows: [
    {
      opened_at: at,
      opened_by: 'received',
      level: 'consultation',
      limit: { amount: 2, unit: 'working_days' },
      target_limit: null,
      deadline: later,
      target: null,
      reason: null,
      fingerprint: 'imagecms@0123456789abcdef',
      assumed_level: true,
    },
    {
      opened_at: later,
      opened_by: 'customer_reply',
      level: null,
      limit: null,
      target_limit: null,
      deadline: null,
      target: null,
      reason: 'no_level',
      fingerprint: 'imagecms@0123456789abcdef',
    },
  ],
} as Ticket

describe("the team store's summary column (schema 3: arrays)", () => {
  it('gives back exactly the summary the object form gave, for every kind of ticket', () => {
    const windows = unusual.windows ?? []
    const tickets = [
      ...fixture,
      unusual,
      { ...unusual, triage: null, windows: [] },
      { ...fixture[0], windows: [] },
      // what a valid ticket may leave out: a window's reason, the whole verdict but its topic
      { ...unusual, windows: windows.map(({ reason: _, ...w }) => w), triage: {} },
      { ...unusual, triage: { topic: { id: 'x' } } },
    ] as Ticket[]
    for (const t of tickets) {
      const text = summaryRowJson(t)
      // ASCII: one-byte strings in the report's parse
      expect(text).toMatch(/^[\x20-\x7e]*$/)
      const back = summaryFromColumn(text)
      // what a column of objects (summaryJson) gave back: absent keys absent, nulls null
      const before = JSON.parse(summaryJson(t))
      expect(back, t.id).toStrictEqual(before)
      // the same keys in the same order: a report serialises what it is given in places (breaches, backlog)
      expect(JSON.stringify(back)).toBe(JSON.stringify(before))
    }
  })

  it('a text that is no summary (a row changed outside regdesk) is said as such, not met later as a crash', () => {
    for (const text of [
      '',
      'null',
      '42',
      '"x"',
      '[]',
      '["MG-000002","moguta"]',
      '{"id":"MG-1"}',
      '[1,2,3,4,5,6,7,8,9,10,11,12,13,14]',
    ])
      expect(() => summaryFromColumn(text), text).toThrow(SummaryShapeError)
  })

  it('is shorter than the object it replaces', () => {
    const rows = fixture.map((t) => summaryRowJson(t).length).reduce((a, b) => a + b, 0)
    const objects = fixture.map((t) => summaryJson(t).length).reduce((a, b) => a + b, 0)
    expect(rows).toBeLessThan(objects * 0.7)
  })

  it('still reads a summary written before schema 3 (an object)', () => {
    expect(summaryFromColumn(summaryJson(unusual))).toStrictEqual(summaryOf(unusual))
  })
})
