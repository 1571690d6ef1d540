import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { regdesk, tempDir } from '../support/in-process.js'

/** Issue 18, "Pipes and scripts": what a script reads on stdout and from the exit code. */
describe('scripts read JSON, errors included', () => {
  it('--version --json prints the version as JSON', async () => {
    for (const args of [
      ['--version', '--json'],
      ['--json', '-V'],
    ]) {
      const r = await regdesk(args)
      expect(r.exitCode).toBe(0)
      expect(JSON.parse(r.stdout)).toEqual({ version: expect.stringMatching(/^\d+\.\d+\.\d+/) })
    }
  })

  it.each([
    [['--json', 'tickets', 'show', 'MG-99'], 1, 'not_found'],
    [['--json', 'triage', '--bogus'], 2, 'usage'],
    [['--json', 'deadline', '-r', 'moguta', '--received-at', '2026-02-30'], 2, 'usage'],
    [['--json', 'regulations', 'show', 'nope'], 2, 'usage'],
  ])('under --json an error is also JSON on stdout: %j', async (args, exitCode, code) => {
    const r = await regdesk(args)
    expect(r.exitCode).toBe(exitCode)
    const { error } = JSON.parse(r.stdout)
    expect(error).toMatchObject({ code, exit_code: exitCode, message: expect.any(String) })
    expect(r.stderr).toMatch(/^error: /)
  })

  it('an invalid regulation file under --json gives its issues', async () => {
    const r = await regdesk([
      '--json',
      '--regulations',
      new URL('../fixtures/regulations/invalid', import.meta.url).pathname,
      'triage',
      '-r',
      'acme',
      'x',
    ])
    expect(r.exitCode).toBe(3)
    const { error } = JSON.parse(r.stdout)
    expect(error.code).toBe('invalid_data')
    expect(error.issues[0]).toMatchObject({ file: expect.stringContaining('acme.yaml'), line: expect.any(Number) })
  })
})

describe('overdue --check', () => {
  it('says how many tickets are overdue, without "error:", and exits 4', async () => {
    // a store of two tickets received ten days before --now, never answered
    const store = { REGDESK_STORE: join(tempDir(), 'tickets.json') }
    for (const text of ['не работает корзина', 'ошибка 500 на главной'])
      expect(
        (await regdesk(['tickets', 'add', '-r', 'moguta', '--received-at', '2026-11-10T12:00+03:00', text], store))
          .exitCode,
      ).toBe(0)
    const r = await regdesk(['overdue', '--check'], store)
    expect(r.exitCode).toBe(4)
    expect(r.stderr).toBe('2 tickets are overdue')
    const { rmSync } = await import('node:fs')
    for (const suffix of ['', '.meta', '.summary', '.lock'])
      rmSync(`${store.REGDESK_STORE}${suffix}`, { force: true, recursive: true })
  })
})

describe('one grammar: a fact a regulation does not use is reported', () => {
  it.each([
    [
      ['tickets', 'add', '-r', 'moguta', '--critical', 'сайт упал'],
      'moguta takes no request out of turn; drop --critical',
    ],
    [['triage', '-r', 'umi', '--outdated', 'сайт упал'], 'umi has no rule about outdated versions; drop --outdated'],
    [
      ['triage', '-r', 'mst', '--license-date', '2026-01-01', 'не запускается'],
      'mst has no support period that ends after a purchase; drop --license-date',
    ],
    [
      [
        'triage',
        '-r',
        'imagecms',
        '--tier',
        'pro',
        '--now',
        '2026-11-20T12:00+03:00',
        '--license-date',
        '2026-12-10',
        'ошибка в корзине',
      ],
      '--license-date 2026-12-10 is after the request was received (2026-11-20); give the date the licence was bought',
    ],
  ])('%j', async (args, message) => {
    const r = await regdesk(args)
    expect(r.exitCode).toBe(2)
    expect(r.stderr).toBe(`error: ${message}`)
  })
})

