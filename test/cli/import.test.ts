import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import iconv from 'iconv-lite'
import { describe, expect, it } from 'vitest'
import { parseStore } from '../../src/store/json-file/layout.js'
import { regdesk, runCli, tempDir, tempStore } from '../support/in-process.js'
import { letterWithFile } from '../support/mail.js'
import { admin, describePg, freshDatabase } from '../support/postgres.js'

/**
 * Helpdesk import and export (issue 16): each format on a realistic file, imported twice (the second time nothing
 * is added), bad rows reported with line and field, a changed record updating its ticket, the report over imported
 * tickets checked by hand, and export → import giving the same tickets and report.
 */

const env = () => ({ REGDESK_STORE: tempStore() })

function file(name: string, content: string | Buffer): string {
  const path = join(tempDir(), name)
  writeFileSync(path, content)
  return path
}

async function importFile(e: Record<string, string>, path: string, from: string, ...more: string[]) {
  const r = await regdesk(['tickets', 'import', path, '--from', from, ...more, '--json'], e)
  return { ...r, summary: r.stdout ? JSON.parse(r.stdout) : undefined }
}

async function tickets(e: Record<string, string>) {
  const r = await regdesk(['tickets', 'list', '--json'], e)
  expect(r.exitCode, r.stderr).toBe(0)
  return JSON.parse(r.stdout) as Record<string, unknown>[]
}

const JSONL = [
  {
    source: 'helpdeskeddy',
    external_id: 'HD-1001',
    created_at: '2026-11-16T10:15:00+03:00',
    subject: 'Не работает корзина после обновления',
    body: 'Здравствуйте! После обновления до 10.11 не добавляются товары в корзину. Сайт mebel-divan.ru',
    requester: 'Иван Петров <ivan@mebel-divan.ru>',
    channel: 'email',
    tier: 'licensed',
    status: 'resolved',
    assignee: 'anna',
    first_response_at: '2026-11-16T12:40:00+03:00',
    resolved_at: '2026-11-17T16:00:00+03:00',
  },
  {
    source: 'helpdeskeddy',
    external_id: 'HD-1002',
    created_at: '2026-11-17T09:30:00+03:00',
    subject: 'Ошибка 500 в админке',
    body: 'При входе в админку белый экран и ошибка 500.',
    requester: 'ООО Ромашка',
    channel: 'email',
    events: [
      { type: 'assignment', at: '2026-11-17T10:00:00+03:00', author: 'anna', to: 'petr' },
      { type: 'agent_response', at: '2026-11-17T11:00:00+03:00', author: 'petr', message: 'Пришлите доступ к FTP' },
      { type: 'status_change', at: '2026-11-17T11:00:00+03:00', author: 'petr', to: 'waiting_customer' },
      { type: 'customer_reply', at: '2026-11-18T09:00:00+03:00', message: 'Доступ: логин admin пароль Qwerty123' },
    ],
  },
  {
    source: 'helpdeskeddy',
    external_id: 'HD-1003',
    created_at: '2026-11-19 14:00',
    subject: 'Как поменять телефон в шапке?',
    body: 'Подскажите, где поменять номер телефона в шапке сайта.',
  },
]
  .map((r) => JSON.stringify(r))
  .join('\n')

