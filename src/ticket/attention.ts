import { isAlert } from '../sla/status.js'
import { currentWindow, type ReactionWindow } from '../sla/windows.js'
import type { Ticket } from './ticket.js'

/** A ticket whose open reaction window needs attention now, and that window (with its deadline). */
export interface Alert {
  ticket: Ticket
  window: ReactionWindow & { deadline: number }
}

/**
 * The tickets whose current window is overdue (or, `withAtRisk`, at risk), most overdue first: the earliest deadline
 * first, then by id (README.md, "regdesk overdue"). `windowsOf` gives a ticket's windows as of now (null: its
 * regulation is unknown, so it has none).
 */
export function alertsOf(
  tickets: Iterable<Ticket>,
  windowsOf: (ticket: Ticket) => ReactionWindow[] | null,
  withAtRisk: boolean,
): Alert[] {
  const alerts: Alert[] = []
  for (const ticket of tickets) {
    const windows = windowsOf(ticket)
    const window = windows ? currentWindow(windows) : undefined
    if (!window || window.deadline === null || !isAlert(window.status, withAtRisk)) continue
    alerts.push({ ticket, window: window as Alert['window'] })
  }
  return alerts.sort(
    (a, b) =>
      a.window.deadline - b.window.deadline || (a.ticket.id < b.ticket.id ? -1 : a.ticket.id > b.ticket.id ? 1 : 0),
  )
}