describe('guarding the record', () => {
  async function ticket() {
    const env = { REGDESK_STORE: join(tempDir(), 'tickets.json') }
    expect(
      (
        await regdesk(
          [
            'tickets',
            'add',
            '-r',
            'moguta',
            '--received-at',
            '2026-11-19T10:00+03:00',
            'Не работает корзина после обновления',
          ],
          env,
        )
      ).exitCode,
    ).toBe(0)
    return env
  }

  it('refuses an event dated in the future, naming both times, unless --force', async () => {
    const env = await ticket()
    const r = await regdesk(['tickets', 'respond', 'MG-1', '--at', '2026-11-21T10:00+03:00'], env)
    expect(r.exitCode).toBe(2)
    expect(r.stderr).toBe(
      'error: --at 2026-11-21T10:00:00+03:00 is in the future: now is 2026-11-20T15:00:00+03:00; pass --force to record it anyway',
    )
    // a few minutes past --now is a clock difference, not the future
    expect((await regdesk(['tickets', 'respond', 'MG-1', '--at', '2026-11-20T15:03+03:00'], env)).exitCode).toBe(0)
  })

  it('refuses an event before the last one, unless --force', async () => {
    const env = await ticket()
    expect((await regdesk(['tickets', 'respond', 'MG-1', '--at', '2026-11-20T12:00+03:00'], env)).exitCode).toBe(0)
    const r = await regdesk(['tickets', 'wait', 'MG-1', '--at', '2026-11-20T11:00+03:00'], env)
    expect(r.exitCode).toBe(2)
    expect(r.stderr).toBe(
      'error: --at 2026-11-20T11:00:00+03:00 is before the last event of MG-000001 (status_change at 2026-11-20T12:00:00+03:00); pass --force to record it anyway',
    )
    const forced = await regdesk(['tickets', 'wait', 'MG-1', '--at', '2026-11-20T11:00+03:00', '--force'], env)
    expect(forced.exitCode, forced.stderr).toBe(0)
  })

  it('setting the level a ticket has succeeds and says so', async () => {
    const env = await ticket()
    const r = await regdesk(['tickets', 'level', 'MG-1', 'standard'], env)
    expect(r.exitCode).toBe(0)
    expect(r.stderr).toBe('MG-000001 is already at level standard')
  })

  it('an empty (0-byte) store file is an empty store', async () => {
    const env = { REGDESK_STORE: join(tempDir(), 'tickets.json') }
    writeFileSync(env.REGDESK_STORE, '')
    const list = await regdesk(['tickets', 'list', '--json'], env)
    expect(list.exitCode, list.stderr).toBe(0)
    expect(JSON.parse(list.stdout)).toEqual([])
    expect((await regdesk(['tickets', 'add', '-r', 'umi', 'корзина'], env)).exitCode).toBe(0)
  })
})

describe('one grammar: -r wherever a regulation is meant', () => {
  it.each([
    [['calendar', 'show', '-r', 'moguta', '--month', '2026-05', '--json'], 'moguta'],
    [['calendar', 'check', '-r', 'umi', '2026-11-21T11:00+03:00', '--json'], 'umi'],
    [['regulations', 'show', '-r', 'mst', '--json'], 'mst'],
  ])('%j', async (args, id) => {
    const r = await regdesk(args)
    expect(r.exitCode, r.stderr).toBe(0)
    const doc = JSON.parse(r.stdout)
    expect(doc.regulation ?? doc.id).toBe(id)
  })

  it('regulations lint -r, autoclose -r and purge-secrets -r', async () => {
    const lint = JSON.parse((await regdesk(['regulations', 'lint', '-r', 'umi', '--json'])).stdout)
    expect(new Set(lint.map((f: { regulation: string }) => f.regulation))).toEqual(new Set(['umi']))
    for (const cmd of ['autoclose', 'purge-secrets'])
      expect((await regdesk(['tickets', cmd, '-r', 'imagecms', '--dry-run', '--json'])).exitCode).toBe(0)
    expect((await regdesk(['tickets', 'autoclose', '-r', 'nope'])).stderr).toMatch(/^error: unknown regulation "nope"/)
  })

  it('a regulation given twice, differently, is a usage error', async () => {
    const r = await regdesk(['calendar', 'show', 'umi', '-r', 'moguta'])
    expect(r.exitCode).toBe(2)
    expect(r.stderr).toBe('error: give the regulation once: "umi" or --regulation moguta, not both')
  })
})

