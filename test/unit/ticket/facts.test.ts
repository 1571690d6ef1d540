import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { lastOpenedAt, ticketFacts } from '../../../src/ticket/facts.js'
import type { Ticket, TicketEvent } from '../../../src/ticket/ticket.js'
import type { WindowRecord } from '../../../src/ticket/window-record.js'

const BASE = Date.parse('2026-11-02T09:00:00Z')
/** minutes after BASE as an instant with an offset, as the stores keep them */
const instant = fc
  .integer({ min: 0, max: 20_000 })
  .map((m) => new Date(BASE + m * 60_000 + 3 * 3_600_000).toISOString().replace('Z', '+03:00').replace('.000', ''))
const event = fc.record({
  type: fc.constantFrom('agent_response', 'customer_reply', 'status_change', 'note'),
  at: instant,
  to: fc.constantFrom('open', 'waiting_customer', 'resolved'),
})
const window = fc.record({ opened_at: instant, deadline: fc.option(instant, { nil: null }) })

describe('lastOpenedAt', () => {
  it('is ticketFacts().lastOpenedAt, whatever the events and recorded windows (a report selects by it)', () => {
    fc.assert(
      fc.property(
        instant,
        fc.array(event, { maxLength: 8 }),
        fc.array(window, { maxLength: 3 }),
        (received, events, windows) => {
          const t = {
            id: 'MG-000001',
            received_at: received,
            events: events as TicketEvent[],
            windows: windows.map(
              (w) => ({ ...w, level: 'normal', target: null, reason: 'opened' }) as unknown as WindowRecord,
            ),
          } as Ticket
          expect(lastOpenedAt(t)).toBe(ticketFacts(t).lastOpenedAt)
        },
      ),
    )
  })
})