describe('tickets import: generic JSON Lines', () => {
  it('takes the tickets in with their history, twice without duplicates', async () => {
    const e = env()
    const path = file('tickets.jsonl', `${JSONL}\n`)
    const first = await importFile(e, path, 'jsonl', '-r', 'moguta')
    expect(first.exitCode, first.stderr).toBe(0)
    expect(first.summary).toMatchObject({ added: 3, updated: 0, unchanged: 0, failed: [] })
    // the third has no offset: read in the regulation's zone, and said so
    expect(first.stderr).toContain('1 time without an offset read as Europe/Moscow time')
    const list = await tickets(e)
    expect(list.map((t) => [t.origin, t.status, t.assignee])).toEqual([
      [{ source: 'helpdeskeddy', external_id: 'HD-1001' }, 'resolved', 'anna'],
      [{ source: 'helpdeskeddy', external_id: 'HD-1002' }, 'open', 'petr'],
      [{ source: 'helpdeskeddy', external_id: 'HD-1003' }, 'new', null],
    ])
    const second = list[1] as { events: { type: string; at: string; message?: string }[]; secrets_masked: boolean }
    // a response moves a new ticket to open and a reply a waiting one, recorded as `tickets respond` and `reply` do
    expect(second.events.map((ev) => [ev.type, (ev as { to?: string }).to ?? null])).toEqual([
      ['received', null],
      ['assignment', 'petr'],
      ['agent_response', null],
      ['status_change', 'open'],
      ['status_change', 'waiting_customer'],
      ['customer_reply', null],
      ['status_change', 'open'],
    ])
    // the password the customer sent is masked as in `tickets add`
    expect(second.events[5]?.message).not.toContain('Qwerty123')
    expect(list[2]?.received_at).toBe('2026-11-19T14:00:00+03:00')
    // the customer's reply reopened the ticket (waiting → open) but opened no window: moguta's reaction windows
    // open on the first request only (`regulations show moguta`)
    expect((list[1] as { windows: unknown[] }).windows).toHaveLength(1)

    const again = await importFile(e, path, 'jsonl', '-r', 'moguta')
    expect(again.exitCode, again.stderr).toBe(0)
    expect(again.summary).toMatchObject({ added: 0, updated: 0, unchanged: 3 })
    expect(await tickets(e)).toEqual(list)
  })

  it('reports each bad row with its line and field, imports the rest and exits 1', async () => {
    const e = env()
    const lines = JSONL.split('\n')
    const bad = [
      lines[0],
      '{"source":"hd","external_id":"X-1","created_at":"вчера"}',
      '',
      '{"source":"hd","created_at":"2026-11-18T10:00:00+03:00"}',
      '{not json',
      '{"source":"hd","external_id":"X-2","created_at":"2026-11-18T10:00:00+03:00","status":"done"}',
      '{"source":"hd","external_id":"X-3","created_at":"2026-11-18T10:00:00+03:00","events":[{"type":"agent_response","at":"2026-11-17T10:00:00+03:00"}]}',
      '{"source":"hd","external_id":"X-4","created_at":"2026-11-18T10:00:00+03:00","tier":"gold"}',
      '{"source":"hd","external_id":"X-5"}',
      lines[2],
    ].join('\n')
    const r = await importFile(e, file('bad.jsonl', bad), 'jsonl', '-r', 'moguta')
    expect(r.exitCode).toBe(1)
    expect(r.summary.added).toBe(2)
    expect(r.summary.failed.map((f: { line: number; field: string | null }) => [f.line, f.field])).toEqual([
      [2, 'created_at'],
      [4, 'external_id'],
      [5, null],
      [6, 'status'],
      [7, 'events[0].at'],
      [8, 'tier'],
      [9, 'created_at'],
    ])
    // missing is said as missing, not as a wrong format
    expect(r.stderr).toContain('error: line 9, created_at: is required')
    expect(r.stderr).toContain('error: line 6, status: expected one of new, open, waiting_customer, resolved, closed')
    expect(r.stderr).toContain('error: 7 of 9 rows could not be imported')
    expect((await tickets(e)).length).toBe(2)
  })

  it('a time outside the years regdesk computes is a bad row with its field, and the store holds only valid tickets', async () => {
    // such a time made a ticket no store keeps, or failed in the business-time engine (year 0 as created_at)
    const e = env()
    const lines = JSONL.split('\n')
    const rows = [
      lines[0],
      '{"source":"hd","external_id":"Y-1","created_at":"2026-11-18T10:00:00+03:00","helpdesk_deadline":"0000-01-01T00:00:00+05:00"}',
      '{"source":"hd","external_id":"Y-2","created_at":"2026-11-18T10:00:00+03:00","events":[{"type":"note","at":"9999-12-31T23:59:00-05:00"}]}',
      '{"source":"hd","external_id":"Y-3","created_at":"0000-01-01T00:00:00+05:00"}',
      lines[1],
    ].join('\n')
    const r = await importFile(e, file('far.jsonl', rows), 'jsonl', '-r', 'moguta', '--no-triage')
    expect(r.exitCode).toBe(1)
    expect(r.summary).toMatchObject({ added: 2, updated: 0, unchanged: 0 })
    const outside = (t: string) => `"${t}" is outside the years regdesk computes (1970–2500)`
    expect(r.summary.failed).toEqual([
      { line: 2, field: 'helpdesk_deadline', message: outside('0000-01-01T00:00:00+05:00') },
      { line: 3, field: 'events[0].at', message: outside('9999-12-31T23:59:00-05:00') },
      { line: 4, field: 'created_at', message: outside('0000-01-01T00:00:00+05:00') },
    ])
    // read as a file regdesk did not write (no .meta): every ticket checked whole
    const store = e.REGDESK_STORE as string
    rmSync(`${store}.meta`)
    const stored = parseStore(readFileSync(store, 'utf8'), store).tickets
    expect(stored.map((t) => t.origin?.external_id)).toEqual(['HD-1001', 'HD-1002'])
  })

  it('attachments (JSON Lines): names, types and sizes kept; a bad one is a bad row with its path', async () => {
    const e = env()
    const rows = [
      '{"source":"hd","external_id":"A-1","created_at":"2026-11-18T10:00:00+03:00","body":"Не работает корзина","attachments":[{"name":"log.txt","type":"text/plain","size":120},{"name":"screen.png","size":0}]}',
      '{"source":"hd","external_id":"A-2","created_at":"2026-11-18T10:00:00+03:00","attachments":[{"name":"a.pdf","type":"application/pdf","size":-1}]}',
      '{"source":"hd","external_id":"A-3","created_at":"2026-11-18T10:00:00+03:00","attachments":"a.pdf"}',
      '{"source":"hd","external_id":"A-4","created_at":"2026-11-18T10:00:00+03:00","attachments":[{"name":"a","type":"\\u001b[31m","size":1}]}',
      '{"source":"hd","external_id":"A-5","created_at":"2026-11-18T10:00:00+03:00","body":"x","attachments":[{"name":"C:\\\\docs\\\\photo\\u202egnp.exe","type":"image/png","size":1}]}',
    ].join('\n')
    const r = await importFile(e, file('att.jsonl', rows), 'jsonl', '-r', 'moguta', '--no-triage')
    expect(r.exitCode).toBe(1)
    expect(r.summary.failed).toEqual([
      {
        line: 2,
        field: 'attachments[0].size',
        message: 'expected a size in bytes (a whole number, 0 or more), got -1',
      },
      { line: 3, field: 'attachments', message: 'expected a list, got "a.pdf"' },
      {
        line: 4,
        field: 'attachments[0].type',
        message: expect.stringMatching(/^expected a MIME type like image\/png/),
      },
    ])
    expect((await tickets(e)).map((t) => t.attachments)).toEqual([
      [
        { name: 'log.txt', type: 'text/plain', size: 120 },
        { name: 'screen.png', type: 'application/octet-stream', size: 0 },
      ],
      // as a letter's: no path, no direction characters
      [{ name: 'photognp.exe', type: 'image/png', size: 1 }],
    ])
  })

  it('a product is taken as tickets add takes it: one the regulation does not list is a bad row where it has no such rule', async () => {
    const e = env()
    const rows = [
      '{"external_id":"P-1","created_at":"2026-11-18T10:00:00+03:00","body":"Не работает фильтр","product":"nope"}',
      '{"external_id":"P-2","created_at":"2026-11-18T10:00:00+03:00","body":"Не работает фильтр"}',
    ].join('\n')
    const r = await importFile(e, file('p.jsonl', rows), 'jsonl', '-r', 'imagecms')
    expect(r.summary.failed).toEqual([{ line: 1, field: 'product', message: 'imagecms lists no products' }])
    expect(r.summary).toMatchObject({ added: 1 })
    // the same record under another regulation does not move its ticket there: a bad row
    const before = await tickets(e)
    const moved = await importFile(e, file('p2.jsonl', rows), 'jsonl', '-r', 'mst')
    expect(moved.exitCode).toBe(1)
    expect(moved.summary).toMatchObject({ added: 1, updated: 0, unchanged: 0 })
    expect(moved.summary.failed).toEqual([
      { line: 2, field: null, message: 'its ticket IC-000001 is of imagecms; import this record with -r imagecms' },
    ])
    expect((await tickets(e)).slice(0, before.length)).toEqual(before)
    // mst refuses products it does not list: such a record is a ticket, refused by triage
    const other = env()
    const mst = await importFile(other, file('m.jsonl', rows), 'jsonl', '-r', 'mst')
    expect(mst.summary).toMatchObject({ added: 2, failed: [] })
    const refused = (await tickets(other)).find((t) => t.product === 'nope')
    expect(refused).toMatchObject({ regulation: 'mst', triage: { scope: 'out' } })
  })

  it('a request or an event later than now is a bad row (a wrong clock), the others are imported', async () => {
    const e = env()
    const rows = [
      '{"external_id":"F-1","created_at":"2027-11-16T10:00:00+03:00","body":"Не работает корзина"}',
      '{"external_id":"F-2","created_at":"2026-11-16T10:00:00+03:00","first_response_at":"2027-01-01T10:00:00+03:00"}',
      '{"external_id":"F-3","created_at":"2026-11-20T15:04:00+03:00","body":"Не работает корзина"}',
    ].join('\n')
    const r = await importFile(e, file('f.jsonl', rows), 'jsonl', '-r', 'moguta')
    expect(r.exitCode).toBe(1)
    expect(r.summary.failed).toEqual([
      { line: 1, field: 'created_at', message: 'is later than now (2026-11-20T15:00:00+03:00)' },
      { line: 2, field: 'first_response_at', message: 'is later than now (2026-11-20T15:00:00+03:00)' },
    ])
    // four minutes ahead: clocks a few minutes apart
    expect(r.summary).toMatchObject({ added: 1 })
  })

  it('a binary file or UTF-16 text is one sentence (exit 2), not an error for each line; nothing is imported', async () => {
    const e = env()
    const zip = Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.alloc(4000, 0), Buffer.from('\n'.repeat(300))])
    for (const [name, from, message] of [
      [
        'export.jsonl',
        'jsonl',
        /export\.jsonl looks like binary data \(NUL or control bytes\), not a JSON Lines export$/,
      ],
      [
        'book.csv',
        'csv',
        /book\.csv looks like binary data .*not a CSV export \(an Excel workbook is saved as CSV first\)$/,
      ],
    ] as const) {
      const r = await importFile(e, file(name, zip), from, '-r', 'moguta')
      expect(r.exitCode).toBe(2)
      expect(r.stderr.trim().split('\n')).toHaveLength(1)
      expect(r.stderr.trim()).toMatch(message)
    }
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('external_id,created_at\n', 'utf16le')])
    const r = await importFile(e, file('unicode.csv', utf16), 'csv', '-r', 'moguta')
    expect(r.exitCode).toBe(2)
    expect(r.stderr).toMatch(/unicode\.csv is UTF-16 text; save it as UTF-8/)
    expect((await regdesk(['tickets', 'list', '--json'], e)).stdout.trim()).toBe('[]')
  })

  it('an empty file imports nothing and says so (exit 0: an empty export is a file to import)', async () => {
    const e = env()
    const r = await importFile(e, file('empty.jsonl', ''), 'jsonl', '-r', 'moguta')
    expect(r.exitCode, r.stderr).toBe(0)
    expect(r.summary).toMatchObject({ added: 0, failed: [] })
    expect(r.stderr).toContain('note: the file holds no records; nothing was imported')
  })

  it('records repeated in one file are one ticket, the later record kept, and the summary says so', async () => {
    const e = env()
    const csv =
      'external_id,created_at,body\nR-1,2026-11-18T10:00:00+03:00,первая\nR-1,2026-11-18T10:00:00+03:00,вторая\n'
    const r = await importFile(e, file('r.csv', csv), 'csv', '-r', 'moguta', '--no-triage')
    expect(r.exitCode, r.stderr).toBe(0)
    expect(r.summary).toMatchObject({ added: 1, updated: 0, unchanged: 0, repeated: 1 })
    expect(r.stderr).toContain(
      'note: 1 record repeats an earlier record of the file (the same source and external_id): the later one is kept',
    )
    expect((await tickets(e)).map((t) => t.text)).toEqual(['вторая'])
  })

  it('a changed record updates its ticket, keeping its id', async () => {
    const e = env()
    expect((await importFile(e, file('a.jsonl', JSONL), 'jsonl', '-r', 'moguta', '--no-triage')).exitCode).toBe(0)
    const before = await tickets(e)
    const changed = JSONL.replace('"external_id":"HD-1003","created_at":"2026-11-19 14:00"', (m) => m).replace(
      'Подскажите, где поменять номер телефона в шапке сайта."}',
      'Подскажите, где поменять номер телефона в шапке сайта.","status":"closed","closed_at":"2026-11-20T11:00:00+03:00","assignee":"anna"}',
    )
    const r = await importFile(e, file('b.jsonl', changed), 'jsonl', '-r', 'moguta', '--no-triage')
    expect(r.exitCode, r.stderr).toBe(0)
    expect(r.summary).toMatchObject({ added: 0, updated: 1, unchanged: 2 })
    const after = await tickets(e)
    expect(after.map((t) => t.id)).toEqual(before.map((t) => t.id))
    expect(after[2]).toMatchObject({ status: 'closed', assignee: 'anna' })
    expect(after[0]).toEqual(before[0])
  })

  it('keeps the work done in regdesk on an imported ticket: the same file again changes nothing, a changed record keeps it', async () => {
    const e = { ...env(), REGDESK_NOW: '2026-12-01T12:00:00+03:00' }
    const record = {
      external_id: 's1',
      created_at: '2026-11-24T10:00:00+03:00',
      body: 'Не работает корзина shop.ru',
      channel: 'form',
    }
    const once = file('s.jsonl', `${JSON.stringify(record)}\n`)
    expect((await importFile(e, once, 'jsonl', '-r', 'moguta', '--no-triage')).summary).toMatchObject({ added: 1 })
    for (const args of [
      ['respond', 'MG-1', '--at', '2026-11-25T10:00+03:00', '-m', 'смотрим'],
      ['note', 'MG-1', 'позвонить клиенту'],
      ['assign', 'MG-1', 'anna'],
    ])
      expect((await regdesk(['tickets', ...args], e)).exitCode).toBe(0)
    const worked = await tickets(e)
    // a nightly sync of the same export: nothing changes, nothing is lost
    const again = await importFile(e, once, 'jsonl', '-r', 'moguta', '--no-triage')
    expect(again.summary).toMatchObject({ added: 0, updated: 0, unchanged: 1 })
    expect(await tickets(e)).toEqual(worked)
    // the customer wrote again in the helpdesk: its reply comes in, the response, note and assignment stay
    const replied = {
      ...record,
      events: [{ type: 'customer_reply', at: '2026-11-26T09:00:00+03:00', message: 'всё ещё' }],
    }
    const changed = file('c.jsonl', `${JSON.stringify(replied)}\n`)
    expect((await importFile(e, changed, 'jsonl', '-r', 'moguta', '--no-triage')).summary).toMatchObject({ updated: 1 })
    const [t] = await tickets(e)
    expect(t).toMatchObject({ status: 'open', assignee: 'anna' })
    const shown = JSON.parse((await regdesk(['tickets', 'show', 'MG-1', '--json'], e)).stdout)
    expect(shown.events.map((x: { type: string }) => x.type)).toEqual([
      'received',
      'agent_response',
      'status_change',
      'customer_reply',
      'note',
      'assignment',
    ])
    expect(shown.sla).toBe('met')
    expect((await importFile(e, changed, 'jsonl', '-r', 'moguta', '--no-triage')).summary).toMatchObject({
      unchanged: 1,
    })
  })

  it("the helpdesk's own response after one in regdesk does not move the open ticket out of «new» a second time", async () => {
    const e = { ...env(), REGDESK_NOW: '2026-12-01T12:00:00+03:00' }
    const record = { external_id: 'D-1', created_at: '2026-11-30T10:00:00+03:00', body: 'Не работает корзина' }
    expect(
      (await importFile(e, file('u1.jsonl', `${JSON.stringify(record)}\n`), 'jsonl', '-r', 'moguta')).exitCode,
    ).toBe(0)
    expect((await regdesk(['tickets', 'respond', 'MG-1', '--at', '2026-11-30T12:00+03:00'], e)).exitCode).toBe(0)
    const later = {
      ...record,
      status: 'resolved',
      events: [
        { type: 'agent_response', at: '2026-11-30T15:00:00+03:00', author: 'hd-agent', message: 'Исправили' },
        { type: 'status_change', at: '2026-11-30T15:05:00+03:00', from: 'open', to: 'resolved' },
      ],
    }
    const path = file('u2.jsonl', `${JSON.stringify(later)}\n`)
    expect((await importFile(e, path, 'jsonl', '-r', 'moguta')).summary).toMatchObject({ updated: 1 })
    const shown = JSON.parse((await regdesk(['tickets', 'show', 'MG-1', '--json'], e)).stdout)
    const moves = shown.events.filter((x: { type: string }) => x.type === 'status_change')
    expect(moves.map((x: { from: string; to: string }) => `${x.from} → ${x.to}`)).toEqual([
      'new → open',
      'open → resolved',
    ])
    expect(shown.status).toBe('resolved')
    expect((await importFile(e, path, 'jsonl', '-r', 'moguta')).summary).toMatchObject({ unchanged: 1 })
  })

  it('a file with a repeated record imported again changes nothing', async () => {
    const e = env()
    const lines = [
      { external_id: 'r1', created_at: '2026-11-16T10:00:00+03:00', body: 'Не работает корзина' },
      { external_id: 'r2', created_at: '2026-11-16T11:00:00+03:00', body: 'Ошибка 500' },
      {
        external_id: 'r1',
        created_at: '2026-11-16T10:00:00+03:00',
        body: 'Не работает корзина',
        first_response_at: '2026-11-16T12:00:00+03:00',
        resolved_at: '2026-11-16T13:00:00+03:00',
      },
    ]
    const path = file('rep.jsonl', `${lines.map((l) => JSON.stringify(l)).join('\n')}\n`)
    const first = await importFile(e, path, 'jsonl', '-r', 'moguta', '--no-triage')
    expect(first.summary, first.stderr).toMatchObject({ added: 2 })
    const before = readFileSync(e.REGDESK_STORE, 'utf8')
    const again = await importFile(e, path, 'jsonl', '-r', 'moguta', '--no-triage')
    // each ticket once; the repeat is counted as repeated, not again as unchanged
    expect(again.summary).toMatchObject({ added: 0, updated: 0, unchanged: 2, repeated: 1 })
    expect(readFileSync(e.REGDESK_STORE, 'utf8')).toBe(before)
  })

  it('says the rows of the file, the repeated one among them, the same way every time', async () => {
    const e = env()
    const rows = [
      { external_id: 'B-1', created_at: '2026-11-16T10:00:00+03:00', body: 'Не работает корзина' },
      { external_id: 'B-2', created_at: '2026-11-16T11:00:00+03:00', body: 'Не работает поиск' },
      { external_id: 'B-1', created_at: '2026-11-16T10:00:00+03:00', body: 'Не работает корзина', status: 'open' },
      { external_id: 'B-3', created_at: '2026-11-16T12:00:00+03:00', body: 'x', channel: 'fax' },
    ]
    const path = file('bad.jsonl', `${rows.map((l) => JSON.stringify(l)).join('\n')}\n`)
    for (const summary of ['added 2, updated 0, unchanged 0, failed 1', 'added 0, updated 0, unchanged 2, failed 1']) {
      const r = await regdesk(['tickets', 'import', path, '--from', 'jsonl', '-r', 'moguta', '--no-triage'], e)
      expect(r.exitCode).toBe(1)
      expect(r.stdout).toBe(summary)
      expect(r.stderr).toMatch(/error: 1 of 4 rows could not be imported$/)
    }
  })

  it('reads a file on disk as the same file from stdin: UTF-8 with a BOM, or Windows-1251', async () => {
    for (const bytes of [
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(`${JSONL}\n\n  \n`)]),
      iconv.encode(JSONL, 'win1251'),
    ]) {
      const fromFile = env()
      const r = await importFile(fromFile, file('t.jsonl', bytes), 'jsonl', '-r', 'moguta', '--no-triage')
      expect(r.exitCode, r.stderr).toBe(0)
      const fromStdin = env()
      const args = ['tickets', 'import', '-', '--from', 'jsonl', '-r', 'moguta', '--no-triage', '--json']
      const s = await runCli(args, fromStdin, bytes)
      expect(s.stdout.trim()).toBe(r.stdout)
      expect(await tickets(fromFile)).toEqual(await tickets(fromStdin))
      expect((await tickets(fromFile)).map((t) => t.subject)).toContain('Не работает корзина после обновления')
    }
  })
})

