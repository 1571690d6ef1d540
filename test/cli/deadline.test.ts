import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { regdesk, tempDir } from '../support/in-process.js'

const FRIDAY = '2026-11-20T15:00:00+03:00'

function configWith(values: Record<string, string>): string {
  const home = join(tempDir(), 'config')
  mkdirSync(join(home, 'regdesk'), { recursive: true })
  writeFileSync(join(home, 'regdesk', 'config.json'), JSON.stringify(values))
  return home
}

describe('regdesk deadline', () => {
  // received Friday 2026-11-20 15:00 Moscow; worked out by hand from each regulation's hours
  it.each([
    ['moguta', 'standard', '2026-11-25T15:00:00+03:00', '2026-11-23T15:00:00+03:00'], // 3 working days; target 1
    ['advantshop', 'free', '2026-11-23T09:00:00+03:00', null], // 24 h: Fri 5 + Sat 9 + Sun 9 + Mon 1
    ['advantshop', 'partner', '2026-11-20T18:00:00+03:00', null], // 3 h
    ['advantshop', 'development', '2026-12-14T15:00:00+03:00', null], // 24 days, every day is a working day
    ['advantshop', 'consulting', '2026-11-24T13:00:00+03:00', null], // 40 h: 5 + 9 + 9 + 12 + 5
    ['imagecms', 'support', '2026-11-23T15:00:00+03:00', null], // 1 working day
    ['imagecms', 'consultation', '2026-11-23T15:00:00+03:00', null], // «до 24 часов» on every ticket (issue 15)
    // 20 h «не считая выходные»: the level's own hours, weekdays only (issue 15): Fri 3 + Mon 9 + Tue 8
    ['umi', 'consulting', '2026-11-24T17:00:00+03:00', null],
  ])('%s %s', async (regulation, level, deadline, target) => {
    const r = await regdesk(['deadline', '-r', regulation, '--level', level, '--received-at', FRIDAY, '--json'])
    expect(r.exitCode).toBe(0)
    expect(JSON.parse(r.stdout)).toMatchObject({
      regulation,
      level,
      deadline,
      target,
      reason: null,
      received_at: FRIDAY,
    })
  })

  it.each([
    ['mst', 'standard'],
    ['umi', 'support'],
    ['umi', 'development'],
  ])('%s %s has no reaction time: not_regulated', async (regulation, level) => {
    const r = await regdesk(['deadline', '-r', regulation, '--level', level, '--json'])
    expect(r.exitCode).toBe(0)
    expect(JSON.parse(r.stdout)).toMatchObject({ deadline: null, target: null, reason: 'not_regulated' })
    const human = await regdesk(['deadline', '-r', regulation, '--level', level])
    expect(human.stdout).toMatch(/deadline\s+not regulated/)
  })

  it('defaults to the regulation default level and to --now', async () => {
    const r = await regdesk(['--now', FRIDAY, 'deadline', '-r', 'moguta', '--json'])
    expect(JSON.parse(r.stdout)).toMatchObject({ level: 'standard', deadline: '2026-11-25T15:00:00+03:00' })
  })

  it('starts the clock at the next opening for a request received on a weekend', async () => {
    const r = await regdesk(['deadline', '-r', 'moguta', '--received-at', '2026-11-21T12:00:00+03:00', '--json'])
    expect(JSON.parse(r.stdout)).toMatchObject({
      clock_start: '2026-11-23T10:00:00+03:00',
      target: '2026-11-24T10:00:00+03:00',
      deadline: '2026-11-26T10:00:00+03:00',
    })
  })

  it('reads an instant in any offset and answers in the regulation timezone', async () => {
    const r = await regdesk([
      'deadline',
      '-r',
      'advantshop',
      '--level',
      'partner',
      '--received-at',
      '2026-11-20T12:00Z',
      '--json',
    ])
    expect(JSON.parse(r.stdout).deadline).toBe('2026-11-20T18:00:00+03:00')
  })

  it('takes an ad-hoc working duration', async () => {
    const r = await regdesk([
      'deadline',
      '-r',
      'moguta',
      '--duration',
      '90m',
      '--received-at',
      '2026-11-20T18:00:00+03:00',
      '--json',
    ])
    expect(JSON.parse(r.stdout)).toMatchObject({
      level: null,
      duration: { amount: 90, unit: 'working_minutes' },
      deadline: '2026-11-23T10:30:00+03:00',
    })
  })

  it('explains the New Year block day by day', async () => {
    const r = await regdesk([
      'deadline',
      '-r',
      'moguta',
      '--received-at',
      '2025-12-30T18:00:00+03:00',
      '--explain',
      '--json',
    ])
    expect(r.exitCode).toBe(0)
    const doc = JSON.parse(r.stdout)
    expect(doc.deadline).toBe('2026-01-14T18:00:00+03:00')
    const steps = doc.steps as { date: string; counted: boolean; reason: string; name: string | null }[]
    expect(steps[0]).toMatchObject({ date: '2025-12-30', counted: false, reason: 'weekday' })
    expect(steps.find((s) => s.date === '2025-12-31')).toMatchObject({ counted: false, reason: 'transferred_day_off' })
    expect(steps.find((s) => s.date === '2026-01-07')).toMatchObject({
      counted: false,
      reason: 'holiday',
      name: 'Рождество Христово',
    })
    expect(steps.filter((s) => s.counted).map((s) => s.date)).toEqual(['2026-01-12', '2026-01-13', '2026-01-14'])
  })

  it('on a terminal, each working day counted says which of the N ends there (one piped says yes)', async () => {
    const args = ['deadline', '-r', 'moguta', '--received-at', '2025-12-30T18:00:00+03:00', '--explain']
    const screen = (await regdesk(args, {}, undefined, { columns: 120 })).stdout
    expect(screen).toMatch(/2026-01-12 .*end of day 1 of 3/)
    expect(screen).toMatch(/2026-01-14 .*end of day 3 of 3/)
    const ru = (await regdesk(args, { LANG: 'ru_RU.UTF-8' }, undefined, { columns: 120 })).stdout
    expect(ru).toMatch(/2026-01-13 .*конец дня 2 из 3/)
    expect((await regdesk(args)).stdout).toMatch(/^2026-01-12\t\S+\tyes\t/m)
  })

  it('warns on stderr when the computation touches the provisional 2027 calendar', async () => {
    const r = await regdesk(['deadline', '-r', 'moguta', '--received-at', '2027-03-05T12:00:00+03:00', '--json'])
    expect(r.exitCode).toBe(0)
    expect(r.stderr).toMatch(/warning: .*2027.*provisional/)
    expect(JSON.parse(r.stdout).warnings[0].code).toBe('provisional_year')
  })

  it.each([
    [['--level', 'vip'], /unknown level "vip" for moguta; levels: standard/],
    [['--duration', '2 weeks'], /--duration: expected a working duration like 90m, 8h or 3d/],
    [['--level', 'standard', '--duration', '8h'], /either --level or --duration/],
    [['--received-at', '2026-02-30T10:00'], /--received-at: .*not a real date/],
    [['--received-at', 'yesterday'], /--received-at: expected an ISO 8601 instant/],
  ])('rejects %j with exit 2', async (args, message) => {
    const r = await regdesk(['deadline', '-r', 'moguta', ...args])
    expect(r.exitCode).toBe(2)
    expect(r.stderr).toMatch(message)
    expect(r.stdout).toBe('')
  })

  it.each([
    [
      ['-d', '100000d', '--received-at', '2450-01-01T12:00+03:00'],
      /cannot compute this deadline: business time is computed for years/,
    ],
    [['--received-at', '1900-01-01T00:00+03:00'], /outside the years regdesk computes \(1970–2500\)/],
  ])('refuses %j with a usage error, not a crash', async (args, message) => {
    const r = await regdesk(['deadline', '-r', 'moguta', ...args])
    expect(r.exitCode).toBe(2)
    expect(r.stderr).toMatch(message)
    expect(r.stderr).not.toContain('internal error')
  })

  it('names the configured default regulation when it no longer exists', async () => {
    const r = await regdesk(['deadline'], { XDG_CONFIG_HOME: configWith({ regulation: 'acme' }) })
    expect(r.exitCode).toBe(2)
    expect(r.stderr).toContain('the default regulation "acme" (config `regulation`) is unknown')
  })

  it('warns once for a span over many uncovered years', async () => {
    const r = await regdesk([
      'elapsed',
      '-r',
      'moguta',
      '--from',
      '2010-01-01T00:00+03:00',
      '--to',
      '2031-12-31T00:00+03:00',
    ])
    expect(r.stderr.split('\n')).toEqual([
      'warning: the ru production calendar for 2027 is provisional (no decree yet): transfers and shortened days may change',
      'warning: the ru production calendar does not cover 2010–2018, 2028–2031: only the statutory holidays are applied',
    ])
  })

  it('asks which regulation when none is given or configured', async () => {
    const r = await regdesk(['deadline'])
    expect(r.exitCode).toBe(2)
    expect(r.stderr).toContain(
      'which regulation? pass --regulation <id> (one of advantshop, imagecms, moguta, mst, umi)',
    )
  })
})

