import { copyFileSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { regdesk, tempDir } from '../support/in-process.js'

// 300 tickets across the five regulations (scripts/make-fixture-store.mjs, fixed seed)
const FIXTURE = new URL('../fixtures/stores/report-fixture.json', import.meta.url).pathname
const NOW = '2026-11-30T20:00:00+03:00'
const PERIOD = ['--from', '2026-11-01', '--to', '2026-11-30']
const ISO = /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}/g

/** The fixture store, optionally with its tickets changed. */
function store(change?: (t: Record<string, unknown>, i: number) => void): Record<string, string> {
  const file = join(tempDir(), 'tickets.json')
  if (change) {
    const doc = JSON.parse(readFileSync(FIXTURE, 'utf8'))
    doc.tickets.forEach(change)
    writeFileSync(file, JSON.stringify(doc))
  } else copyFileSync(FIXTURE, file)
  return { REGDESK_STORE: file, REGDESK_NOW: NOW }
}

/** RFC 4180 as regdesk writes it (quoted cells, CRLF), rows as objects by the header: test-only. */
function parseCsv(text: string, { delimiter = ',' } = {}): Record<string, string>[] {
  const rows: string[][] = [[]]
  let cell = ''
  let quoted = false
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"'
        i++
      } else if (ch === '"') quoted = false
      else cell += ch
    } else if (ch === '"') quoted = true
    else if (ch === delimiter) {
      ;(rows.at(-1) as string[]).push(cell)
      cell = ''
    } else if (ch === '\r' && text[i + 1] === '\n') {
      ;(rows.at(-1) as string[]).push(cell)
      cell = ''
      rows.push([])
      i++
    } else cell += ch
  }
  if (cell) (rows.at(-1) as string[]).push(cell)
  const [head = [], ...body] = rows.filter((r) => r.length)
  return body.map((r) => Object.fromEntries(head.map((h, i) => [h, r[i] ?? ''])))
}

const PAYLOADS = ['=HYPERLINK("http://evil","x")', '+1+cmd|calc', '-2+3', '@SUM(A1)', '\tx', '\rx']

describe('report and the lists at a terminal of 80, 120 and 200 columns', () => {
  const env = store()
  it.each([80, 120, 200])('%i columns: no line wider, no ISO time or id cut', async (columns) => {
    const json = JSON.parse((await regdesk(['report', '--json', ...PERIOD], env)).stdout)
    const r = await regdesk(['report', ...PERIOD], env, undefined, { columns })
    expect(r.exitCode).toBe(0)
    for (const line of r.stdout.split('\n')) expect([...line].length).toBeLessThanOrEqual(columns)
    // the 20 most late breaches are listed: each with its id and deadline whole
    for (const b of json.breaches.slice(0, 20)) {
      expect(r.stdout).toContain(b.id)
      expect(r.stdout).toContain(b.deadline)
    }
    expect(r.stdout).not.toMatch(/\d{4}-\d{2}-\d…/)
  })

  it('a terminal of 60 columns: tables that cannot fit become blocks of fields, no heading broken inside a word', async () => {
    const r = await regdesk(['report', ...PERIOD], env, undefined, { columns: 60 })
    expect(r.exitCode).toBe(0)
    for (const line of r.stdout.split('\n')) expect([...line].length).toBeLessThanOrEqual(60)
    expect(r.stdout).toMatch(/^group {7}advantshop$/m)
    expect(r.stdout).toMatch(/^compliance {2}68\.5 %$/m)
    // a heading breaks between its words only: "answered", not "answe" over "red"
    expect(r.stdout).toMatch(/\banswered\b/)
    expect(r.stdout).not.toMatch(/│ answe +│/)
  })

  it('uses the width of a wide terminal: the breach table is wider than 100 columns at 200', async () => {
    const r = await regdesk(['report', ...PERIOD], env, undefined, { columns: 200 })
    const widest = Math.max(...r.stdout.split('\n').map((l) => [...l].length))
    expect(widest).toBeGreaterThan(100)
    expect(r.stdout).toMatch(/│ [A-Z]{2}-\d{6} .*│ \d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+03:00 │ \d{4}-/)
  })

  it('cuts and wraps by columns on screen: agents named in CJK characters or emoji fit 80 columns', async () => {
    const names: Record<string, string> = { irina: '王小 明华 李四', oleg: '✅✅✅ Олег 🚀赵六' }
    const wide = store((t) => {
      for (const e of t.events as { author?: string }[]) if (e.author) e.author = names[e.author] ?? e.author
    })
    const r = await regdesk(['report', ...PERIOD, '--by', 'agent'], wide, undefined, { columns: 80 })
    expect(r.exitCode, r.stderr).toBe(0)
    // a CJK character takes two columns in a terminal
    const onScreen = (line: string) =>
      [...line].reduce((w, c) => w + (/[\u4e00-\u9fff]|\p{Emoji_Presentation}/u.test(c) ? 2 : 1), 0)
    for (const line of r.stdout.split('\n')) expect(onScreen(line), line).toBeLessThanOrEqual(80)
    // wrapped at spaces by their width, not cut off by the table
    for (const word of ['明华', '李四', '🚀赵六', '✅✅✅']) expect(r.stdout).toContain(word)
  })

  it('fits its header line in 100 columns', async () => {
    const r = await regdesk(['report', ...PERIOD], env, undefined, { columns: 100 })
    for (const line of r.stdout.split('\n')) expect([...line].length).toBeLessThanOrEqual(100)
    expect(r.stdout).toContain('as of 2026-11-30T20:00:00+03:00')
  })

  it.each([80, 120, 200])(
    'tickets list, tickets show and overdue at %i columns keep ids and times whole',
    async (columns) => {
      const long = store((t, i) => {
        if (i < 40) t.subject = `Очень длинная тема обращения номер ${i}, в которой клиент подробно описывает проблему`
      })
      const piped = (await regdesk(['tickets', 'list', '-r', 'moguta'], long)).stdout
      const ids = piped.split('\n').map((l) => l.split('\t')[0])
      const times = piped.match(ISO) ?? []
      const list = await regdesk(['tickets', 'list', '-r', 'moguta'], long, undefined, { columns })
      expect(list.exitCode).toBe(0)
      for (const line of list.stdout.split('\n')) expect([...line].length).toBeLessThanOrEqual(columns)
      for (const id of ids) expect(list.stdout).toContain(id)
      for (const t of times) expect(list.stdout).toContain(t)

      const overduePiped = (await regdesk(['overdue'], long)).stdout
      const overdue = await regdesk(['overdue'], long, undefined, { columns })
      for (const line of overdue.stdout.split('\n')) expect([...line].length).toBeLessThanOrEqual(columns)
      for (const t of overduePiped.match(ISO) ?? []) expect(overdue.stdout).toContain(t)
      for (const l of overduePiped.split('\n')) expect(overdue.stdout).toContain(l.split('\t')[0])

      const id = ids[0] as string
      const showJson = (await regdesk(['tickets', 'show', id, '--json'], long)).stdout
      const show = await regdesk(['tickets', 'show', id], long, undefined, { columns })
      expect(show.exitCode).toBe(0)
      for (const t of showJson.match(ISO) ?? []) expect(show.stdout).toContain(t)
      const table = show.stdout.split('\n').filter((l) => /^[┌│├└]/.test(l))
      for (const line of table) expect([...line].length).toBeLessThanOrEqual(columns)
    },
  )
})

