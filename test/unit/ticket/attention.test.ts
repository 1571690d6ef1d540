import { describe, expect, it } from 'vitest'
import type { WindowStatus } from '../../../src/sla/status.js'
import type { ReactionWindow } from '../../../src/sla/windows.js'
import { alertsOf } from '../../../src/ticket/attention.js'
import type { Ticket } from '../../../src/ticket/ticket.js'

const ticket = (id: string) => ({ id }) as Ticket
const window = (status: WindowStatus, deadline: number | null) =>
  ({ openedAt: 0, status, deadline, respondedAt: null }) as ReactionWindow

describe('alertsOf (the overdue list)', () => {
  const windows: Record<string, ReactionWindow[] | null> = {
    'MG-000001': [window('overdue', 300)],
    'MG-000002': [window('overdue', 100)],
    'MG-000003': [window('at_risk', 50)],
    'MG-000004': [window('pending', 10)],
    'MG-000005': [window('met', 5)],
    'MG-000006': null,
    'MG-000007': [window('overdue', 100)],
  }
  const tickets = Object.keys(windows).map(ticket)

  it('keeps overdue windows, the most overdue first, ties by id', () => {
    const ids = alertsOf(tickets, (t) => windows[t.id] ?? null, false).map((a) => a.ticket.id)
    expect(ids).toEqual(['MG-000002', 'MG-000007', 'MG-000001'])
  })

  it('with at risk, also the windows at risk, in deadline order', () => {
    const ids = alertsOf(tickets, (t) => windows[t.id] ?? null, true).map((a) => a.ticket.id)
    expect(ids).toEqual(['MG-000003', 'MG-000002', 'MG-000007', 'MG-000001'])
  })
})