describe('regdesk deadline --batch', () => {
  const lines = [
    '{"id":"a","regulation":"moguta","level":"standard","received_at":"2026-11-20T15:00:00+03:00"}',
    'this is not json',
    '{"id":"c","regulation":"umi","level":"consulting","received_at":"2026-11-20T12:00:00Z"}',
    '{"id":"d","regulation":"umi","level":"nope","received_at":"2026-11-20T12:00:00Z"}',
    '{"id":"e","regulation":"moguta","received_at":"2026-02-30T10:00:00+03:00"}',
    '{"id":"f","regulation":"mst","received_at":"2026-11-20T15:00:00+03:00"}',
    '{"id":"g","regulation":"advantshop","duration":"3h","received_at":"2026-11-20T15:00:00+03:00"}',
    '{"id":"h","level":"standard"}',
    '{"id":"i","regulation":"moguta","duration":"100000d","received_at":"2450-11-20T15:00:00+03:00"}',
    '{"id":"j","regulation":"moguta","received_at":"2027-03-05T12:00:00+03:00"}',
    '{"id":"k","regulation":"advantshop","levle":"partner","received_at":"2026-11-20T10:00:00+03:00"}',
    '{"id":"l","regulation":"moguta","level":"constructor","received_at":"2026-11-20T10:00:00+03:00"}',
  ]

  it('writes one line per input line, in order, each with its line, an error object for each bad one; exit 1', async () => {
    const r = await regdesk(['deadline', '--batch', '-'], {}, `${lines.join('\n')}\n`)
    expect(r.exitCode).toBe(1)
    const out = r.stdout.split('\n').map((l) => JSON.parse(l))
    expect(out).toEqual([
      { id: 'a', line: 1, deadline: '2026-11-25T15:00:00+03:00', target: '2026-11-23T15:00:00+03:00' },
      {
        id: null,
        line: 2,
        error: 'not JSON at column 1: expected a value (object, list, string, number, true, false or null)',
      },
      { id: 'c', line: 3, deadline: '2026-11-24T17:00:00+03:00', target: null },
      { id: 'd', line: 4, error: 'unknown level "nope" for umi; levels: support, consulting, development' },
      { id: 'e', line: 5, error: expect.stringContaining('not a real date') },
      { id: 'f', line: 6, deadline: null, target: null, reason: 'not_regulated' },
      { id: 'g', line: 7, deadline: '2026-11-20T18:00:00+03:00', target: null },
      { id: 'h', line: 8, error: 'missing "regulation"' },
      { id: 'i', line: 9, error: expect.stringContaining('cannot compute this deadline') },
      {
        id: 'j',
        line: 10,
        deadline: '2027-03-11T12:00:00+03:00', // Mon 8 March is a holiday
        target: '2027-03-09T12:00:00+03:00',
        warnings: ['provisional_year'],
      },
      // a misspelt field would otherwise give the default level's deadline
      {
        id: 'k',
        line: 11,
        error: 'unknown field "levle"; the fields are id, regulation, level, duration, received_at',
      },
      // a name every JavaScript object has is no level either
      { id: 'l', line: 12, error: 'unknown level "constructor" for moguta; levels: standard' },
    ])
    expect(r.stderr).toBe(
      'warning: the ru production calendar for 2027 is provisional (no decree yet): transfers and shortened days may change\n' +
        'error: 7 of 12 lines could not be computed: see their "error" in the output',
    )
  })

  it('reads a file', async () => {
    const file = join(tempDir(), 'in.jsonl')
    writeFileSync(file, `${lines[0]}\n`)
    const r = await regdesk(['deadline', '--batch', file])
    expect(r.exitCode).toBe(0)
    expect(r.stdout).toBe(
      '{"id":"a","line":1,"deadline":"2026-11-25T15:00:00+03:00","target":"2026-11-23T15:00:00+03:00"}',
    )
  })

  it('fails clearly for a missing file', async () => {
    const r = await regdesk(['deadline', '--batch', '/nonexistent/in.jsonl'])
    expect(r.exitCode).toBe(1)
    expect(r.stderr).toBe('error: cannot read /nonexistent/in.jsonl (ENOENT: no such file or directory)')
  })
})

