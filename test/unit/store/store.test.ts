import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { positionOf } from '../../../src/data/position.js'
import { DataError, NotFoundError } from '../../../src/errors.js'
import { RegulationRegistry } from '../../../src/regulation/load.js'
import { PARSERS } from '../../../src/regulation/parsers.js'
import { parseStore, serializeStore } from '../../../src/store/json-file/layout.js'
import { migrate } from '../../../src/store/json-file/migrations.js'
import { JsonFileStore } from '../../../src/store/json-file/store.js'
import { idPrefix, nextId, normalizeId } from '../../../src/ticket/ids.js'
import { purgedText, revealSecrets, SECRET_MASK, splitSecrets } from '../../../src/ticket/secrets.js'
import { summaryOf } from '../../../src/ticket/summary.js'
import type { Ticket } from '../../../src/ticket/ticket.js'
import { findJsonError } from '../../../src/ticket/validate.js'
import { findSecrets } from '../../../src/triage/credentials.js'

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
    received_at: '2026-11-20T18:00:00+03:00',
    status: 'new',
    assignee: null,
    triage: null,
    events: [{ type: 'received', at: '2026-11-20T18:00:00+03:00', author: 'anna' }],
    ...extra,
  }
}

function issuesOf(fn: () => unknown) {
  try {
    fn()
  } catch (e) {
    if (e instanceof DataError) return e.issues
    throw e
  }
  throw new Error('expected a DataError')
}

/** Every ticket of the store's summary, as a report's scan is handed them (an empty filter matches all). */
async function summariesOf(store: JsonFileStore): Promise<Ticket[]> {
  const out: Ticket[] = []
  await store.scanSummaries(
    [{}],
    (t) => out.push(t),
    () => {
      out.length = 0
    },
  )
  return out
}

describe('ids', () => {
  const registry = RegulationRegistry.withBuiltins(PARSERS)
  it.each([
    ['moguta', 'MG'],
    ['advantshop', 'AS'],
    ['mst', 'MS'],
    ['imagecms', 'IC'],
    ['umi', 'UM'],
    ['acme', 'AC'],
    ['x', 'XX'],
  ])('%s → %s', (reg, prefix) =>
    expect(idPrefix(reg === 'acme' || reg === 'x' ? { id: reg } : registry.get(reg))).toBe(prefix),
  )

  it('takes the prefix a regulation declares', () => {
    expect(idPrefix({ id: 'acme', ticketPrefix: 'ACME' })).toBe('ACME')
  })

  it('numbers per prefix, one past the highest', () => {
    const ts = [ticket('MG-000002'), ticket('AS-000007'), ticket('MG-000010')]
    expect(nextId(ts, 'MG')).toBe('MG-000011')
    expect(nextId(ts, 'UM')).toBe('UM-000001')
  })

  it.each([
    ['mg-123', 'MG-000123'],
    ['MG000123', 'MG-000123'],
    [' MG-000123 ', 'MG-000123'],
    ['MG-1234567', 'MG-1234567'],
    ['123', null],
    ['MG-', null],
  ])('normalizeId(%j) = %j', (text, id) => expect(normalizeId(text)).toBe(id))
})

describe('secrets kept apart from the text', () => {
  const raw = 'Доступ к FTP: ftp://admin:Sup3rS3cret@example.ru, пароль: qwerty123'
  const { text, secrets } = splitSecrets(raw, 'text', findSecrets(raw))

  it('masks every value and keeps it for --show-secrets', () => {
    expect(text).not.toContain('Sup3rS3cret')
    expect(text).not.toContain('qwerty123')
    expect(text.split(SECRET_MASK).length - 1).toBe(secrets.length)
    expect(revealSecrets(text, 'text', secrets)).toBe(raw)
  })

  it('purging leaves a marker and no value', () => {
    const purged = purgedText(text, 'text', secrets)
    expect(purged).toContain('[removed]')
    expect(purged).not.toContain('qwerty123')
  })

  it('a text without credentials is unchanged', () => {
    expect(splitSecrets('Не работает корзина', 'text', findSecrets('Не работает корзина'))).toEqual({
      text: 'Не работает корзина',
      secrets: [],
    })
  })
})

