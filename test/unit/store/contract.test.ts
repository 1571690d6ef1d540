import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { pgDriver } from '../../../src/cli/store.js'
import { NotFoundError } from '../../../src/errors.js'
import { JsonFileStore } from '../../../src/store/json-file/store.js'
import { PostgresStore } from '../../../src/store/postgres/store.js'
import type { TicketFilter, TicketStore } from '../../../src/store/ticket-store.js'
import { summaryOf } from '../../../src/ticket/summary.js'
import type { Ticket } from '../../../src/ticket/ticket.js'
import { admin, freshDatabase, PG_URL } from '../../support/postgres.js'

/**
 * The contract every TicketStore keeps (src/store/ticket-store.ts), run on each backend: the JSON
 * file and PostgreSQL (skipped, loudly, when there is no PostgreSQL; mandatory in CI).
 */

interface Backend {
  name: string
  /** a store, and a function that opens another handle on the same store (another agent) */
  open(): Promise<{
    store: TicketStore
    another: () => TicketStore
    /** the connections the store's server holds for it (none for a file) */
    connections: () => Promise<number>
    cleanup: () => Promise<void>
  }>
}

const backends: Backend[] = [
  {
    name: 'json-file',
    async open() {
      const dir = mkdtempSync(join(tmpdir(), 'regdesk-contract-'))
      const file = join(dir, 'tickets.json')
      return {
        store: new JsonFileStore(file),
        another: () => new JsonFileStore(file),
        connections: async () => 0,
        cleanup: async () => rmSync(dir, { recursive: true, force: true }),
      }
    },
  },
  {
    name: 'postgres',
    async open() {
      const db = await freshDatabase()
      const handles: TicketStore[] = []
      const make = () => {
        const s = new PostgresStore(pgDriver(), db.url, { env: {} })
        handles.push(s)
        return s
      }
      return {
        store: make(),
        another: make,
        connections: () =>
          admin(async (c) => {
            const r = await c.query('SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1', [db.name])
            return r.rows[0].n as number
          }),
        cleanup: async () => {
          await Promise.all(handles.map((h) => h.close()))
          await db.drop()
        },
      }
    },
  },
]

const AT = '2026-11-20T18:00:00+03:00'

function ticket(id: string, extra: Partial<Ticket> = {}): Ticket {
  return {
    id,
    regulation: 'moguta',
    level: 'standard',
    tier: 'licensed',
    channel: 'email',
    product: null,
    critical: false,
    subject: 'subject',
    text: 'text',
    received_at: AT,
    status: 'new',
    assignee: null,
    triage: null,
    events: [{ type: 'received', at: AT, author: 'anna' }],
    windows: [
      {
        opened_at: AT,
        opened_by: 'received',
        level: 'standard',
        limit: { amount: 3, unit: 'working_days' },
        target_limit: { amount: 1, unit: 'working_days' },
        deadline: '2026-11-25T18:00:00+03:00',
        target: '2026-11-23T18:00:00+03:00',
        reason: null,
        fingerprint: 'moguta@0123456789abcdef',
      },
    ],
    ...extra,
  }
}

async function all(store: TicketStore, filter?: TicketFilter): Promise<Ticket[]> {
  const out: Ticket[] = []
  for await (const t of store.list(filter)) out.push(t)
  return out
}

/** The summaries of the tickets matching one filter, as a report's scan is given them. */
async function summaries(store: TicketStore, filter: TicketFilter = {}): Promise<Ticket[]> {
  const out: Ticket[] = []
  await store.scanSummaries(
    [filter],
    (t) => out.push(t),
    () => {
      out.length = 0
    },
  )
  return out
}

/** Texts a store must keep exactly: SQL and JSON metacharacters, placeholders, odd Unicode. */
const HOSTILE = [
  `'; DROP TABLE regdesk_tickets; --`,
  'кавычки "двойные" и \'одинарные\', обратная косая \\ и \\\\ и \\n буквально',
  '$1 $2 $$ $tag$ ? :name %s %d {{x}} $' + '{x}',
  '\u0001\u0002\u001b[31mcolour\u001b[0m \u007f \u00ff \ufffd \ud83d\ude00 \u200b\u2028\u2029',
  'ÿþ\u0000'.replace('\u0000', '') + Buffer.from([0x89, 0x50, 0x4e, 0x47]).toString('latin1'),
]

