import { describe, expect, it } from 'vitest'
import { summaryOf } from '../../../src/ticket/summary.js'
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
