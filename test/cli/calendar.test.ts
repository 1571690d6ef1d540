import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { regdesk, tempDir } from '../support/in-process.js'

/** Issue 15: the calendar can be updated without a release. */
const XML = new URL('../fixtures/calendars/ru-2027.xml', import.meta.url).pathname

describe('regdesk calendar import', () => {
  it('importing 2027 changes deadlines across its transfers and removes the provisional warning', async () => {
    const env = { REGDESK_CALENDARS_DIR: join(tempDir(), 'calendars') }
    // Wed 2027-11-03 15:00, 3 working days: Nov 4 is a holiday; Nov 5 works in the shipped (provisional) year
    const args = ['deadline', '--json', '-r', 'moguta', '--received-at', '2027-11-03T15:00+03:00']
    const before = await regdesk(args, env)
    expect(JSON.parse(before.stdout)).toMatchObject({
      deadline: '2027-11-09T15:00:00+03:00',
      warnings: [{ code: 'provisional_year' }],
    })
    expect(before.stderr).toMatch(/provisional/)

    const imported = await regdesk(['calendar', 'import', XML, '--json'], env)
    expect(imported.exitCode, imported.stderr).toBe(0)
    const summary = JSON.parse(imported.stdout)
    expect(summary).toMatchObject({
      calendar: 'ru',
      year: 2027,
      status: 'official',
      format: 'xml',
      file: join(env.REGDESK_CALENDARS_DIR, 'ru-2027.yaml'),
      replaces: { origin: 'shipped', status: 'provisional' },
      changes: [
        { date: '2027-11-05', before: 'workday', after: 'transferred_day_off' },
        { date: '2027-12-31', before: 'workday (shortened)', after: 'transferred_day_off' },
      ],
    })
    expect(existsSync(summary.file)).toBe(true)

    const after = await regdesk(args, env)
    expect(after.exitCode).toBe(0)
    expect(JSON.parse(after.stdout)).toMatchObject({ deadline: '2027-11-10T15:00:00+03:00', warnings: [] })
    expect(after.stderr).toBe('')
    // Thu 2027-12-30 15:00, imagecms 1 working day: Dec 31 is now a day off, then the New Year holidays (2028 uncovered)
    const december = await regdesk(
      ['deadline', '--json', '-r', 'imagecms', '--received-at', '2027-12-30T15:00+03:00'],
      env,
    )
    expect(JSON.parse(december.stdout).deadline).toBe('2028-01-10T15:00:00+03:00')

    const shown = await regdesk(['calendar', 'show', '--year', '2027', '--json'], env)
    const show = JSON.parse(shown.stdout)
    expect(show.years).toEqual([
      expect.objectContaining({
        year: 2027,
        status: 'official',
        origin: 'imported',
        file: summary.file,
        provisional: false,
      }),
    ])
    expect(show.days).toHaveLength(365)
    expect(show.days.find((d: { date: string }) => d.date === '2027-11-05')).toMatchObject({
      kind: 'transferred_day_off',
    })
    expect(show.warnings).toEqual([])
  })

  it('calendar show --year says the shipped 2027 is provisional, and where it comes from', async () => {
    const r = await regdesk(['calendar', 'show', 'moguta', '--year', '2027', '--json'])
    expect(r.exitCode).toBe(0)
    expect(JSON.parse(r.stdout).years).toEqual([
      {
        year: 2027,
        status: 'provisional',
        origin: 'shipped',
        file: 'regulations/calendars/ru.yaml',
        decree: null,
        source: expect.stringMatching(/^PROVISIONAL/),
        provisional: true,
      },
    ])
    const piped = await regdesk(['calendar', 'show', '--year', '2031'])
    expect(piped.stderr).toMatch(/note: calendar ru 2031: uncovered, not covered: only the statutory holidays/)
    expect(piped.stdout.split('\n')[0]).toBe('2031-01-01\tWed\tholiday\tНовогодние каникулы')
  })

  it('refuses a broken file with file:line, exit 3, and writes nothing', async () => {
    const dir = tempDir()
    const env = { REGDESK_CALENDARS_DIR: join(dir, 'calendars') }
    const broken = join(dir, 'ru-2027.xml')
    const xml = readFileSync(XML, 'utf8')
    writeFileSync(broken, xml.replace('<day d="06.12" t="1" h="7"/>', ''))
    const r = await regdesk(['calendar', 'import', broken], env)
    expect(r.exitCode).toBe(3)
    expect(r.stdout).toBe('')
    const line = xml.split('\n').findIndex((l) => l.includes('<days>')) + 1
    expect(r.stderr).toContain(
      `${broken}:${line}:3: error: 2027-06-12 (День России) is a non-working holiday under Labour Code art. 112, but the file does not list it as a holiday`,
    )
    expect(r.stderr.trim().split('\n').at(-1)).toMatch(/^error: \d+ problems? in 1 file$/)
    expect(existsSync(env.REGDESK_CALENDARS_DIR)).toBe(false)

    // a good import, then a broken one: the good year stays as it was
    expect((await regdesk(['calendar', 'import', XML], env)).exitCode).toBe(0)
    const written = readFileSync(join(env.REGDESK_CALENDARS_DIR, 'ru-2027.yaml'), 'utf8')
    writeFileSync(broken, xml.replace('d="04.30"', 'd="04.31"'))
    const again = await regdesk(['calendar', 'import', broken], env)
    expect(again.exitCode).toBe(3)
    expect(again.stderr).toMatch(new RegExp(`${broken}:\\d+:5: error: d="04.31" is not a real month.day in 2027`))
    expect(readFileSync(join(env.REGDESK_CALENDARS_DIR, 'ru-2027.yaml'), 'utf8')).toBe(written)
    expect(readdirSync(env.REGDESK_CALENDARS_DIR)).toEqual(['ru-2027.yaml'])
  })

  it('imports a CSV of dates; --dry-run writes nothing; usage and missing files have their exit codes', async () => {
    const dir = tempDir()
    const env = { REGDESK_CALENDARS_DIR: join(dir, 'calendars') }
    const csv = join(dir, 'days.csv')
    writeFileSync(
      csv,
      [
        'date,kind,from,name',
        ...['01-01', '01-02', '01-03', '01-04', '01-05', '01-06', '01-07', '01-08'].map((d) => `2027-${d},holiday`),
        ...['02-23', '03-08', '05-01', '05-09', '06-12', '11-04'].map((d) => `2027-${d},holiday`),
        '2027-05-03,transferred_day_off,2027-05-01',
        '2027-05-10,transferred_day_off,2027-05-09',
        '2027-06-14,transferred_day_off,2027-06-12',
        '2027-11-05,transferred_day_off,2027-01-02',
        '2027-12-31,transferred_day_off,2027-01-03',
        '',
      ].join('\n'),
    )
    const dry = await regdesk(['calendar', 'import', csv, '--dry-run'], env)
    expect(dry.exitCode, dry.stderr).toBe(0)
    expect(dry.stdout).toMatch(/would write\s+\S+ru-2027\.yaml; replaces the shipped provisional year/)
    expect(dry.stdout).toMatch(/4 shortened days \(by the art\. 95 rule\)/)
    expect(dry.stderr).toBe('note: --dry-run: nothing was written')
    expect(existsSync(env.REGDESK_CALENDARS_DIR)).toBe(false)
    const ru = await regdesk(['--lang', 'ru', 'calendar', 'import', csv, '--dry-run'], env)
    expect(ru.stdout).toMatch(/заменяет поставляемый год \(provisional\)/)
    expect(ru.stdout).toMatch(/сокращённых дней: 4 \(по правилу ст\. 95\)/)

    const bad = await regdesk(['calendar', 'import', csv, '--format', 'ods'], env)
    expect(bad.exitCode).toBe(2)
    expect(bad.stderr).toMatch(/Allowed choices are xml, csv, yaml/)
    const missing = await regdesk(['calendar', 'import', join(dir, 'nope.xml')], env)
    expect(missing.exitCode).toBe(1)
    expect(missing.stderr).toBe(`error: cannot read ${join(dir, 'nope.xml')} (ENOENT: no such file or directory)`)
    const unknown = await regdesk(['calendar', 'import', csv, '--calendar', 'kz'], env)
    expect(unknown.exitCode).toBe(2)
    expect(unknown.stderr).toMatch(/unknown calendar "kz"; calendars: ru/)
  })

  it('a year file broken by hand stops every command at its line (exit 3) until it is fixed or deleted', async () => {
    const dir = join(tempDir(), 'calendars')
    const env = { REGDESK_CALENDARS_DIR: dir }
    expect((await regdesk(['calendar', 'import', XML], env)).exitCode).toBe(0)
    const file = join(dir, 'ru-2027.yaml')
    writeFileSync(file, readFileSync(file, 'utf8').replace('2027-11-05, from', '2027-11-06, from'))
    const r = await regdesk(['deadline', '-r', 'moguta', '--received-at', '2027-11-03T15:00+03:00'], env)
    expect(r.exitCode).toBe(3)
    expect(r.stderr).toMatch(
      new RegExp(`^${file}:\\d+:\\d+: error: transferredDaysOff\\.3\\.date: 2027-11-06 is a Saturday`),
    )
  })
})
