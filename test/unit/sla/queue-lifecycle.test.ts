import { describe, expect, it } from 'vitest'
import { businessClock } from '../../../src/cli/regulation-input.js'
import { type Regulation, RegulationRegistry } from '../../../src/regulation/load.js'
import { PARSERS } from '../../../src/regulation/parsers.js'
import { autocloseMatches, purgeMatches, purgeSecrets } from '../../../src/ticket/lifecycle.js'
import { queueOrder } from '../../../src/ticket/queue.js'
import { splitSecrets } from '../../../src/ticket/secrets.js'
import type { Ticket, TicketEvent } from '../../../src/ticket/ticket.js'
import { findSecrets } from '../../../src/triage/credentials.js'

const registry = RegulationRegistry.withBuiltins(PARSERS)
const reg = (id: string) => registry.get(id)
const iso = (wall: string) => `${wall}:00+03:00`
const msk = (wall: string) => Date.parse(iso(wall))

let n = 0
function make(
  regulation: string,
  received: string,
  extra: Partial<Ticket> = {},
  events: Partial<TicketEvent>[] = [],
): Ticket {
  n++
  return {
    id: `XX-${String(n).padStart(6, '0')}`,
    regulation,
    level: null,
    tier: null,
    channel: null,
    product: null,
    critical: false,
    subject: 's',
    text: 't',
    received_at: iso(received),
    status: 'new',
    assignee: null,
    triage: null,
    events: [{ type: 'received', at: iso(received), author: 'a' }, ...(events as TicketEvent[])],
    ...extra,
  }
}

describe('queueOrder', () => {
  it('moguta: first come, first served; critical does not jump the queue', () => {
    const a = make('moguta', '2026-11-20T12:00')
    const b = make('moguta', '2026-11-20T10:00', { critical: true })
    const c = make('moguta', '2026-11-20T11:00', { status: 'waiting_customer' })
    expect(queueOrder([a, b, c], reg('moguta')).map((e) => e.ticket.id)).toEqual([b.id, a.id])
  })

  it('advantshop and umi: critical requests first, then by receipt', () => {
    for (const id of ['advantshop', 'umi']) {
      const a = make(id, '2026-11-20T10:00')
      const b = make(id, '2026-11-20T12:00', { critical: true })
      const c = make(id, '2026-11-20T11:00', { status: 'open' })
      expect(queueOrder([a, b, c], reg(id)).map((e) => [e.ticket.id, e.position])).toEqual([
        [b.id, 1],
        [a.id, 2],
        [c.id, 3],
      ])
    }
  })

  it('imagecms: Premium before Pro, then the oldest last customer comment first', () => {
    const pro = make('imagecms', '2026-11-19T10:00', { tier: 'pro' })
    const premiumRecentReply = make('imagecms', '2026-11-18T10:00', { tier: 'premium', status: 'open' }, [
      { type: 'customer_reply', at: iso('2026-11-20T15:00'), author: 'c' },
    ])
    const premium = make('imagecms', '2026-11-20T10:00', { tier: 'premium' })
    expect(queueOrder([pro, premiumRecentReply, premium], reg('imagecms')).map((e) => e.ticket.id)).toEqual([
      premium.id,
      premiumRecentReply.id,
      pro.id,
    ])
  })
})

describe('lifecycle rules', () => {
  const regOf = (id: string) => reg(id)
  // the shipped calendar alone: no directory of imported years
  const clockOf = (r: Regulation) =>
    businessClock({ calendarsDir: () => '/nonexistent/regdesk-calendars', parsers: PARSERS }, r)

  it('imagecms: resolved + 7 calendar days without activity → closed', () => {
    const t = make('imagecms', '2026-11-02T10:00', { status: 'resolved' }, [
      { type: 'status_change', at: iso('2026-11-03T10:00'), author: 'a', from: 'new', to: 'resolved' },
    ])
    expect(autocloseMatches([t], regOf, clockOf, msk('2026-11-10T09:59'))).toEqual([])
    const [m] = autocloseMatches([t], regOf, clockOf, msk('2026-11-10T10:00'))
    expect(m?.rule.rule).toBe('close_resolved_after_inactivity')
  })

  it('imagecms: 30 calendar days without a customer answer → closed', () => {
    const t = make('imagecms', '2026-10-01T10:00', { status: 'waiting_customer' }, [
      { type: 'agent_response', at: iso('2026-10-01T12:00'), author: 'a' },
    ])
    expect(autocloseMatches([t], regOf, clockOf, msk('2026-10-31T11:59'))).toEqual([])
    expect(autocloseMatches([t], regOf, clockOf, msk('2026-10-31T12:00'))[0]?.rule.rule).toBe(
      'close_without_customer_answer',
    )
    // the customer answered: the period starts again from the next agent message
    t.events.push({ type: 'customer_reply', at: iso('2026-10-20T12:00'), author: 'c' })
    expect(autocloseMatches([t], regOf, clockOf, msk('2026-11-05T12:00'))).toEqual([])
  })

  it('moguta has no autoclose rules', () => {
    const t = make('moguta', '2026-01-01T10:00', { status: 'resolved' })
    expect(autocloseMatches([t], regOf, clockOf, msk('2026-11-05T12:00'))).toEqual([])
  })

  it('moguta: credentials purged 2 days after closing, with a note', () => {
    const body = splitSecrets(
      'ftp://user:hunter2pass@example.ru не работает',
      'text',
      findSecrets('ftp://user:hunter2pass@example.ru не работает'),
    )
    const t = make('moguta', '2026-11-02T10:00', { status: 'closed', text: body.text, secrets: body.secrets }, [
      { type: 'status_change', at: iso('2026-11-03T10:00'), author: 'a', from: 'open', to: 'closed' },
    ])
    expect(purgeMatches([t], regOf, clockOf, msk('2026-11-05T09:59'))).toEqual([])
    const [m] = purgeMatches([t], regOf, clockOf, msk('2026-11-05T10:00'))
    expect(m).toBeDefined()
    if (!m) return
    expect(purgeSecrets(t, { author: 'a', at: iso('2026-11-05T10:00') }, m.rule)).toBe(1)
    expect(JSON.stringify(t)).not.toContain('hunter2')
    expect(t.text).toContain('[removed]')
    expect(t.events.at(-1)).toMatchObject({ type: 'note', rule: 'purge_credentials_after_close' })
    expect(purgeMatches([t], regOf, clockOf, msk('2026-11-30T10:00'))).toEqual([])
  })

  it('umi asks for a credentials change but sets no retention: nothing is purged', () => {
    const body = splitSecrets('пароль: qwerty123', 'text', findSecrets('пароль: qwerty123'))
    const t = make('umi', '2026-01-02T10:00', { status: 'closed', text: body.text, secrets: body.secrets }, [
      { type: 'status_change', at: iso('2026-01-03T10:00'), author: 'a', from: 'open', to: 'closed' },
    ])
    expect(purgeMatches([t], regOf, clockOf, msk('2026-11-05T10:00'))).toEqual([])
  })
})
