import { describe, expect, it } from 'vitest'
import {
  type Backlog,
  type BacklogEntry,
  backlogEntry,
  backlogOfEntries,
  resolvedAt,
} from '../../../src/report/backlog.js'
import { statusAt } from '../../../src/ticket/lifecycle.js'
import type { Ticket, TicketEvent } from '../../../src/ticket/ticket.js'

/** The backlog of whole tickets, as the report's tally makes it of the entries it keeps. */
function backlogOf(tickets: Iterable<Ticket>, now: number): Backlog {
  const entries: BacklogEntry[] = []
  for (const t of tickets) {
    const entry = backlogEntry(t, now)
    if (entry) entries.push(entry)
  }
  return backlogOfEntries(entries, now)
}

const NOW = Date.parse('2026-11-30T12:00:00+03:00')

function ticket(id: string, receivedAt: string, events: Partial<TicketEvent>[] = []): Ticket {
  return {
    id,
    regulation: 'moguta',
    level: 'standard',
    tier: null,
    channel: 'email',
    product: null,
    critical: false,
    subject: 's',
    text: 't',
    received_at: receivedAt,
    status: 'open',
    assignee: null,
    triage: null,
    events: [
      { type: 'received', at: receivedAt, author: 'customer' },
      ...events.map((e) => ({ author: 'anna', ...e }) as TicketEvent),
    ],
  }
}

describe('backlog as of --now, by clock age and status', () => {
  it('puts each open ticket in one age bucket, lower bound included', () => {
    const b = backlogOf(
      [
        ticket('A', '2026-11-30T11:00:00+03:00'), // 1 hour
        ticket('B', '2026-11-29T12:00:00+03:00'), // exactly 1 day: 1-3d
        ticket('C', '2026-11-25T12:00:00+03:00', [
          { type: 'status_change', at: '2026-11-25T13:00:00+03:00', to: 'waiting_customer' },
        ]),
        ticket('D', '2026-10-01T12:00:00+03:00'), // > 30 days
        ticket('E', '2026-11-20T12:00:00+03:00', [
          { type: 'status_change', at: '2026-11-21T12:00:00+03:00', to: 'resolved' },
        ]),
        ticket('F', '2026-12-01T12:00:00+03:00'), // after --now: not yet received
      ],
      NOW,
    )
    expect(b.open).toBe(4)
    expect(b.by_age.map((a) => [a.bucket, a.count])).toEqual([
      ['<1d', 1],
      ['1-3d', 1],
      ['3-7d', 1],
      ['7-30d', 0],
      ['>30d', 1],
    ])
    expect(b.by_status).toEqual({ new: 3, open: 0, waiting_customer: 1 })
    expect(b.oldest).toEqual({ id: 'D', received_at: '2026-10-01T12:00:00+03:00', age_minutes: 60 * 24 * 60 })
  })

  it('replays the status up to --now: a ticket resolved later is still open at an earlier --now', () => {
    const t = ticket('E', '2026-11-20T12:00:00+03:00', [
      { type: 'status_change', at: '2026-11-21T12:00:00+03:00', to: 'open' },
      { type: 'status_change', at: '2026-12-02T12:00:00+03:00', to: 'resolved' },
    ])
    expect(statusAt(t, NOW)).toBe('open')
    expect(backlogOf([t], NOW).open).toBe(1)
    expect(resolvedAt(t, NOW)).toBeNull()
    expect(resolvedAt(t, Date.parse('2026-12-03T00:00:00+03:00'))).toBe(Date.parse('2026-12-02T12:00:00+03:00'))
  })
})