const CSV_ROWS = [
  ['external_id', 'created_at', 'subject', 'body', 'requester', 'channel', 'status', 'assignee', 'first_response_at'],
  ['501', '16.11.2026', 'x', 'x', 'x', 'email', 'open', 'anna', ''],
]
void CSV_ROWS

describe('tickets import: CSV', () => {
  const header = 'source,external_id,created_at,subject,body,requester,channel,status,assignee,first_response_at'
  const rows = [
    'crm,501,2026-11-16T10:00:00+03:00,Не открывается сайт,"Сайт не открывается, ошибка ""502 Bad Gateway""",Мария,email,open,anna,2026-11-16T11:30:00+03:00',
    'crm,502,2026-11-17 12:00,Вопрос по оплате,"Как подключить оплату картой?\nЗаранее спасибо",,form,,,',
  ]

  it('reads comma-separated UTF-8, quotes and line breaks in cells; twice without duplicates', async () => {
    const e = env()
    const path = file('t.csv', `${header}\n${rows.join('\n')}\n`)
    const r = await importFile(e, path, 'csv', '-r', 'moguta', '--no-triage')
    expect(r.exitCode, r.stderr).toBe(0)
    expect(r.summary).toMatchObject({ added: 2, failed: [] })
    const list = await tickets(e)
    expect(list[0]).toMatchObject({ text: 'Сайт не открывается, ошибка "502 Bad Gateway"', status: 'open' })
    expect(list[1]).toMatchObject({ text: 'Как подключить оплату картой?\nЗаранее спасибо', channel: 'form' })
    expect((await importFile(e, path, 'csv', '-r', 'moguta', '--no-triage')).summary).toMatchObject({
      added: 0,
      unchanged: 2,
    })
  })

  it('reads the CSV Russian Excel saves: semicolons, Windows-1251, a BOM', async () => {
    const e = env()
    const text = `${header.replaceAll(',', ';')}\r\ncrm;601;2026-11-16T10:00:00+03:00;Сайт упал;"Ошибка; сайт не открывается";Мария;email;open;anna;2026-11-16T11:30:00+03:00\r\ncrm;602;2026-11-18T10:00:00+03:00;Доставка;Как настроить доставку СДЭК?;;;;;\r\n`
    const excel = file('excel.csv', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), iconv.encode(text, 'win1251')]))
    const r = await importFile(e, excel, 'csv', '-r', 'moguta', '--no-triage')
    expect(r.exitCode, r.stderr).toBe(0)
    const list = await tickets(e)
    expect(list.map((t) => [t.subject, t.text, t.customer])).toEqual([
      ['Сайт упал', 'Ошибка; сайт не открывается', 'Мария'],
      ['Доставка', 'Как настроить доставку СДЭК?', null],
    ])
    expect((await importFile(e, excel, 'csv', '-r', 'moguta', '--no-triage')).summary).toMatchObject({
      added: 0,
      unchanged: 2,
    })
  })

  it('reads times as Russian Excel writes a date cell, "18.11.2026 10:15", in the regulation zone', async () => {
    const e = env()
    const csv = file(
      'dates.csv',
      'external_id;created_at;body;first_response_at\r\n1;18.11.2026 10:15;Не работает корзина;18.11.2026 12:05:30\r\n2;1.12.2026 9:05;Сайт упал;\r\n3;31.11.2026 10:00;Сайт упал;\r\n',
    )
    const r = await importFile(e, csv, 'csv', '-r', 'moguta', '--no-triage', '--now', '2026-12-05T12:00+03:00')
    expect(r.summary.failed).toEqual([
      {
        line: 4,
        field: 'created_at',
        message:
          'expected an ISO 8601 instant like "2026-11-20T15:00:00+03:00" (or "20.11.2026 15:00", as Russian Excel writes it), got "31.11.2026 10:00"',
      },
    ])
    const list = await tickets(e)
    const answered = (t: Record<string, unknown>) =>
      (t.events as { type: string; at: string }[]).find((ev) => ev.type === 'agent_response')?.at ?? null
    expect(list.map((t) => [t.received_at, answered(t)])).toEqual([
      ['2026-11-18T10:15:00+03:00', '2026-11-18T12:05:30+03:00'],
      ['2026-12-01T09:05:00+03:00', null],
    ])
  })

  it('reads yes and no as a spreadsheet writes them: да/нет, ИСТИНА/ЛОЖЬ, yes/no; anything else is a bad cell', async () => {
    const e = env()
    const rows = ['да', 'ИСТИНА', 'yes', 'нет', 'ЛОЖЬ', 'может быть'].map(
      (v, i) => `c;${i + 1};2026-11-16T10:00:00+03:00;Сайт упал;${v}`,
    )
    const csv = file('flags.csv', `source;external_id;created_at;body;critical\r\n${rows.join('\r\n')}\r\n`)
    const r = await importFile(e, csv, 'csv', '-r', 'moguta', '--no-triage')
    expect(r.summary.failed).toEqual([
      { line: 7, field: 'critical', message: 'expected true or false (or yes/no, да/нет), got "может быть"' },
    ])
    expect((await tickets(e)).map((t) => t.critical)).toEqual([true, true, true, false, false])
  })

  it('a bad cell is reported with its line and column; an unknown column refuses the file', async () => {
    const e = env()
    const r = await importFile(
      e,
      file('bad.csv', `${header}\n${rows[0]}\ncrm,503,2026-11-31T10:00:00+03:00,x,y,,,,,\n${rows[1]}\n`),
      'csv',
      '-r',
      'moguta',
      '--no-triage',
    )
    expect(r.exitCode).toBe(1)
    expect(r.summary.added).toBe(2)
    expect(r.summary.failed).toEqual([
      { line: 3, field: 'created_at', message: expect.stringContaining('"2026-11-31T10:00:00+03:00"') },
    ])
    const unknown = await regdesk(
      [
        'tickets',
        'import',
        file('u.csv', 'external_id,created_at,priority\n1,2026-11-16T10:00Z,high\n'),
        '--from',
        'csv',
        '-r',
        'moguta',
      ],
      e,
    )
    expect(unknown.exitCode).toBe(1)
    expect(unknown.stderr).toContain('line 1: column "priority" is not a field of the format')
  })
})