describe('regdesk elapsed', () => {
  it('counts working minutes between two instants', async () => {
    const r = await regdesk([
      'elapsed',
      '-r',
      'moguta',
      '--from',
      FRIDAY,
      '--to',
      '2026-11-23T12:00:00+03:00',
      '--json',
    ])
    expect(JSON.parse(r.stdout)).toMatchObject({ working_minutes: 360, working: '6h', clock_minutes: 4140 })
  })

  it('requires --from', async () => {
    const r = await regdesk(['elapsed', '-r', 'moguta'])
    expect(r.exitCode).toBe(2)
    expect(r.stderr).toContain('--from is required')
  })
})

describe('regdesk calendar', () => {
  it('shows May 2026 for moguta: holidays, the shortened 8 May, the transferred 11 May', async () => {
    const r = await regdesk(['calendar', 'show', 'moguta', '--month', '2026-05', '--json'])
    expect(r.exitCode).toBe(0)
    const days = JSON.parse(r.stdout).days as {
      date: string
      kind: string
      hours: string[]
      shortened: boolean
      name: string | null
    }[]
    expect(days).toHaveLength(31)
    const at = (d: string) => days.find((x) => x.date === d)
    expect(at('2026-05-01')).toMatchObject({ kind: 'holiday', hours: [], name: 'Праздник Весны и Труда' })
    expect(at('2026-05-08')).toMatchObject({ kind: 'workday', hours: ['10:00-18:00'], shortened: true })
    expect(at('2026-05-09')).toMatchObject({ kind: 'holiday', name: 'День Победы' })
    expect(at('2026-05-11')).toMatchObject({ kind: 'transferred_day_off', hours: [] })
    expect(at('2026-05-12')).toMatchObject({ kind: 'workday', hours: ['10:00-19:00'] })
  })

  it('advantshop works on holidays with weekend hours', async () => {
    const r = await regdesk(['calendar', 'show', 'advantshop', '--from', '2026-05-01', '--to', '2026-05-01', '--json'])
    expect(JSON.parse(r.stdout).days[0]).toMatchObject({ kind: 'holiday', hours: ['09:00-18:00'] })
  })

  it('checks an instant: closed on Saturday, next opening Monday', async () => {
    const r = await regdesk(['calendar', 'check', 'moguta', '2026-11-21T10:00:00+03:00', '--json'])
    expect(JSON.parse(r.stdout)).toMatchObject({ open: false, next_opening: '2026-11-23T10:00:00+03:00' })
  })

  it.each(['2026-13', '2026-5', 'May'])('rejects the month %j', async (month) => {
    const r = await regdesk(['calendar', 'show', 'moguta', '--month', month])
    expect(r.exitCode).toBe(2)
    expect(r.stderr).toBe(`error: --month: expected a month like "2026-05", got "${month}"`)
  })

  it('uses the configured default regulation', async () => {
    const r = await regdesk(['calendar', 'check', '--json'], { XDG_CONFIG_HOME: configWith({ regulation: 'umi' }) })
    expect(JSON.parse(r.stdout).regulation).toBe('umi')
  })
})