describe('parseStore / serializeStore', () => {
  it('round-trips, one ticket per line', () => {
    const data = { format: 2, tickets: [ticket('MG-000001'), ticket('MG-000002')] }
    const text = serializeStore(data)
    expect(text.split('\n')).toHaveLength(5)
    expect(text.endsWith('\n]}\n')).toBe(true)
    expect(parseStore(text, 'f.json')).toEqual(data)
    expect(serializeStore({ format: 2, tickets: [] })).toBe('{"format":2,"tickets":[]}\n')
  })

  it('reads a store an editor saved with a byte-order mark', () => {
    const data = { format: 2, tickets: [ticket('MG-000001')] }
    expect(parseStore(`\ufeff${serializeStore(data)}`, 'f.json')).toEqual(data)
  })

  it('a truncated file: JSON error at the end, line:column', () => {
    const text = serializeStore({ format: 2, tickets: [ticket('MG-000001'), ticket('MG-000002')] })
    const cut = text.slice(0, text.length - 40)
    const [issue] = issuesOf(() => parseStore(cut, 'f.json'))
    expect(issue).toMatchObject({ file: 'f.json', line: 3, path: '' })
    expect(issue?.message).toMatch(/not valid JSON: unexpected end of the file/)
  })

  it('a hand-broken file: the position of the first bad character', () => {
    const text = '{"format": 1,\n  "tickets": [\n    {"id": "MG-000001",, "x": 1}\n  ]\n}\n'
    const [issue] = issuesOf(() => parseStore(text, 'f.json'))
    expect(issue).toMatchObject({ line: 3, col: 24 })
    expect(issue?.message).toContain('expected a property name')
  })

  it('a repeated id is found on the line where it repeats', () => {
    const text = serializeStore({ format: 2, tickets: [ticket('MG-000001'), ticket('MG-000002'), ticket('MG-000001')] })
    const issues = issuesOf(() => parseStore(text, 'f.json'))
    expect(issues.map((i) => [i.line, i.path])).toEqual([[4, 'tickets[2].id']])
    expect(issues[0]?.message).toMatch(/duplicate ticket id MG-000001/)
  })

  it('schema errors name the ticket id and the field, at its line', () => {
    const good = ticket('MG-000001')
    const bad = { ...ticket('MG-000002'), status: 'bogus', received_at: 'next friday' } as unknown as Ticket
    const text = serializeStore({ format: 2, tickets: [good, bad] })
    const issues = issuesOf(() => parseStore(text, 'f.json'))
    expect(issues.map((i) => [i.line, i.path])).toEqual([
      [3, 'tickets[1].received_at'],
      [3, 'tickets[1].status'],
    ])
    expect(issues[1]?.message).toBe(
      'ticket MG-000002: status: expected one of new, open, waiting_customer, resolved, closed, got "bogus"',
    )
    // free text is never quoted (it may hold credentials)
    expect(issues[0]?.message).toContain('got a string')
  })

  it('duplicate ids and a bad event are errors', () => {
    const t = ticket('MG-000001')
    const e = ticket('MG-000001', { events: [{ type: 'party', at: 'x', author: 'a' } as never] })
    const issues = issuesOf(() => parseStore(JSON.stringify({ format: 2, tickets: [t, e] }), 'f.json'))
    expect(issues.map((i) => i.path)).toEqual(['tickets[1].id', 'tickets[1].events[0].type', 'tickets[1].events[0].at'])
  })

  it('a newer format is refused with a clear message', () => {
    const [issue] = issuesOf(() => parseStore('{"format": 3, "tickets": []}', 'f.json'))
    expect(issue).toMatchObject({ line: 1, col: 2, path: 'format' })
    expect(issue?.message).toMatch(/newer regdesk \(store format 3; this version reads formats up to 2\): upgrade/)
  })

  it('a file of no bytes is an empty store; a file of only blanks is invalid (truncated?)', () => {
    expect(parseStore('', 'f.json').tickets).toEqual([])
    expect(issuesOf(() => parseStore(' \n', 'f.json'))[0]?.message).toMatch(/empty/)
  })
})