/**
 * Okdesk issues as GET /api/v1/issues/{id} gives them (okdesk.ru/apidoc, "Получение заявки"): ISO times with
 * offsets, status {code, name}, assignee and contact {id, name}, source codes, planned_reaction_at.
 */
const OKDESK = [
  {
    id: 153,
    title: 'Не работает оплата на сайте',
    description: 'После обновления модуля оплаты заказы не оплачиваются картой.',
    created_at: '2026-11-16T10:05:17.568+03:00',
    completed_at: '2026-11-17T15:54:09.987+03:00',
    deadline_at: '2026-11-19T14:35:00.000+03:00',
    source: 'from_email',
    planned_reaction_at: '2026-11-19T10:05:00.000+03:00',
    reacted_at: '2026-11-16T12:43:44.951+03:00',
    updated_at: '2026-11-17T15:54:09.987+03:00',
    company_id: 40,
    group_id: 3,
    type: { id: 2, code: 'service', name: 'Обслуживание' },
    priority: { code: 'normal', name: 'Обычный' },
    status: { code: 'completed', name: 'Решена' },
    old_status: { code: 'in_progress', name: 'В работе' },
    contact: { id: 3020, name: 'Егор Егоров' },
    assignee: { id: 1, name: 'Иванов Иван Викторович' },
    author: { id: 3020, name: 'Егор Егоров' },
  },
  {
    id: 154,
    title: 'Вопрос по настройке доставки',
    description: 'Как настроить расчёт доставки СДЭК?',
    created_at: '2026-11-18T18:30:00.000+03:00',
    completed_at: null,
    source: 'from_web',
    planned_reaction_at: '2026-11-20T18:30:00.000+03:00',
    reacted_at: null,
    status: { code: 'opened', name: 'Открыта' },
    contact: { id: 3021, name: 'Анна Смирнова' },
    assignee: null,
  },
]

describe('tickets import: Okdesk', () => {
  it("takes issues in with the helpdesk's own reaction deadline beside regdesk's; twice without duplicates", async () => {
    const e = env()
    const path = file('okdesk.json', JSON.stringify(OKDESK, null, 2))
    const r = await importFile(e, path, 'okdesk', '-r', 'moguta', '--no-triage')
    expect(r.exitCode, r.stderr).toBe(0)
    // 153: moguta's deadline Thu 11-19 10:05 = Okdesk's; 154: moguta's Tue 11-24 10:00 (Fri, Mon, Tue), Okdesk's Fri 18:30
    expect(r.summary).toMatchObject({ added: 2, helpdesk_deadlines: 2, helpdesk_deadlines_differ: 1 })
    const list = await tickets(e)
    expect(list.map((t) => [t.origin, t.status, t.assignee, t.customer, t.channel, t.helpdesk_deadline])).toEqual([
      [
        { source: 'okdesk', external_id: '153' },
        'resolved',
        'Иванов Иван Викторович',
        'Егор Егоров',
        'email',
        '2026-11-19T10:05:00+03:00',
      ],
      [{ source: 'okdesk', external_id: '154' }, 'new', null, 'Анна Смирнова', 'portal', '2026-11-20T18:30:00+03:00'],
    ])
    const shown = await regdesk(['tickets', 'show', String(list[1]?.id)], e)
    expect(shown.stdout).toMatch(/helpdesk deadline\s+2026-11-20T18:30:00\+03:00/)
    expect(shown.stdout).toMatch(/imported from\s+okdesk 154/)
    expect((await importFile(e, path, 'okdesk', '-r', 'moguta', '--no-triage')).summary).toMatchObject({
      added: 0,
      unchanged: 2,
    })
    // the report sets Okdesk's deadlines beside the regulation's: 153 answered by both; 154 unanswered on Mon 11-23,
    // past Okdesk's Fri 18:30 but not yet moguta's Tue 10:00 (not decided by regdesk: no disagreement yet)
    const report = await regdesk(
      [
        'report',
        '-r',
        'moguta',
        '--from',
        '2026-11-01',
        '--to',
        '2026-11-30',
        '--json',
        '--now',
        '2026-11-23T12:00+03:00',
      ],
      e,
    )
    expect(JSON.parse(report.stdout).helpdesk_deadlines).toEqual({
      windows: 2,
      differ: 1,
      met_by_regdesk: 1,
      met_by_helpdesk: 1,
      disagree: 0,
    })
    const table = await regdesk(['report', '-r', 'moguta', '--from', '2026-11-01', '--to', '2026-11-30'], e)
    expect(table.stdout).toContain("Helpdesk deadlines (imported tickets' first windows)")
  })

  it('reads the description, which Okdesk keeps as HTML, as text: tags and references gone, access data masked', async () => {
    const e = env()
    const issue = {
      ...OKDESK[1],
      id: 78,
      description:
        '<p>Не открывается &laquo;Корзина&raquo;.</p><p>Доступ в админку: логин&nbsp;admin, пароль:&nbsp;Qwe12345</p>',
    }
    const r = await importFile(e, file('okdesk.json', JSON.stringify([issue])), 'okdesk', '-r', 'moguta', '--no-triage')
    expect(r.exitCode, r.stderr).toBe(0)
    const [ticket] = await tickets(e)
    expect(ticket?.text).toMatch(/^Не открывается «Корзина»\.\nДоступ в админку: логин •+, пароль: •+$/)
    expect(JSON.stringify(ticket)).not.toContain('Qwe12345')
  })

  it('names the line of a bad issue in a saved JSON array', async () => {
    const e = env()
    const broken = [...OKDESK, { ...OKDESK[0], id: 155, created_at: null }]
    const r = await importFile(e, file('okdesk.json', JSON.stringify(broken, null, 2)), 'okdesk', '-r', 'moguta')
    expect(r.exitCode).toBe(1)
    const text = JSON.stringify(broken, null, 2).split('\n')
    const line = text.findIndex((l, i) => l === '  {' && text[i + 1]?.includes('"id": 155')) + 1
    expect(r.summary.failed).toEqual([{ line, field: 'created_at', message: expect.any(String) }])
  })
})

/**
 * Usedesk tickets as POST /ticket gives them (api.usedesk.ru, "Получение тикета"): `ticket` (status_id, published_at,
 * client_name, assignee_id), `comments` (from client/user/trigger, type public/private, published_at) and `changes`
 * (old_status/new_status, changed_at); times in UTC without an offset.
 */