describe('report rough edges', () => {
  it('separates the topics of a Markdown cell', async () => {
    const r = await regdesk(['report', '--format', 'md', ...PERIOD], store())
    const total = r.stdout.split('\n').find((l) => l.startsWith('| **total** |') && l.includes('×'))
    expect(total).toMatch(/\) ; |\); /)
    expect(total).not.toMatch(/\)[a-z]/)
  })

  it('csv --totals adds a last row with the totals; without --format csv it is a usage error', async () => {
    const env = store()
    const r = await regdesk(['report', '--format', 'csv', '--totals', ...PERIOD], env)
    const rows = parseCsv(r.stdout) as Record<string, string>[]
    const json = JSON.parse((await regdesk(['report', '--json', ...PERIOD], env)).stdout)
    expect(rows.length).toBe(json.groups.length + 1)
    expect(rows.at(-1)).toMatchObject({
      regulation: 'total',
      received: String(json.totals.received),
      backlog_open: String(json.backlog.open),
      resolved: String(json.resolution.resolved),
    })
    // the backlog is the whole report's: not on a group's row
    expect(rows[0]?.backlog_open).toBe('')
    expect((await regdesk(['report', '--totals', ...PERIOD], env)).exitCode).toBe(2)
  })

  it('csv --excel: semicolons, a UTF-8 byte-order mark and decimal commas, the same figures; only with csv', async () => {
    const env = store()
    const plain = parseCsv((await regdesk(['report', '--format', 'csv', '--totals', ...PERIOD], env)).stdout) as Record<
      string,
      string
    >[]
    const r = await regdesk(['report', '--format', 'csv', '--totals', '--excel', ...PERIOD], env)
    expect(r.stdout.startsWith('\ufeffregulation;level;agent;')).toBe(true)
    const excel = parseCsv(r.stdout.slice(1), { delimiter: ';' }) as Record<string, string>[]
    expect(excel.map((row) => row.regulation)).toEqual(plain.map((row) => row.regulation))
    const total = (rows: Record<string, string>[]) => rows.at(-1) as Record<string, string>
    expect(total(excel).compliance).toBe(total(plain).compliance?.replace('.', ','))
    expect(total(excel).received).toBe(total(plain).received)
    expect((await regdesk(['report', '--excel', ...PERIOD], env)).stderr).toContain('--excel is for --format csv')
  })

  it('writes no live formula into CSV: agent names that start like formulas are text', async () => {
    const env = store((t, i) => {
      for (const e of t.events as { author: string }[])
        if (e.author !== 'customer') e.author = PAYLOADS[i % 6] as string
    })
    const r = await regdesk(['report', '--format', 'csv', '--by', 'agent', ...PERIOD], env)
    expect(r.exitCode).toBe(0)
    const rows = parseCsv(r.stdout) as Record<string, string>[]
    const agents = rows.map((row) => row.agent as string).filter(Boolean)
    expect(agents.length).toBeGreaterThan(0)
    for (const a of agents) expect(a).not.toMatch(/^[=+\-@\t\r]/)
    expect(agents).toContain(`'=HYPERLINK("http://evil","x")`)
  })
})