describe('migrate', () => {
  it('runs each step from the file format up to the current one', () => {
    const table = {
      1: (d: Record<string, unknown>) => ({ ...d, format: 2, a: true }),
      2: (d: Record<string, unknown>) => ({ ...d, format: 3, b: true }),
    }
    expect(migrate({ format: 1 }, 3, table)).toEqual({ format: 3, a: true, b: true })
    expect(() => migrate({ format: 0 }, 3, table)).toThrow(/no migration from store format 0 to 1/)
    expect(migrate({ format: 2, tickets: [] }, 2)).toEqual({ format: 2, tickets: [] })
  })
})

describe('findJsonError / positionOf', () => {
  it.each([
    ['{"a": 1}', null],
    ['{"a": 1', 'unexpected end'],
    ['{"a": tru}', 'expected a value'],
    ['{"a": "x\ny"}', 'line break'],
    ['[1, 2] 3', 'after the end'],
  ])('%j', (text, message) => {
    const r = findJsonError(text)
    if (message === null) expect(r).toBeNull()
    else expect(r?.message).toContain(message)
  })
  it('counts lines and columns from 1', () => {
    expect(positionOf('ab\ncd\nef', 4)).toEqual({ line: 2, col: 2 })
    expect(positionOf('ab', 0)).toEqual({ line: 1, col: 1 })
  })
})