const USEDESK = [
  {
    ticket: {
      id: 7001,
      subject: 'Не приходят письма о заказах',
      status_id: 3,
      client_id: 501,
      client_name: 'Ольга',
      assignee_id: 12,
      channel_id: 1,
      email: 'olga@shop.ru',
      published_at: '2026-11-16 07:00:00',
      type: 'question',
      priority: 'medium',
    },
    comments: [
      {
        id: 1,
        message: '<p>Здравствуйте!</p><p>Не приходят письма о новых заказах &amp; регистрации.</p>',
        from: 'client',
        type: 'public',
        client_id: 501,
        is_first: 1,
        published_at: '2026-11-16 07:00:00',
      },
      {
        id: 2,
        message: 'Автоответ: мы получили ваше письмо',
        from: 'trigger',
        type: 'public',
        published_at: '2026-11-16 07:00:05',
      },
      {
        id: 3,
        message: '<p>Проверьте настройки SMTP</p>',
        from: 'user',
        type: 'public',
        user_id: 12,
        user: { id: 12, name: 'Сергей' },
        published_at: '2026-11-16 09:30:00',
      },
      {
        id: 4,
        message: 'Спасибо, заработало',
        from: 'client',
        type: 'public',
        client_id: 501,
        published_at: '2026-11-17 08:00:00',
      },
    ],
    changes: [
      { id: 90, user_id: 12, ticket_id: 7001, changed_at: '2026-11-16 09:31:00', old_status: 1, new_status: 6 },
      { id: 91, user_id: 12, ticket_id: 7001, changed_at: '2026-11-17 10:00:00', old_status: 6, new_status: 3 },
    ],
  },
]

describe('tickets import: Usedesk', () => {
  it('reads comments and status changes, times as UTC; twice without duplicates', async () => {
    const e = env()
    const path = file('usedesk.json', JSON.stringify(USEDESK, null, 2))
    const r = await importFile(e, path, 'usedesk', '-r', 'moguta', '--no-triage', '--tz', 'Asia/Vladivostok')
    expect(r.exitCode, r.stderr).toBe(0)
    // UTC whatever --tz says: nothing was read in an assumed zone
    expect(r.stderr).not.toContain('without an offset')
    const [t] = await tickets(e)
    expect(t).toMatchObject({
      origin: { source: 'usedesk', external_id: '7001' },
      received_at: '2026-11-16T10:00:00+03:00',
      subject: 'Не приходят письма о заказах',
      text: 'Здравствуйте!\nНе приходят письма о новых заказах & регистрации.',
      customer: 'Ольга',
      channel: 'email',
      status: 'closed',
      assignee: 'Сергей',
    })
    const events = (t as { events: { type: string; at: string; to?: string }[] }).events
    expect(events.map((ev) => [ev.type, ev.at, ev.to ?? null])).toEqual([
      ['received', '2026-11-16T10:00:00+03:00', null],
      ['agent_response', '2026-11-16T12:30:00+03:00', null],
      ['status_change', '2026-11-16T12:30:00+03:00', 'open'],
      ['status_change', '2026-11-16T12:31:00+03:00', 'waiting_customer'],
      ['customer_reply', '2026-11-17T11:00:00+03:00', null],
      ['status_change', '2026-11-17T11:00:00+03:00', 'open'],
      ['status_change', '2026-11-17T13:00:00+03:00', 'closed'],
    ])
    expect((await importFile(e, path, 'usedesk', '-r', 'moguta', '--no-triage')).summary).toMatchObject({
      added: 0,
      unchanged: 1,
    })
  })

  it("an agent's first answer and the helpdesk's move to open at the same moment are one move, from new", async () => {
    const e = env()
    const first = USEDESK[0] as (typeof USEDESK)[number]
    const record = {
      ...first,
      comments: first.comments.slice(0, 3),
      changes: [
        { id: 92, user_id: 12, ticket_id: 7001, changed_at: '2026-11-16 09:30:00', old_status: 8, new_status: 1 },
      ],
    }
    const r = await importFile(e, file('u.json', JSON.stringify([record])), 'usedesk', '-r', 'moguta', '--no-triage')
    expect(r.exitCode, r.stderr).toBe(0)
    const [t] = await tickets(e)
    const moves = (t as { events: { type: string; from?: string; to?: string }[] }).events
      .filter((ev) => ev.type === 'status_change')
      .map((ev) => `${ev.from} → ${ev.to}`)
    expect(moves).toEqual(['new → open'])
  })

  it('spam, deleted tickets, mailings and merged ones are no requests: counted apart, not imported, no breach', async () => {
    const e = env()
    const marked = (id: number, status_id: number) => ({
      ticket: { ...USEDESK[0]?.ticket, id, status_id },
      comments: [
        { id: id * 10, from: 'client', client_name: 'Бот', message: 'Купите SEO', published_at: '2026-11-16 07:00:00' },
      ],
      changes: [],
    })
    const path = file('marked.json', JSON.stringify([...USEDESK, marked(7002, 7), marked(7003, 4), marked(7004, 7)]))
    const r = await importFile(e, path, 'usedesk', '-r', 'moguta', '--no-triage')
    expect(r.exitCode, r.stderr).toBe(0)
    expect(r.summary).toMatchObject({ added: 1, failed: [], not_requests: { spam: 2, deleted: 1 } })
    expect(r.stderr).toContain('note: 2 record(s) of tickets the helpdesk marks spam: no requests, not imported')
    expect((await tickets(e)).map((t) => (t.origin as { external_id: string }).external_id)).toEqual(['7001'])
  })

  it('an Okdesk file read as Usedesk is refused row by row, not taken in as empty tickets', async () => {
    const e = env()
    const r = await importFile(e, file('okdesk.json', JSON.stringify(OKDESK)), 'usedesk', '-r', 'moguta')
    expect(r.exitCode).toBe(1)
    expect(r.summary).toMatchObject({ added: 0 })
    expect(r.summary.failed.length).toBe(OKDESK.length)
    expect(r.summary.failed[0].message).toMatch(/has neither a subject nor a client message: is it a Usedesk ticket/)
    expect(await tickets(e)).toEqual([])
  })
})

/**
 * moguta: 3 working days to react (target 1), Mon–Fri 10:00–19:00 Moscow; no holiday in 9–24 November 2026.
 * "Now" is Fri 2026-11-20 15:00. By hand:
 * - A received Mon 11-09 12:00: deadline Thu 11-12 12:00 (7 h Mon + 9 Tue + 9 Wed + 2 Thu = 27 h), target Tue 12:00;
 *   answered Tue 11-10 12:00 → met, within target; 7 + 2 = 9 working hours = 540 min.
 * - B received Mon 11-09 12:00, answered Fri 11-13 12:00 → late; 7 + 9 + 9 + 9 + 2 = 36 h = 2160 min.
 * - C received Fri 11-13 18:00: deadline Wed 11-18 18:00 (1 + 9 + 9 + 8), target Mon 11-16 18:00; answered
 *   Wed 11-18 17:00 → met, after the target; 1 + 9 + 9 + 7 = 26 h = 1560 min.
 * - D received Mon 11-16 10:00: deadline Thu 11-19 10:00 (Wed 19:00 is the same working instant), unanswered → overdue.
 * - E received Thu 11-19 10:00: deadline Tue 11-24 10:00, unanswered → pending.
 * Compliance 2 / (2 + 1 + 1) = 0.5; within target: A only, of the 5 windows answered or past the target;
 * reaction working minutes 540, 1560, 2160: median 1560, max 2160.
 */
const HAND = [
  ['A', '2026-11-09T12:00:00+03:00', '2026-11-10T12:00:00+03:00'],
  ['B', '2026-11-09T12:00:00+03:00', '2026-11-13T12:00:00+03:00'],
  ['C', '2026-11-13T18:00:00+03:00', '2026-11-18T17:00:00+03:00'],
  ['D', '2026-11-16T10:00:00+03:00', ''],
  ['E', '2026-11-19T10:00:00+03:00', ''],
]
  .map(([id, created, answered]) =>
    JSON.stringify({
      source: 'desk',
      external_id: id,
      created_at: created,
      subject: `Заявка ${id}`,
      body: 'Не работает корзина',
      assignee: 'anna',
      ...(answered ? { first_response_at: answered } : {}),
    }),
  )
  .join('\n')

const reportOf = async (e: Record<string, string>) => {
  const r = await regdesk(['report', '-r', 'moguta', '--from', '2026-11-01', '--to', '2026-11-30', '--json'], e)
  expect(r.exitCode, r.stderr).toBe(0)
  return JSON.parse(r.stdout)
}

describe('a level change in a record', () => {
  it('to a level the regulation does not have is a bad row', async () => {
    const e = { ...env(), REGDESK_NOW: '2026-11-20T12:00:00+03:00' }
    const row = JSON.stringify({
      external_id: '15',
      created_at: '2026-11-02T10:00:00+03:00',
      body: 'Не работает склад',
      events: [{ type: 'level_change', at: '2026-11-02T11:00:00+03:00', from: 'free', to: 'nonlevel' }],
    })
    const r = await importFile(e, file('lc.jsonl', `${row}\n`), 'jsonl', '-r', 'advantshop', '--no-triage')
    expect(r.exitCode).toBe(1)
    expect(r.summary.failed).toEqual([
      {
        line: 1,
        field: 'events',
        message: expect.stringMatching(/^a level change names the level "nonlevel", which advantshop does not have/),
      },
    ])
  })
})

/** A CSV of `lines` imported into moguta without triage. */
const importCsv = (e: Record<string, string>, lines: string[]) =>
  importFile(e, file('rows.csv', lines.join('\n')), 'csv', '-r', 'moguta', '--no-triage')