describe('lists: --json FIELDS, --sort, --limit', () => {
  /** three tickets received a day apart, the oldest first */
  async function threeTickets(): Promise<Record<string, string>> {
    const env = { REGDESK_STORE: join(tempDir(), 'tickets.json') }
    for (const [day, text] of [
      ['16', 'Не работает корзина, ошибка 500'],
      ['17', 'Не приходят письма о заказах'],
      ['18', 'После обновления не открывается админка'],
    ] as const) {
      const r = await regdesk(
        ['tickets', 'add', '-r', 'moguta', '--received-at', `2026-11-${day}T10:00+03:00`, text],
        env,
      )
      expect(r.exitCode, r.stderr).toBe(0)
    }
    return env
  }

  it('--json with a field list prints those fields, in that order', async () => {
    const env = await threeTickets()
    const r = await regdesk(['tickets', 'list', '--json', 'id,status,deadline'], env)
    expect(r.exitCode, r.stderr).toBe(0)
    const rows = JSON.parse(r.stdout)
    expect(rows).toHaveLength(3)
    expect(Object.keys(rows[0])).toEqual(['id', 'status', 'deadline'])
  })

  it('every field of a record can be asked for (the field lists follow the records)', async () => {
    const env = await threeTickets()
    const late = { ...env, REGDESK_NOW: '2026-12-01T12:00+03:00' }
    for (const command of [['tickets', 'list'], ['tickets', 'queue'], ['overdue']]) {
      const [record] = JSON.parse((await regdesk([...command, '--json'], late)).stdout)
      const keys = Object.keys(record)
      const r = await regdesk([...command, '--json', keys.join(',')], late)
      expect(r.exitCode, `${command.join(' ')}: ${r.stderr}`).toBe(0)
      expect(Object.keys(JSON.parse(r.stdout)[0])).toEqual(keys)
    }
  })

  it('--sort orders by a field (-FIELD descending) and --limit keeps the first rows', async () => {
    const env = await threeTickets()
    const newest = await regdesk(['tickets', 'list', '--json', 'id', '--sort', '-received_at', '--limit', '2'], env)
    expect(JSON.parse(newest.stdout)).toEqual([{ id: 'MG-000003' }, { id: 'MG-000002' }])
    const first = await regdesk(['tickets', 'list', '--json', 'id', '--limit', '1'], env)
    expect(JSON.parse(first.stdout)).toEqual([{ id: 'MG-000001' }])
    // overdue at 12-01: all three, most overdue first; --check still counts every one
    const late = { ...env, REGDESK_NOW: '2026-12-01T12:00+03:00' }
    const overdue = await regdesk(['overdue', '--check', '--json', 'id,late_working_minutes', '--limit', '1'], late)
    expect(overdue.exitCode).toBe(4)
    expect(overdue.stderr).toBe('3 tickets are overdue')
    expect(JSON.parse(overdue.stdout)).toEqual([{ id: 'MG-000001', late_working_minutes: expect.any(Number) }])
    const queue = await regdesk(['tickets', 'queue', '--json', 'position,id', '--sort', '-position'], env)
    expect(JSON.parse(queue.stdout).map((r: { id: string }) => r.id)).toEqual(['MG-000003', 'MG-000002', 'MG-000001'])
  })

  it.each([
    [['tickets', 'list', '--json', 'id,colour'], /--json: unknown field "colour"; fields: id, regulation/],
    [['tickets', 'list', 'id,status'], /a field list goes with --json/],
    [['tickets', 'list', '--json', ''], /--json: the field list is empty; fields: id, regulation/],
    [['overdue', '--json', ' , '], /--json: the field list is empty/],
    [['tickets', 'list', '--sort', 'age'], /--sort: unknown field "age"/],
    [['overdue', '--limit', '0'], /--limit must be a whole number of at least 1, got "0"/],
    [['tickets', 'queue', '--limit', 'ten'], /--limit must be a whole number/],
  ])('%j is a usage error that says what is wrong', async (args, message) => {
    const r = await regdesk(args)
    expect(r.exitCode).toBe(2)
    expect(r.stderr).toMatch(message)
  })
})