describe('JsonFileStore', () => {
  const dirs: string[] = []
  afterAll(() => {
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true })
  })
  const fresh = () => {
    const dir = mkdtempSync(join(tmpdir(), 'regdesk-store-'))
    dirs.push(dir)
    return join(dir, 'sub', 'tickets.json')
  }

  it('a writer waiting for a lock left by a stopped one is told once, then takes it over', async () => {
    const file = fresh()
    mkdirSync(`${file}.lock`, { recursive: true })
    const told: number[] = []
    const store = new JsonFileStore(file, { staleMs: 1_500, onLockWait: (stale) => told.push(stale) })
    expect((await store.insert('MG', (id) => ticket(id))).id).toBe('MG-000001')
    expect(told).toEqual([2])
  })

  it('a file where the lock directory goes is said at once, not waited on', async () => {
    const file = fresh()
    mkdirSync(dirname(file), { recursive: true })
    writeFileSync(`${file}.lock`, 'garbage')
    await expect(new JsonFileStore(file).insert('MG', (id) => ticket(id))).rejects.toThrow(
      /^.*tickets\.json\.lock is a file, not regdesk's lock \(a directory\); remove it if no program of yours made it; nothing was changed$/,
    )
    expect(existsSync(file)).toBe(false)
  })

  it('a store that cannot be replaced is one clear error, and its temporary file does not stay', async () => {
    const file = fresh()
    await new JsonFileStore(file).insert('MG', (id) => ticket(id))
    // between the write and the rename the store's name becomes a directory that holds a file
    const store = new JsonFileStore(file, {
      beforeRename: () => {
        rmSync(file)
        mkdirSync(file)
        writeFileSync(join(file, 'other'), '')
      },
    })
    await expect(store.insert('MG', (id) => ticket(id))).rejects.toThrow(
      /^cannot replace the ticket store .*tickets\.json \(.*\); nothing was changed$/,
    )
    expect(readdirSync(dirname(file)).filter((name) => name.includes('.tmp-'))).toEqual([])
  })

  it('a missing file is an empty store; the first write creates it with mode 0600', async () => {
    const file = fresh()
    const store = new JsonFileStore(file)
    expect(store.read()).toEqual({ format: 2, tickets: [] })
    const t = await store.insert('MG', (id) => ticket(id))
    expect(t.id).toBe('MG-000001')
    expect(statSync(file).mode & 0o777).toBe(0o600)
    expect(store.read().tickets).toHaveLength(1)
  })

  it('appends without parsing when the file is the one it wrote, and falls back after a hand edit', async () => {
    const file = fresh()
    const store = new JsonFileStore(file)
    for (let i = 0; i < 3; i++) await store.insert('MG', (id) => ticket(id))
    await store.insert('AS', (id) => ticket(id, { regulation: 'advantshop' }))
    expect(store.read().tickets.map((t) => t.id)).toEqual(['MG-000001', 'MG-000002', 'MG-000003', 'AS-000001'])
    // a hand edit (same length, new mtime) invalidates the shortcut: the next insert validates it
    const text = readFileSync(file, 'utf8').replace('"status":"new"', '"status":"nex"')
    writeFileSync(file, text)
    await expect(store.insert('MG', (id) => ticket(id))).rejects.toBeInstanceOf(DataError)
    expect(readFileSync(file, 'utf8')).toBe(text)
  })

  it('update writes only when the change says so, and never over an invalid file', async () => {
    const file = fresh()
    const store = new JsonFileStore(file)
    await store.insert('MG', (id) => ticket(id))
    const before = statSync(file).mtimeMs
    await store.update(() => ({ result: 0, changed: false }))
    expect(statSync(file).mtimeMs).toBe(before)
    await store.update((d) => {
      ;(d.tickets[0] as Ticket).status = 'open'
      return { result: 0, changed: true }
    })
    expect(store.read().tickets[0]?.status).toBe('open')
    writeFileSync(file, '{"format":2,"tickets":[')
    await expect(store.update(() => ({ result: 0, changed: true }))).rejects.toBeInstanceOf(DataError)
    expect(readFileSync(file, 'utf8')).toBe('{"format":2,"tickets":[')
  })

  it('a failing change writes nothing', async () => {
    const file = fresh()
    const store = new JsonFileStore(file)
    await store.insert('MG', (id) => ticket(id))
    const text = readFileSync(file, 'utf8')
    await expect(
      store.update(() => {
        throw new Error('boom')
      }),
    ).rejects.toThrow('boom')
    expect(readFileSync(file, 'utf8')).toBe(text)
  })

  it('changes one ticket by rewriting its line only, the rest byte for byte', async () => {
    const file = fresh()
    const store = new JsonFileStore(file)
    for (let i = 0; i < 3; i++) await store.insert('MG', (id) => ticket(id, { subject: `номер ${i}` }))
    const [first, second, third] = readFileSync(file, 'utf8').split('\n').slice(1, 4)
    const result = await store.change('MG-000002', (t) => {
      t.status = 'open'
      t.events.push({ type: 'agent_response', at: '2026-11-21T10:00:00+03:00', author: 'oleg', message: 'ok' })
      return { result: t.events.length, changed: true }
    })
    expect(result).toBe(2)
    const lines = readFileSync(file, 'utf8').split('\n')
    expect(lines[1]).toBe(first)
    expect(lines[2]).not.toBe(second)
    expect(lines[3]).toBe(third)
    const data = store.read()
    expect(data.tickets.map((t) => t.status)).toEqual(['new', 'open', 'new'])
    // the last line has no separating comma: it is found and replaced as well
    await store.change('MG-000003', (t) => {
      t.assignee = 'anna'
      return { result: 0, changed: true }
    })
    expect(store.read().tickets[2]?.assignee).toBe('anna')
    await expect(store.change('MG-000009', () => ({ result: 0, changed: true }))).rejects.toBeInstanceOf(NotFoundError)
  })

  it('a one-ticket change after a hand edit validates the whole file first, and never writes over a broken one', async () => {
    const file = fresh()
    const store = new JsonFileStore(file)
    for (let i = 0; i < 2; i++) await store.insert('MG', (id) => ticket(id))
    const broken = readFileSync(file, 'utf8').replace('"status":"new"', '"status":"nex"')
    writeFileSync(file, broken)
    await expect(store.change('MG-000002', () => ({ result: 0, changed: true }))).rejects.toBeInstanceOf(DataError)
    expect(readFileSync(file, 'utf8')).toBe(broken)
    // hand-formatted (not one ticket per line): changed as a whole, written back canonical
    writeFileSync(file, JSON.stringify({ format: 2, tickets: [ticket('MG-000001'), ticket('MG-000002')] }, null, 2))
    await store.change('MG-000002', (t) => {
      t.status = 'resolved'
      return { result: 0, changed: true }
    })
    expect(readFileSync(file, 'utf8')).toBe(serializeStore(store.read()))
    expect(store.read().tickets[1]?.status).toBe('resolved')
    // one ticket per line, but its id is not its first key
    const { id: _id, ...rest } = ticket('MG-000003')
    writeFileSync(file, serializeStore({ format: 2, tickets: [...store.read().tickets, { ...rest, id: 'MG-000003' }] }))
    await store.change('MG-000003', (t) => {
      t.status = 'open'
      return { result: 0, changed: true }
    })
    expect(store.read().tickets[2]?.status).toBe('open')
  })

  it('keeps a summary beside the store that follows every write and is never used once stale', async () => {
    const file = fresh()
    const store = new JsonFileStore(file)
    const secret = splitSecrets(
      'сайт не работает, пароль: Qwerty-2026',
      'text',
      findSecrets('сайт не работает, пароль: Qwerty-2026'),
    )
    await store.insert('MG', (id) => ticket(id, { text: secret.text, secrets: secret.secrets }))
    await store.insert('AS', (id) => ticket(id, { regulation: 'advantshop' }))
    await store.change('MG-000001', (t) => {
      t.events.push({ type: 'agent_response', at: '2026-11-21T10:00:00+03:00', author: 'oleg', message: 'ответ' })
      return { result: 0, changed: true }
    })
    await store.update((d) => {
      ;(d.tickets[1] as Ticket).level = 'partner'
      return { result: 0, changed: true }
    })
    await store.insert('MG', (id) => ticket(id))
    const expected = store.read().tickets.map(summaryOf)
    expect(await summariesOf(store)).toEqual(expected)
    const summary = readFileSync(`${file}.summary`, 'utf8')
    expect(summary).not.toContain('Qwerty-2026')
    expect(summary).not.toMatch(/[\u0080-\uffff]/)
    // changed by another program: the summary no longer describes the file
    writeFileSync(file, readFileSync(file, 'utf8').replace('"status":"new"', '"status":"closed"'))
    expect((await summariesOf(store)).map((t) => t.status)).toEqual(['closed', 'new', 'new'])
    // …and the reader wrote it afresh for the next one
    expect(readFileSync(`${file}.summary`, 'utf8')).toContain('"status":"closed"')
    expect((await summariesOf(store)).map((t) => t.status)).toEqual(['closed', 'new', 'new'])
  })

  it('a read validates every ticket unless the file is the one regdesk wrote', async () => {
    const file = fresh()
    const store = new JsonFileStore(file)
    for (let i = 0; i < 2; i++) await store.insert('MG', (id) => ticket(id))
    expect(store.read().tickets).toHaveLength(2)
    // the same bytes with another status: another program wrote it, so it is checked again
    writeFileSync(file, readFileSync(file, 'utf8').replace('"status":"new"', '"status":"nex"'))
    const issues = issuesOf(() => store.read())
    expect(issues[0]?.message).toContain('MG-000001')
  })

  it('eachTicket gives the tickets of read(), line by line from a store it wrote, whole from any other', async () => {
    const file = fresh()
    const store = new JsonFileStore(file)
    expect([...store.eachTicket()]).toEqual([])
    for (let i = 0; i < 3; i++) await store.insert('MG', (id) => ticket(id, { subject: `тема ${i}, "в кавычках"` }))
    expect([...store.eachTicket()]).toEqual(store.read().tickets)
    writeFileSync(file, JSON.stringify({ format: 2, tickets: store.read().tickets }, null, 2))
    expect([...store.eachTicket()]).toEqual(store.read().tickets)
    writeFileSync(file, readFileSync(file, 'utf8').replace('"status": "new"', '"status": "nex"'))
    expect(() => [...store.eachTicket()]).toThrow(DataError)
  })

  it('ticket(id): from its line in a store it wrote, from the whole store otherwise; a missing one is NotFound', async () => {
    const file = fresh()
    const store = new JsonFileStore(file)
    for (let i = 0; i < 3; i++) await store.insert('MG', (id) => ticket(id, { subject: `тема ${i}` }))
    expect(store.ticket('MG-000002').subject).toBe('тема 1')
    expect(store.ticket('MG-000003').subject).toBe('тема 2')
    expect(() => store.ticket('MG-000009')).toThrow(NotFoundError)
    writeFileSync(file, JSON.stringify({ format: 2, tickets: store.read().tickets }, null, 2))
    expect(store.ticket('MG-000001').subject).toBe('тема 0')
    writeFileSync(file, readFileSync(file, 'utf8').replace('"status": "new"', '"status": "nex"'))
    expect(() => store.ticket('MG-000002')).toThrow(DataError)
  })
})