describe('report over imported tickets', () => {
  it('counts an answered CSV row as open, as the list does (a response opens the ticket)', async () => {
    const e = { ...env(), REGDESK_NOW: '2026-11-20T12:00:00+03:00' }
    const r = await importCsv(e, [
      'external_id,created_at,subject,first_response_at',
      '1,2026-11-16T10:00:00+03:00,Не работает корзина,2026-11-16T11:00:00+03:00',
      '2,2026-11-16T10:00:00+03:00,Не работает оплата,',
    ])
    expect(r.exitCode, r.stderr).toBe(0)
    expect((await tickets(e)).map((t) => t.status)).toEqual(['open', 'new'])
    expect((await reportOf(e)).backlog.by_status).toEqual({ new: 1, open: 1, waiting_customer: 0 })
  })

  it('says how many records give a status with no time for it (closed without closed_at)', async () => {
    const e = { ...env(), REGDESK_NOW: '2026-11-20T12:00:00+03:00' }
    const r = await importCsv(e, [
      'external_id,created_at,subject,status,closed_at',
      '1,2026-11-16T10:00:00+03:00,Не работает корзина,closed,',
      '2,2026-11-16T10:00:00+03:00,Не работает оплата,closed,2026-11-16T12:00:00+03:00',
    ])
    expect(r.exitCode, r.stderr).toBe(0)
    expect(r.summary).toMatchObject({ added: 2, status_without_time: 1 })
    expect(r.stderr).toMatch(/note: 1 record\(s\) give a status their times and events do not reach/)
  })

  it('equals the one computed by hand', async () => {
    const e = env()
    expect((await importFile(e, file('hand.jsonl', HAND), 'jsonl', '-r', 'moguta', '--no-triage')).exitCode).toBe(0)
    const report = await reportOf(e)
    expect(report.totals).toMatchObject({
      received: 5,
      windows: 5,
      met: 2,
      late: 1,
      overdue: 1,
      pending: 1,
      not_regulated: 0,
      compliance: 0.5,
      within_target: { windows: 5, within: 1 },
      reaction_working_minutes: { count: 3, median: 1560, max: 2160 },
    })
    // most late first: D, overdue by 14 working hours at --now (Thu 10:00 → Fri 15:00), then B, late by 9
    expect(report.breaches.map((b: { deadline: string }) => b.deadline)).toEqual([
      '2026-11-19T10:00:00+03:00',
      '2026-11-12T12:00:00+03:00',
    ])
  })
})

/**
 * An export imported into the store it came from doubles nothing: a ticket added in regdesk (no origin) is found by
 * (regdesk, its id) when the record is its own (same regulation, receipt and text) and left as it is; another store's
 * ticket of the same id is a new ticket, and its own tickets stay.
 */
async function exportIntoItself(e: Record<string, string>) {
  const add = async (text: string, at: string) => {
    const r = await regdesk(['tickets', 'add', '-r', 'moguta', text, '--received-at', at, '--json'], e)
    expect(r.exitCode, r.stderr).toBe(0)
    return JSON.parse(r.stdout).id as string
  }
  const first = await add('После обновления не открывается админка', '2026-11-18T11:00+03:00')
  await add('Не работает корзина', '2026-11-18T12:00+03:00')
  expect(
    (await regdesk(['tickets', 'respond', first, '--at', '2026-11-18T12:30+03:00', '-m', 'Смотрим'], e)).exitCode,
  ).toBe(0)
  expect((await importFile(e, file('hd.jsonl', JSONL), 'jsonl', '-r', 'moguta')).exitCode).toBe(0)
  // an e-mail with a file and a password, answered, noted: more than its exported record holds
  const eml = file(
    'letter.eml',
    letterWithFile({
      subject: 'Корзина',
      from: 'ivan@shop.ru',
      id: 'cart-1@shop.ru',
      text: 'Не работает корзина, доступ: логин admin пароль Qw12345zz',
    }),
  )
  const mailed = JSON.parse((await runCli(['tickets', 'add', '-r', 'moguta', '--eml', eml, '--json'], e)).stdout).id
  for (const args of [
    ['tickets', 'respond', mailed, '-m', 'Смотрим'],
    ['tickets', 'note', mailed, 'проверить логи'],
  ])
    expect((await regdesk(args, e)).exitCode).toBe(0)
  const before = await tickets(e)
  for (const format of ['jsonl', 'csv']) {
    const out = join(tempDir(), `export.${format}`)
    expect((await regdesk(['tickets', 'export', '-o', out], e)).exitCode).toBe(0)
    const back = await importFile(e, out, format, '-r', 'moguta')
    expect(back.exitCode, back.stderr).toBe(0)
    expect(back.summary).toMatchObject({ added: 0, updated: 0, unchanged: before.length, failed: [] })
    expect(await tickets(e)).toEqual(before)
  }
  // the export masks the customer's password; the stored ticket still holds it
  const masked = before.find((t) => (t.origin as { external_id: string } | null)?.external_id === 'HD-1002')
  const shown = await regdesk(['tickets', 'show', masked?.id as string, '--show-secrets', '--json'], e)
  expect(shown.stdout).toContain('Qwerty123')
  expect((await regdesk(['tickets', 'show', mailed, '--show-secrets', '--json'], e)).stdout).toContain('Qw12345zz')

  // another store's export names its own MG-000001, received at another time: a new ticket, ours untouched
  const other = env()
  const theirs = await regdesk(
    ['tickets', 'add', '-r', 'moguta', 'Где поменять логотип?', '--received-at', '2026-11-17T09:00+03:00', '--json'],
    other,
  )
  expect(JSON.parse(theirs.stdout).id).toBe(first)
  const theirFile = join(tempDir(), 'theirs.jsonl')
  expect((await regdesk(['tickets', 'export', '-o', theirFile], other)).exitCode).toBe(0)
  const merged = await importFile(e, theirFile, 'jsonl', '-r', 'moguta')
  expect(merged.summary).toMatchObject({ added: 1, updated: 0, unchanged: 0 })
  const after = await tickets(e)
  expect(after.slice(0, before.length)).toEqual(before)
  expect(after.at(-1)).toMatchObject({
    text: 'Где поменять логотип?',
    origin: { source: 'regdesk', external_id: first },
  })
  // and that export again: its ticket is found by its origin now, not mistaken for ours
  expect((await importFile(e, theirFile, 'jsonl', '-r', 'moguta')).summary).toMatchObject({ added: 0, unchanged: 1 })

  // a third store's MG-000001 is neither: a bad row that says so, never taken for the second one's and dropped
  const third = env()
  await regdesk(
    ['tickets', 'add', '-r', 'moguta', 'Не приходят письма о заказах', '--received-at', '2026-11-16T10:00+03:00'],
    third,
  )
  const thirdFile = join(tempDir(), 'third.jsonl')
  expect((await regdesk(['tickets', 'export', '-o', thirdFile], third)).exitCode).toBe(0)
  const clash = await importFile(e, thirdFile, 'jsonl', '-r', 'moguta')
  expect(clash.exitCode).toBe(1)
  expect(clash.summary).toMatchObject({
    added: 0,
    unchanged: 0,
    failed: [
      {
        line: 1,
        field: 'external_id',
        message: expect.stringMatching(
          new RegExp(
            `^regdesk ${first} is already the origin of MG-\\d+, another ticket .*give each store's export its own source`,
          ),
        ),
      },
    ],
  })
  expect(await tickets(e)).toEqual(after)
  // with a source of its own, it is taken in
  writeFileSync(thirdFile, readFileSync(thirdFile, 'utf8').replace('"source":"regdesk"', '"source":"irina"'))
  expect((await importFile(e, thirdFile, 'jsonl', '-r', 'moguta')).summary).toMatchObject({ added: 1, failed: [] })
}