describe('-o that names the ticket store', () => {
  it.each([
    ['report', ['report', ...PERIOD, '-o']],
    ['tickets export', ['tickets', 'export', '-o']],
  ])('%s refuses the store, its sidecars and a link to it, and leaves every ticket in place', async (_what, args) => {
    const env = store()
    const file = env.REGDESK_STORE as string
    const before = readFileSync(file, 'utf8')
    symlinkSync(file, join(dirname(file), 'link.json'))
    for (const target of [file, `${file}.summary`, `${file}.meta`, join(dirname(file), 'link.json')]) {
      const r = await regdesk([...args, target], env)
      expect(r.exitCode).toBe(2)
      expect(r.stderr).toMatch(/is the ticket store.*name another file/)
    }
    expect(readFileSync(file, 'utf8')).toBe(before)
    // a file named after the store but no file of it is written as asked
    const beside = await regdesk([...args, `${file}.csv`], env)
    expect(beside.exitCode).toBe(0)
    expect(readFileSync(file, 'utf8')).toBe(before)
  })
})

describe('-o that names a folder', () => {
  it.each([
    ['an existing folder', (dir: string) => dir],
    ['an existing folder with a slash', (dir: string) => `${dir}/`],
    ['a folder not made yet', (dir: string) => join(dir, 'reports/')],
  ])('%s: one sentence, exit 1, nothing written inside it', async (_what, target) => {
    const dir = tempDir()
    const r = await regdesk(['report', ...PERIOD, '-o', target(dir)], store())
    expect(r.exitCode).toBe(1)
    expect(r.stderr).toMatch(/^error: cannot write .* \(EISDIR: it is a directory, not a file\)\n?$/)
    expect(readdirSync(dir)).toEqual([])
  })
})

describe('-o given a store URL', () => {
  it.each([
    ['report', ['report', ...PERIOD, '-o']],
    ['tickets export', ['tickets', 'export', '-o']],
  ])('%s refuses it as what it is, its password masked', async (_what, args) => {
    const r = await regdesk([...args, 'postgres://anna:S3cretPW@127.0.0.1:25432/desk'], store())
    expect(r.exitCode).toBe(2)
    expect(r.stderr).toBe(
      'error: -o takes a file name, not a URL (postgres://anna:***@127.0.0.1:25432/desk); a store is copied with regdesk store copy',
    )
  })
})

describe('the "as of" of a report', () => {
  it('is the instant generated_at gives, in the zone of the regulation the figures are in', async () => {
    const dir = tempDir()
    const moguta = readFileSync(new URL('../../regulations/moguta.yaml', import.meta.url), 'utf8')
    writeFileSync(
      join(dir, 'vlad.yaml'),
      moguta
        .replace(/^id: moguta$/m, 'id: vlad')
        .replace('timezone: Europe/Moscow', 'timezone: Asia/Vladivostok')
        .replace(/^ticketPrefix: MG$/m, 'ticketPrefix: VL'),
    )
    const env = {
      REGDESK_STORE: join(tempDir(), 't.json'),
      REGDESK_NOW: '2026-11-25T12:00+03:00',
      REGDESK_REGULATIONS: dir,
    }
    const add = [
      'tickets',
      'add',
      '-r',
      'vlad',
      'после обновления белый экран',
      '--received-at',
      '2026-11-20T18:30+03:00',
    ]
    expect((await regdesk(add, env)).exitCode).toBe(0)
    const json = JSON.parse((await regdesk(['report', '--json'], env)).stdout)
    expect(json.generated_at).toBe('2026-11-25T19:00:00+10:00')
    for (const format of ['md', 'table', 'html']) {
      const r = await regdesk(['report', '--format', format], env)
      expect(r.stdout, format).toContain('2026-11-25T19:00:00+10:00')
      expect(r.stdout, format).not.toContain('2026-11-25T12:00:00+03:00')
    }
  })
})