describe.each(backends)('TicketStore contract: $name', (backend) => {
  if (backend.name === 'postgres' && !PG_URL) {
    it.skip('PostgreSQL is not available (see the line at the start of the run)', () => {})
    return
  }
  let env: Awaited<ReturnType<Backend['open']>>
  const open = async () => {
    env = await backend.open()
    return env.store
  }
  afterEach(async () => {
    await env?.cleanup()
  })

  it('an empty store: no tickets, an unknown id is NotFound', async () => {
    const store = await open()
    expect(await all(store)).toEqual([])
    expect(await summaries(store)).toEqual([])
    expect(await store.count()).toBe(0)
    await expect(store.get('MG-000001')).rejects.toBeInstanceOf(NotFoundError)
    await expect(store.change('MG-000001', () => ({ result: 0, changed: true }))).rejects.toBeInstanceOf(NotFoundError)
  })

  it('numbers ids per prefix and keeps tickets exactly, in the order stored', async () => {
    const store = await open()
    const a = await store.insert('MG', (id) => ticket(id))
    const b = await store.insert('AS', (id) => ticket(id, { regulation: 'advantshop' }))
    const c = await store.insert('MG', (id) => ticket(id, { subject: 'второй' }))
    expect([a.id, b.id, c.id]).toEqual(['MG-000001', 'AS-000001', 'MG-000002'])
    expect(await store.get('MG-000002')).toEqual(c)
    expect((await all(store)).map((t) => t.id)).toEqual(['MG-000001', 'AS-000001', 'MG-000002'])
    expect(JSON.stringify(await all(store))).toBe(JSON.stringify([a, b, c]))
    expect(await store.count()).toBe(3)
  })

  it('prepare() before the first use changes nothing; a store prepared and closed unused lets go of it', async () => {
    const store = await open()
    await store.prepare()
    const a = await store.insert('MG', (id) => ticket(id))
    expect(await store.get(a.id)).toEqual(a)
    // a command that failed before touching its store: its connection, made or being made, is closed too
    const before = await env.connections()
    const unused = env.another()
    await unused.prepare()
    await unused.close()
    // the server ends a session a moment after the goodbye
    for (let i = 0; i < 50 && (await env.connections()) > before; i++) await new Promise((r) => setTimeout(r, 20))
    expect(await env.connections()).toBe(before)
    expect(await store.count()).toBe(1)
  })

  it('keeps texts full of quotes, backslashes, placeholders and control characters byte for byte', async () => {
    const store = await open()
    for (const text of HOSTILE) {
      const t = await store.insert('MG', (id) =>
        ticket(id, { subject: text, text: `${text}\n${text}`, assignee: text.slice(0, 30) }),
      )
      expect(await store.get(t.id)).toEqual(t)
      await store.change(t.id, (x) => {
        x.events.push({ type: 'note', at: AT, author: text, message: text })
        return { result: 0, changed: true }
      })
      const back = await store.get(t.id)
      expect(back.events.at(-1)).toEqual({ type: 'note', at: AT, author: text, message: text })
      // and it is found by that value, not by a pattern
      expect((await all(store, { assignee: text.slice(0, 30) })).map((x) => x.id)).toEqual([t.id])
    }
    expect(await store.count()).toBe(HOSTILE.length)
    // a report is given exactly what summaryOf keeps of each, the assignee and authors with every odd character
    expect(await summaries(store)).toStrictEqual((await all(store)).map(summaryOf))
  })

  it('a change writes only what it changed, and nothing when it throws', async () => {
    const store = await open()
    await store.insert('MG', (id) => ticket(id))
    const before = await store.get('MG-000001')
    await expect(
      store.change('MG-000001', (t) => {
        t.status = 'closed'
        throw new Error('boom')
      }),
    ).rejects.toThrow('boom')
    expect(await store.get('MG-000001')).toEqual(before)
    expect(await store.change('MG-000001', (t) => ({ result: t.status, changed: false }))).toBe('new')
    await store.change('MG-000001', (t) => {
      t.status = 'open'
      t.assignee = 'anna'
      return { result: 0, changed: true }
    })
    expect(await store.get('MG-000001')).toMatchObject({ status: 'open', assignee: 'anna' })
    // an invalid ticket is refused, the stored one kept
    await expect(
      store.change('MG-000001', (t) => {
        ;(t as { status: string }).status = 'bogus'
        return { result: 0, changed: true }
      }),
    ).rejects.toThrow(/invalid ticket/)
    expect((await store.get('MG-000001')).status).toBe('open')
  })

  it('filters: status, regulation, assignee (none), ids, receipt, windows since, attention', async () => {
    const store = await open()
    await store.insert('MG', (id) => ticket(id))
    await store.insert('AS', (id) => ticket(id, { regulation: 'advantshop', status: 'open', assignee: 'oleg' }))
    await store.insert('MG', (id) =>
      ticket(id, {
        status: 'closed',
        received_at: '2026-10-01T10:00:00+03:00',
        events: [
          { type: 'received', at: '2026-10-01T10:00:00+03:00', author: 'a' },
          { type: 'agent_response', at: '2026-10-01T11:00:00+03:00', author: 'irina' },
        ],
        windows: [
          {
            ...(ticket('x').windows?.[0] as NonNullable<Ticket['windows']>[number]),
            opened_at: '2026-10-01T10:00:00+03:00',
            deadline: '2026-10-06T10:00:00+03:00',
          },
        ],
      }),
    )
    await store.insert('UM', (id) => ticket(id, { regulation: 'umi', windows: undefined }))
    const ids = async (f: TicketFilter) => (await all(store, f)).map((t) => t.id)
    expect(await ids({ statuses: ['new', 'open'] })).toEqual(['MG-000001', 'AS-000001', 'UM-000001'])
    expect(await ids({ regulation: 'advantshop' })).toEqual(['AS-000001'])
    expect(await ids({ assignee: null })).toEqual(['MG-000001', 'MG-000002', 'UM-000001'])
    expect(await ids({ assignee: 'oleg' })).toEqual(['AS-000001'])
    expect(await ids({ ids: ['MG-000002', 'XX-000001'] })).toEqual(['MG-000002'])
    expect(await ids({ receivedBefore: Date.parse('2026-11-01T00:00:00Z') })).toEqual(['MG-000002'])
    expect(await ids({ windowsSince: Date.parse('2026-11-01T00:00:00Z') })).toEqual([
      'MG-000001',
      'AS-000001',
      'UM-000001',
    ])
    // before the deadline: only the unrecorded ticket may need attention; after it, every open window
    const before = Date.parse('2026-11-24T12:00:00+03:00')
    const after = Date.parse('2026-11-26T12:00:00+03:00')
    expect(await ids({ attention: { at: before, atRisk: false } })).toEqual(['UM-000001'])
    expect(await ids({ attention: { at: before, atRisk: true } })).toEqual(['MG-000001', 'AS-000001', 'UM-000001'])
    expect(await ids({ attention: { at: after, atRisk: false } })).toEqual(['MG-000001', 'AS-000001', 'UM-000001'])
    // a ticket changed after the instant asked about is always a candidate
    expect(await ids({ attention: { at: Date.parse('2026-10-01T10:30:00+03:00'), atRisk: false } })).toContain(
      'MG-000002',
    )
    expect((await summaries(store, { regulation: 'advantshop' })).map((t) => t.id)).toEqual(['AS-000001'])
    // a report's one pass: each ticket once, in stored order, with the filters it matched
    const seen: string[] = []
    await store.scanSummaries(
      [{ regulation: 'advantshop' }, { assignee: null }],
      (t, matched) => seen.push(`${t.id} ${matched.join(' ')}`),
      () => {
        seen.length = 0
      },
    )
    expect(seen).toEqual([
      'MG-000001 false true',
      'AS-000001 true false',
      'MG-000002 false true',
      'UM-000001 false true',
    ])
  })

  it("a visitor's error ends a scan with that error; the store stays usable", async () => {
    const store = await open()
    for (let i = 0; i < 3; i++) await store.insert('MG', (id) => ticket(id))
    let visited = 0
    await expect(
      store.scanSummaries(
        [{}],
        () => {
          visited++
          throw new RangeError('a bug in a report')
        },
        () => {},
      ),
    ).rejects.toThrow('a bug in a report')
    expect(visited).toBe(1)
    expect((await summaries(store)).map((t) => t.id)).toEqual(['MG-000001', 'MG-000002', 'MG-000003'])
  })

  it('summaries hold no customer text or credentials', async () => {
    const store = await open()
    await store.insert('MG', (id) =>
      ticket(id, {
        subject: 'пароль ••••••',
        text: 'сайт, пароль ••••••',
        secrets: [{ field: 'text', kind: 'password', offset: 13, value: 'Qwerty-2026' }],
      }),
    )
    const [s] = await summaries(store)
    expect(JSON.stringify(s)).not.toMatch(/Qwerty|пароль/)
    expect(s).toMatchObject({ id: 'MG-000001', subject: '', text: '', status: 'new' })
    expect(s?.windows?.[0]?.deadline).toBe('2026-11-25T18:00:00+03:00')
  })

  it('changeMany changes the matching tickets in one go', async () => {
    const store = await open()
    for (let i = 0; i < 3; i++) await store.insert('MG', (id) => ticket(id, { status: i === 1 ? 'resolved' : 'new' }))
    const n = await store.changeMany({ statuses: ['new'] }, (ts) => {
      for (const t of ts) t.status = 'open'
      return { result: ts.length, changed: ts }
    })
    expect(n).toBe(2)
    expect((await all(store)).map((t) => t.status)).toEqual(['open', 'resolved', 'open'])
    await expect(
      store.changeMany({}, (ts) => {
        for (const t of ts) t.status = 'closed'
        throw new Error('half way')
      }),
    ).rejects.toThrow('half way')
    expect((await all(store)).map((t) => t.status)).toEqual(['open', 'resolved', 'open'])
  })

  it('imports tickets with their ids; numbering continues after them; a clash copies nothing', async () => {
    const store = await open()
    await store.importTickets([ticket('MG-000007'), ticket('AS-000002', { regulation: 'advantshop' })])
    expect((await store.insert('MG', (id) => ticket(id))).id).toBe('MG-000008')
    await expect(
      store.importTickets([ticket('UM-000001', { regulation: 'umi' }), ticket('MG-000007')]),
    ).rejects.toThrow(/already in/)
    expect((await all(store)).map((t) => t.id)).toEqual(['MG-000007', 'AS-000002', 'MG-000008'])
  })

  it('agents writing at once (separate handles) lose and duplicate nothing', async () => {
    const store = await open()
    await store.insert('MG', (id) => ticket(id))
    const handles = Array.from({ length: 8 }, () => env.another())
    const added = await Promise.all(handles.map((h, i) => h.insert('MG', (id) => ticket(id, { subject: `s${i}` }))))
    expect(new Set(added.map((t) => t.id)).size).toBe(8)
    await Promise.all(
      handles.map((h, i) =>
        h.change('MG-000001', (t) => {
          t.events.push({ type: 'note', at: AT, author: `agent${i}`, message: String(i) })
          return { result: 0, changed: true }
        }),
      ),
    )
    const t = await store.get('MG-000001')
    expect(
      t.events
        .filter((e) => e.type === 'note')
        .map((e) => e.message)
        .sort(),
    ).toEqual(['0', '1', '2', '3', '4', '5', '6', '7'])
    expect(await store.count()).toBe(9)
  })

  it('intake by origin: new records become tickets, a record taken in again updates or leaves its ticket', async () => {
    const store = await open()
    await store.insert('MG', (id) => ticket(id))
    const item = (external: string, subject: string) => ({
      origin: { source: 'okdesk', external_id: external },
      prefix: 'MG',
      make: (id: string) => ticket(id, { subject, origin: { source: 'okdesk', external_id: external } }),
      update: (stored: Ticket) => {
        if (stored.subject === subject) return false
        stored.subject = subject
        return true
      },
    })
    const first = await store.intake([item('1', 'a'), item('2', 'b'), item('1', 'a2')])
    expect(first).toEqual([
      { origin: { source: 'okdesk', external_id: '1' }, id: 'MG-000002', action: 'added' },
      { origin: { source: 'okdesk', external_id: '2' }, id: 'MG-000003', action: 'added' },
      { origin: { source: 'okdesk', external_id: '1' }, id: 'MG-000002', action: 'updated' },
    ])
    expect((await store.get('MG-000002')).subject).toBe('a2')
    // the same records again: nothing new; a changed one is written, the same source's other ids untouched
    const again = await env.another().intake([item('1', 'a2'), item('2', 'b2'), item('3', 'c')])
    expect(again.map((o) => [o.id, o.action])).toEqual([
      ['MG-000002', 'unchanged'],
      ['MG-000003', 'updated'],
      ['MG-000004', 'added'],
    ])
    expect(await store.count()).toBe(4)
    expect((await store.get('MG-000003')).subject).toBe('b2')
    expect((await store.get('MG-000004')).origin).toEqual({ source: 'okdesk', external_id: '3' })
    // the same id of another source is another record; numbering goes on after intake
    const other = await store.intake([
      {
        ...item('1', 'x'),
        origin: { source: 'email', external_id: '1' },
        make: (id) => ticket(id, { origin: { source: 'email', external_id: '1' } }),
      },
    ])
    expect(other[0]).toMatchObject({ id: 'MG-000005', action: 'added' })
    expect((await store.insert('MG', (id) => ticket(id))).id).toBe('MG-000006')
  })

  it('intake tells its progress as it stores: counts that only grow, up to every item, the last when it is stored', async () => {
    const store = await open()
    const n = 5000
    const items = Array.from({ length: n }, (_, i) => ({
      origin: { source: 'desk', external_id: String(i) },
      prefix: 'MG',
      make: (id: string) => ticket(id, { origin: { source: 'desk', external_id: String(i) } }),
    }))
    const told: number[] = []
    await store.intake(items, (stored) => told.push(stored))
    // more than the end alone: a bar that moves while a big import is written
    expect(told.length).toBeGreaterThan(1)
    expect(told).toEqual([...told].sort((a, b) => a - b))
    expect(told.at(-1)).toBe(n)
    expect(told.every((t) => t >= 0 && t <= n)).toBe(true)
    expect(await store.count()).toBe(n)
  })

  it('intake of an export of the store: a ticket added in regdesk is found by (regdesk, its id) only when the item says it is its record', async () => {
    const store = await open()
    await store.insert('MG', (id) => ticket(id, { subject: 'ours' }))
    const own = { source: 'regdesk', external_id: 'MG-000001' }
    const item = (isOurs: boolean) => ({
      origin: own,
      prefix: 'MG',
      make: (id: string) => ticket(id, { subject: 'theirs', origin: own }),
      update: (stored: Ticket) => {
        stored.subject = 'overwritten'
        return true
      },
      recordOf: (stored: Ticket) => isOurs && stored.subject === 'ours',
    })
    // its own record: left as it is (an export is not a correction), nothing added
    expect(await store.intake([item(true)])).toEqual([{ origin: own, id: 'MG-000001', action: 'unchanged' }])
    expect((await store.get('MG-000001')).subject).toBe('ours')
    // another store's ticket of the same id: a new ticket with that origin, found by it from then on
    expect(await env.another().intake([item(false)])).toEqual([{ origin: own, id: 'MG-000002', action: 'added' }])
    expect(await env.another().intake([item(false)])).toEqual([{ origin: own, id: 'MG-000002', action: 'updated' }])
    expect((await store.get('MG-000001')).subject).toBe('ours')
    expect((await store.get('MG-000002')).subject).toBe('overwritten')
    expect(await store.count()).toBe(2)
  })

  it('intake is whole or nothing: an invalid ticket among the records stores none of them', async () => {
    const store = await open()
    const make = (external: string, extra: Partial<Ticket> = {}) => ({
      origin: { source: 'jsonl', external_id: external },
      prefix: 'MG',
      make: (id: string) => ticket(id, { origin: { source: 'jsonl', external_id: external }, ...extra }),
    })
    await expect(store.intake([make('1'), make('2', { received_at: 'yesterday' })])).rejects.toThrow(/received_at/)
    expect(await store.count()).toBe(0)
    expect((await store.intake([make('1')]))[0]).toMatchObject({ id: 'MG-000001', action: 'added' })
  })

  it('intake of items that vouch for their tickets (checkedAlone): stored alike; one an item that does not vouch changed is checked whole', async () => {
    const store = await open()
    const origin = (external: string) => ({ source: 'jsonl', external_id: external })
    const vouched = (external: string) => ({
      origin: origin(external),
      prefix: 'MG',
      checkedAlone: true,
      make: (id: string) => ticket(id, { origin: origin(external) }),
      update: () => false,
    })
    // the ticket of record 2, made by an item that vouches for it, then spoilt by one that does not
    const spoiler = {
      origin: origin('2'),
      prefix: 'MG',
      make: (id: string) => ticket(id, { origin: origin('2') }),
      update: (t: Ticket) => {
        t.received_at = 'yesterday'
        return true
      },
    }
    await expect(store.intake([vouched('1'), vouched('2'), spoiler])).rejects.toThrow(/received_at/)
    expect(await store.count()).toBe(0)
    const outcomes = await store.intake([vouched('1'), vouched('2'), vouched('1')])
    expect(outcomes.map((o) => [o.id, o.action])).toEqual([
      ['MG-000001', 'added'],
      ['MG-000002', 'added'],
      ['MG-000001', 'unchanged'],
    ])
    expect(await store.get('MG-000002')).toEqual(ticket('MG-000002', { origin: origin('2') }))
  })

  it('info says which store, its version and its tickets', async () => {
    const store = await open()
    await store.insert('MG', (id) => ticket(id))
    const info = await store.info()
    expect(info).toMatchObject({ backend: backend.name, tickets: 1, version: info.currentVersion })
    expect(info.bytes).toBeGreaterThan(0)
  })
})