describe('tickets export', () => {
  it('export → import into an empty store gives the same tickets and the same report', async () => {
    const e = env()
    // tickets of every kind: imported with history, and added and worked in regdesk
    expect((await importFile(e, file('a.jsonl', `${JSONL}\n${HAND}`), 'jsonl', '-r', 'moguta')).exitCode).toBe(0)
    const added = await regdesk(
      [
        'tickets',
        'add',
        '-r',
        'moguta',
        'После обновления не открывается админка',
        '--received-at',
        '2026-11-18T11:00+03:00',
        '--json',
      ],
      e,
    )
    const id = JSON.parse(added.stdout).id
    for (const args of [
      ['tickets', 'level', id, 'standard', '--at', '2026-11-18T11:30+03:00'],
      ['tickets', 'respond', id, '--at', '2026-11-18T12:00+03:00', '-m', 'Смотрим'],
      ['tickets', 'note', id, 'проверить логи'],
    ])
      expect((await regdesk(args, e)).exitCode).toBeLessThan(2)
    // and one taken in from an e-mail with a file attached: its name, type and size go along
    const eml = file(
      'letter.eml',
      letterWithFile({
        subject: 'Белый экран',
        from: 'ivan@shop.ru',
        id: 'att-1@shop.ru',
        text: 'После обновления белый экран на сайте shop.ru',
      }),
    )
    expect((await runCli(['tickets', 'add', '-r', 'moguta', '--eml', eml], e)).exitCode).toBe(0)
    const out = join(tempDir(), 'export.jsonl')
    const exported = await regdesk(['tickets', 'export', '-o', out], e)
    expect(exported.exitCode, exported.stderr).toBe(0)
    expect(exported.stderr).toContain(`10 tickets written to ${out}`)
    expect(readFileSync(out, 'utf8')).toContain('"attachments":[{"name":"screen.png","type":"image/png","size":3000}]')

    const empty = env()
    const back = await importFile(empty, out, 'jsonl', '-r', 'moguta')
    expect(back.exitCode, back.stderr).toBe(0)
    expect(back.summary).toMatchObject({ added: 10, failed: [] })
    expect((await tickets(empty)).find((t) => t.subject === 'Белый экран')?.attachments).toEqual([
      { name: 'screen.png', type: 'image/png', size: 3000 },
    ])
    const facts = (list: Record<string, unknown>[]) =>
      list.map(({ triage: _t, id: _id, origin: _o, events, ...rest }) => ({
        ...rest,
        // the receipt's author is the requester or the source on import
        events: (events as { type: string; author: string }[]).map((ev) =>
          ev.type === 'received' ? { ...ev, author: '' } : ev,
        ),
      }))
    expect(facts(await tickets(empty))).toEqual(facts(await tickets(e)))
    expect(await reportOf(empty)).toEqual(await reportOf(e))
    // and exporting again gives the same file
    const again = await regdesk(['tickets', 'export'], empty)
    expect(`${again.stdout}\n`).toBe(readFileSync(out, 'utf8'))
  })

  it('a ticket whose access data an export masked keeps its credentials warning when imported back', async () => {
    const e = env()
    const add = ['tickets', 'add', '-r', 'moguta', 'После обновления белый экран. логин admin пароль Qwe123!', '--json']
    expect((await regdesk(add, e)).exitCode).toBe(0)
    const out = join(tempDir(), 'export.jsonl')
    expect((await regdesk(['tickets', 'export', '-o', out], e)).exitCode).toBe(0)
    expect(readFileSync(out, 'utf8')).toContain('логин •••••• пароль ••••••')
    const back = env()
    expect((await importFile(back, out, 'jsonl', '-r', 'moguta')).exitCode).toBe(0)
    const codes = async (x: Record<string, string>) =>
      ((await tickets(x))[0] as { triage: { warnings: { code: string }[] } }).triage.warnings.map((w) => w.code)
    expect(await codes(back)).toEqual(await codes(e))
    expect(await codes(back)).toContain('credentials_in_text')
    // and the reply draft still asks the customer to change them (the regulation's advice)
    const draft = async (x: Record<string, string>) => (await regdesk(['tickets', 'draft', 'MG-1'], x)).stdout
    expect(await draft(back)).toBe(await draft(e))
  })

  it('a CSV export given as JSON Lines is said once, pointing to --from csv, not as every row "not JSON"', async () => {
    const e = env()
    const csv = file('e.csv', 'source,external_id,created_at,subject\ndesk,1,2026-11-18T10:00:00+03:00,Корзина\n')
    const r = await importFile(e, csv, 'jsonl', '-r', 'moguta')
    expect(r.exitCode).toBe(1)
    expect(r.stderr).toContain(
      'the file is CSV, not JSON Lines (its first line is a header of columns): import it with --from csv',
    )
    expect(r.stderr).not.toContain('not JSON at column')
  })

  it('the product a request names is kept when its record gives none, as tickets add keeps it', async () => {
    const e = env()
    const rows = '{"external_id":"a1","created_at":"2026-11-18T10:00:00+03:00","body":"Fenix+ 2 не запускается"}\n'
    expect((await importFile(e, file('p.jsonl', rows), 'jsonl', '-r', 'mst')).exitCode).toBe(0)
    expect((await tickets(e))[0]).toMatchObject({ product: 'fenix-plus-2' })
    // and again: nothing changes
    expect(JSON.parse((await importFile(e, file('p.jsonl', rows), 'jsonl', '-r', 'mst')).stdout)).toMatchObject({
      unchanged: 1,
    })
  })

  it('an export for Excel (--excel: semicolons, a byte-order mark) imports back as the same tickets', async () => {
    const e = env()
    expect((await importFile(e, file('a.jsonl', JSONL), 'jsonl', '-r', 'moguta', '--no-triage')).exitCode).toBe(0)
    const out = join(tempDir(), 'excel.csv')
    expect((await regdesk(['tickets', 'export', '--format', 'csv', '--excel', '-o', out], e)).exitCode).toBe(0)
    expect(readFileSync(out).subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]))
    expect(readFileSync(out, 'utf8')).toContain('source;external_id;created_at;')
    const copy = env()
    const back = await importFile(copy, out, 'csv', '-r', 'moguta', '--no-triage')
    expect(back.exitCode, back.stderr).toBe(0)
    const strip = (ts: Record<string, unknown>[]) =>
      ts.map(({ id, subject, status, level, received_at }) => ({ id, subject, status, level, received_at }))
    expect(strip(await tickets(copy))).toEqual(strip(await tickets(e)))
    expect((await regdesk(['tickets', 'export', '--excel'], e)).stderr).toContain('--excel is for --format csv')
    // a spreadsheet named is refused, pointing to the CSV for Excel: JSON Lines in tickets.xlsx is a broken file
    const xlsx = join(tempDir(), 'tickets.xlsx')
    const refused = await regdesk(['tickets', 'export', '-o', xlsx], e)
    expect(refused.exitCode).toBe(2)
    expect(refused.stderr).toBe(
      `error: regdesk does not write .xlsx files; write -o ${xlsx.replace(/xlsx$/, 'csv')} --excel (Excel opens it)`,
    )
    expect(existsSync(xlsx)).toBe(false)
    expect((await regdesk(['tickets', 'export', '-o', join(tempDir(), 't.pdf')], e)).stderr).toBe(
      'error: regdesk does not write .pdf files; name a file ending in .jsonl or .csv',
    )
  })

  it("an export imported again is its tickets' record though their text differs (masked otherwise, secrets purged)", async () => {
    const b = env()
    await regdesk(
      ['tickets', 'add', '-r', 'moguta', 'Не работает корзина', '--received-at', '2026-11-18T11:00+03:00'],
      b,
    )
    const file = join(tempDir(), 'b.jsonl')
    expect((await regdesk(['tickets', 'export', '-o', file], b)).exitCode).toBe(0)
    const team = env()
    await regdesk(['tickets', 'add', '-r', 'moguta', 'Своя заявка', '--received-at', '2026-11-17T10:00+03:00'], team)
    expect((await importFile(team, file, 'jsonl', '-r', 'moguta')).summary).toMatchObject({ added: 1 })
    writeFileSync(file, readFileSync(file, 'utf8').replace('Не работает корзина', 'Не работает корзина [removed]'))
    const again = await importFile(team, file, 'jsonl', '-r', 'moguta')
    expect(again.exitCode, again.stderr).toBe(0)
    expect(again.summary).toMatchObject({ added: 0, unchanged: 1, failed: [] })
  })

  it('a regulation column naming no regulation regdesk knows is a bad row, not left for another import', async () => {
    const e = env()
    const r = await importFile(
      e,
      file('r.jsonl', '{"external_id":"1","created_at":"2026-11-16T10:00:00+03:00","regulation":"mogta"}\n'),
      'jsonl',
      '-r',
      'moguta',
      '--no-triage',
    )
    expect(r.exitCode).toBe(1)
    expect(r.summary).toMatchObject({
      other_regulations: {},
      failed: [
        { line: 1, field: 'regulation', message: expect.stringMatching(/^unknown regulation "mogta"; available: /) },
      ],
    })
  })

  it('a CSV export (no events) keeps a first reaction that was a move to waiting: the same report after import', async () => {
    const e = env()
    await regdesk(
      ['tickets', 'add', '-r', 'imagecms', 'Как поменять логотип?', '--received-at', '2026-11-18T11:00+03:00'],
      e,
    )
    expect((await regdesk(['tickets', 'wait', 'IC-1', '--at', '2026-11-18T12:00+03:00'], e)).exitCode).toBe(0)
    const report = async (env: Record<string, string>) =>
      JSON.parse(
        (
          await regdesk(
            ['--now', '2026-12-01T12:00+03:00', 'report', '--json', '--from', '2026-11-01', '--to', '2026-11-30'],
            env,
          )
        ).stdout,
      ).totals
    expect(await report(e)).toMatchObject({ windows: 1, met: 1, overdue: 0 })
    const out = join(tempDir(), 'backup.csv')
    expect((await regdesk(['tickets', 'export', '-o', out], e)).exitCode).toBe(0)
    const empty = env()
    expect((await importFile(empty, out, 'csv', '-r', 'imagecms')).summary).toMatchObject({ added: 1, failed: [] })
    expect(await report(empty)).toEqual(await report(e))
    expect((await tickets(empty))[0]).toMatchObject({ status: 'waiting_customer' })
  })

  it("an export imported into the store it came from doubles nothing; another store's tickets of the same ids are new", async () => {
    await exportIntoItself(env())
  })

  it('an export of several regulations is imported once per regulation: records of another one are left for it', async () => {
    const e = env()
    for (const [reg, text] of [
      ['moguta', 'Не работает корзина'],
      ['umi', 'Не работает форма заказа'],
      ['moguta', 'Ошибка 500 в админке'],
    ])
      expect((await regdesk(['tickets', 'add', '-r', reg as string, text as string], e)).exitCode).toBe(0)
    const out = join(tempDir(), 'all.jsonl')
    const exported = await regdesk(['tickets', 'export', '-o', out], e)
    expect(exported.stderr).toContain(
      'note: the export holds tickets of 2 regulations (moguta, umi); import it once per regulation with -r',
    )
    const empty = env()
    const moguta = await importFile(empty, out, 'jsonl', '-r', 'moguta')
    // a clean restore is a success: the umi record is left for its own import, not a bad row
    expect(moguta.exitCode, moguta.stderr).toBe(0)
    expect(moguta.summary).toMatchObject({ added: 2, failed: [], other_regulations: { umi: 1 } })
    expect(moguta.stderr).toContain(
      'note: 1 record(s) of umi left for their own import: import the file again with -r umi',
    )
    expect((await importFile(empty, out, 'jsonl', '-r', 'umi')).summary).toMatchObject({ added: 1 })
    expect((await tickets(empty)).map((t) => [t.regulation, t.subject])).toEqual([
      ['moguta', 'Не работает корзина'],
      ['moguta', 'Ошибка 500 в админке'],
      ['umi', 'Не работает форма заказа'],
    ])
  })

  it('export -o FILE.csv writes CSV; a --format the file name contradicts is refused', async () => {
    const e = env()
    await regdesk(['tickets', 'add', '-r', 'moguta', 'Не работает корзина'], e)
    const csv = join(tempDir(), 'backup.csv')
    expect((await regdesk(['tickets', 'export', '-o', csv], e)).exitCode).toBe(0)
    expect(readFileSync(csv, 'utf8')).toMatch(/^source,external_id,created_at,/)
    const contradicted = await regdesk(['tickets', 'export', '--format', 'jsonl', '-o', join(tempDir(), 'b.csv')], e)
    expect(contradicted).toMatchObject({
      exitCode: 2,
      stderr: expect.stringContaining('--format jsonl would write JSON Lines into'),
    })
  })

  it('quotes a short value in any alphabet in a bad-row message', async () => {
    const e = env()
    const r = await importFile(
      e,
      file('ru.csv', 'external_id;created_at;status\n1;2026-11-16T10:00:00+03:00;открыт\n'),
      'csv',
      '-r',
      'moguta',
      '--no-triage',
    )
    expect(r.summary.failed).toEqual([{ line: 2, field: 'status', message: expect.stringMatching(/got "открыт"$/) }])
  })

  it('export --json: a usage error to stdout, where the file went with -o; a file it cannot write is a failure', async () => {
    const e = env()
    await regdesk(['tickets', 'add', '-r', 'moguta', 'Не работает корзина'], e)
    expect(await regdesk(['tickets', 'export', '--json'], e)).toMatchObject({ exitCode: 2 })
    const out = join(tempDir(), 'e.jsonl')
    const r = await regdesk(['tickets', 'export', '--json', '-o', out], e)
    expect(r.exitCode, r.stderr).toBe(0)
    expect(JSON.parse(r.stdout)).toEqual({ file: out, format: 'jsonl', tickets: 1 })
    const missing = await regdesk(['tickets', 'export', '-o', join(tempDir(), 'nodir', 'e.jsonl')], e)
    expect(missing).toMatchObject({
      exitCode: 1,
      stderr: expect.stringMatching(/^error: cannot write .*e\.jsonl \(ENOENT: no such file or directory\)$/),
    })
  })

  it('writes CSV through the neutralising writer', async () => {
    const e = env()
    const line = JSON.stringify({
      source: 'hd',
      external_id: '1',
      created_at: '2026-11-16T10:00:00+03:00',
      subject: '=HYPERLINK("http://evil")',
      body: 'текст',
    })
    expect((await importFile(e, file('f.jsonl', line), 'jsonl', '-r', 'moguta', '--no-triage')).exitCode).toBe(0)
    const r = await regdesk(['tickets', 'export', '--format', 'csv'], e)
    expect(r.exitCode).toBe(0)
    expect(r.stdout.split('\r\n')[0]).toBe(
      'source,external_id,created_at,subject,body,requester,channel,tier,product,license_date,status,assignee,first_response_at,resolved_at,closed_at,level,critical,helpdesk_deadline,regulation',
    )
    expect(r.stdout).toContain(`"'=HYPERLINK(""http://evil"")"`)
  })

  it('an export keeps the licence purchase date, in JSON Lines and CSV; a bad or later one is a failed row', async () => {
    const e = env()
    const add = await regdesk(
      [
        'tickets',
        'add',
        '-r',
        'imagecms',
        '--tier',
        'pro',
        '--license-date',
        '2026-11-10',
        '--received-at',
        '2026-11-16T10:00+03:00',
        'ошибка в корзине',
      ],
      e,
    )
    expect(add.exitCode, add.stderr).toBe(0)
    for (const ext of ['jsonl', 'csv']) {
      const out = join(tempDir(), `backup.${ext}`)
      expect((await regdesk(['tickets', 'export', '-o', out], e)).exitCode).toBe(0)
      const back = env()
      const r = await importFile(back, out, ext, '-r', 'imagecms')
      expect(r.exitCode, JSON.stringify(r.summary)).toBe(0)
      expect((await tickets(back)).map((t) => t.license_date)).toEqual(['2026-11-10'])
    }
    const bad = await importFile(
      env(),
      file(
        'bad.jsonl',
        [
          { external_id: '1', created_at: '2026-11-16T10:00:00+03:00', body: 'ошибка', license_date: '2026-02-30' },
          { external_id: '2', created_at: '2026-11-16T10:00:00+03:00', body: 'ошибка', license_date: '2026-11-17' },
        ]
          .map((r) => JSON.stringify(r))
          .join('\n'),
      ),
      'jsonl',
      '-r',
      'imagecms',
      '--no-triage',
    )
    expect(bad.summary.failed).toEqual([
      { line: 1, field: 'license_date', message: 'expected a date YYYY-MM-DD, got "2026-02-30"' },
      { line: 2, field: 'license_date', message: 'is after created_at' },
    ])
  })

  it('a CSV export reads back as it was: formula guards undone, line breaks of any kind kept inside their cell', async () => {
    const e = env()
    const subjects = ['=SUM(A1)', "'=already quoted", "'just a quote", '-5 товаров', '@agent']
    const bodies = ['строка 1\nстрока 2', 'возврат\rкаретки', 'обе\r\nвместе', '+7 999 000-00-00', 'обычный текст']
    const lines = subjects.map((subject, i) =>
      JSON.stringify({
        source: 'hd',
        external_id: String(i + 1),
        created_at: '2026-11-16T10:00:00+03:00',
        subject,
        body: bodies[i],
      }),
    )
    expect(
      (await importFile(e, file('f.jsonl', lines.join('\n')), 'jsonl', '-r', 'moguta', '--no-triage')).exitCode,
    ).toBe(0)
    const csv = join(tempDir(), 'backup.csv')
    expect((await regdesk(['tickets', 'export', '-o', csv], e)).exitCode).toBe(0)
    const text = readFileSync(csv, 'utf8')
    // no bare line break outside quotes: every record ends with CRLF and has the header's 18 columns
    expect(text).toContain('"строка 1\nстрока 2"')
    expect(text).toContain('"возврат\rкаретки"')
    const back = env()
    const r = await importFile(back, csv, 'csv', '-r', 'moguta', '--no-triage')
    expect(r.exitCode, JSON.stringify(r.summary)).toBe(0)
    expect(r.summary).toMatchObject({ added: 5 })
    expect((await tickets(back)).map((t) => [t.subject, t.text])).toEqual(subjects.map((s, i) => [s, bodies[i]]))
  })
})

describePg('tickets import into the team store', () => {
  it('an export imported into the team store it came from doubles nothing', async () => {
    const db = await freshDatabase()
    try {
      await exportIntoItself({ REGDESK_STORE: db.url })
    } finally {
      await db.drop()
    }
  }, 60_000)

  it('a failure after some transactions says how many records were stored, and importing again takes in the rest', async () => {
    const db = await freshDatabase()
    try {
      const e = { REGDESK_STORE: db.url }
      const rows = Array.from({ length: 2500 }, (_, i) =>
        JSON.stringify({
          source: 'hd',
          external_id: `R-${i + 1}`,
          created_at: '2026-11-16T10:00:00+03:00',
          body: 'корзина',
        }),
      ).join('\n')
      const path = file('many.jsonl', rows)
      // the schema first, then a trigger that fails the second transaction of 1,000
      expect((await regdesk(['store', 'info'], e)).exitCode).toBe(0)
      expect((await regdesk(['tickets', 'add', '-r', 'moguta', 'первая'], e)).exitCode).toBe(0)
      await admin(async (c) => {
        await c.query(`CREATE FUNCTION stop() RETURNS trigger AS $$ BEGIN
          IF NEW.origin_id = 'R-1500' THEN RAISE EXCEPTION 'stopped by the test'; END IF; RETURN NEW; END $$ LANGUAGE plpgsql`)
        await c.query('CREATE TRIGGER stop BEFORE INSERT ON regdesk_tickets FOR EACH ROW EXECUTE FUNCTION stop()')
      }, db.name)
      const failed = await importFile(e, path, 'jsonl', '-r', 'moguta', '--no-triage')
      expect(failed.exitCode).toBe(1)
      expect(failed.stderr).toMatch(
        /stopped by the test; the first 1000 of the 2500 records to import were stored \(1000 added, 0 updated\), the rest not: importing the file again takes in the rest$/,
      )
      await admin((c) => c.query('DROP TRIGGER stop ON regdesk_tickets'), db.name)
      const again = await importFile(e, path, 'jsonl', '-r', 'moguta', '--no-triage')
      expect(again.summary).toMatchObject({ added: 1500, unchanged: 1000, failed: [] })
    } finally {
      await db.drop()
    }
  }, 60_000)
})
