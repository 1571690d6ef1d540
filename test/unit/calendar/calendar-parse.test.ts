import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { buildCalendar, dayKind, type ProductionCalendar, shortenedByRule } from '../../../src/calendar/calendar.js'
import { calendarJsonSchema } from '../../../src/calendar/calendar-schema.js'
import { loadCalendar } from '../../../src/calendar/load.js'
import { parseCalendar } from '../../../src/calendar/parse-calendar.js'
import { DataError } from '../../../src/errors.js'
import { PARSERS } from '../../../src/regulation/parsers.js'

const RU_FILE = fileURLToPath(new URL('../../../regulations/calendars/ru.yaml', import.meta.url))
const ru = loadCalendar('ru', { parsers: PARSERS })

const shortenedOf = (cal: ProductionCalendar, year: number) =>
  [...cal.facts.entries()]
    .filter(([date]) => date.startsWith(`${year}-`))
    .filter(([date]) => dayKind(cal, date).shortened)
    .map(([date]) => date)
    .sort()

describe('ru.yaml', () => {
  it('loads, covers 2019–2027, 2027 provisional', () => {
    expect([...ru.years.keys()]).toEqual([2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026, 2027])
    expect([...ru.years.values()].filter((y) => y.status === 'provisional').map((y) => y.year)).toEqual([2027])
    expect(ru.years.get(2025)?.decree).toMatch(/№ 1335/)
    expect(ru.fixedHolidays.size).toBe(14)
    expect(ru.fixedHolidays.get('11-04')).toBe('День народного единства')
  })

  it('is cached', () => {
    expect(loadCalendar('ru', { parsers: PARSERS })).toBe(ru)
  })

  it.each([
    [2025, ['2025-03-07', '2025-04-30', '2025-06-11', '2025-11-01']],
    [2026, ['2026-04-30', '2026-05-08', '2026-06-11', '2026-11-03']],
  ])('%i shortened days', (year, expected) => {
    expect(shortenedOf(ru, year)).toEqual(expected)
  })

  it.each([
    ['2025-11-01', { kind: 'working_weekend', shortened: true, swapsWith: '2025-11-03', coverage: 'official' }],
    ['2025-11-03', { kind: 'transferred_day_off', shortened: false, from: '2025-11-01', coverage: 'official' }],
    ['2025-11-04', { kind: 'holiday', shortened: false, name: 'День народного единства', coverage: 'official' }],
    ['2025-12-30', { kind: 'workday', shortened: false, coverage: 'official' }],
    [
      '2025-12-31',
      {
        kind: 'transferred_day_off',
        shortened: false,
        from: '2025-01-05',
        name: 'Новогодние каникулы',
        coverage: 'official',
      },
    ],
    ['2026-01-07', { kind: 'holiday', shortened: false, name: 'Рождество Христово', coverage: 'official' }],
    [
      '2026-01-09',
      {
        kind: 'transferred_day_off',
        shortened: false,
        from: '2026-01-03',
        name: 'Новогодние каникулы',
        coverage: 'official',
      },
    ],
    ['2026-01-10', { kind: 'weekend', shortened: false, coverage: 'official' }],
    ['2026-01-12', { kind: 'workday', shortened: false, coverage: 'official' }],
    [
      '2025-05-02',
      {
        kind: 'transferred_day_off',
        shortened: false,
        from: '2025-01-04',
        name: 'Новогодние каникулы',
        coverage: 'official',
      },
    ],
    [
      '2025-05-08',
      {
        kind: 'transferred_day_off',
        shortened: false,
        from: '2025-02-23',
        name: 'День защитника Отечества',
        coverage: 'official',
      },
    ],
    ['2025-05-09', { kind: 'holiday', shortened: false, name: 'День Победы', coverage: 'official' }],
    [
      '2026-05-11',
      { kind: 'transferred_day_off', shortened: false, from: '2026-05-09', name: 'День Победы', coverage: 'official' },
    ],
    [
      '2020-04-15',
      { kind: 'non_working', shortened: false, name: expect.stringContaining('COVID-19'), coverage: 'official' },
    ],
    [
      '2027-05-03',
      {
        kind: 'transferred_day_off',
        shortened: false,
        from: '2027-05-01',
        name: 'Праздник Весны и Труда',
        coverage: 'provisional',
      },
    ],
    ['2030-05-09', { kind: 'holiday', shortened: false, name: 'День Победы', coverage: 'uncovered' }],
    ['2030-05-10', { kind: 'workday', shortened: false, coverage: 'uncovered' }],
    ['2030-05-11', { kind: 'weekend', shortened: false, coverage: 'uncovered' }],
  ])('dayKind(%s)', (date, expected) => {
    expect(dayKind(ru, date)).toEqual(expected)
  })

  it('has the whole New Year block 2025-12-31 … 2026-01-11 off', () => {
    const days = Array.from({ length: 12 }, (_, i) => new Date(Date.UTC(2025, 11, 31 + i)).toISOString().slice(0, 10))
    expect(days.map((d) => dayKind(ru, d).kind)).toEqual([
      'transferred_day_off',
      ...Array(8).fill('holiday'),
      'transferred_day_off',
      'weekend',
      'weekend',
    ])
  })

  it('the shortened rule reproduces every published official year', () => {
    const text = readFileSync(RU_FILE, 'utf8').replace(/^ {4}shortened: .*$/gm, '')
    const { value, issues } = parseCalendar(text, 'ru.yaml')
    expect(issues).toEqual([])
    const ruleOnly = value as ProductionCalendar
    expect(ruleOnly.years.get(2025)?.publishedShortened).toBe(false)
    for (let year = 2019; year <= 2026; year++) {
      const all: string[] = []
      for (let t = Date.UTC(year, 0, 1); t < Date.UTC(year + 1, 0, 1); t += 86_400_000) {
        const date = new Date(t).toISOString().slice(0, 10)
        if (shortenedByRule(ruleOnly, date)) all.push(date)
      }
      expect(all, String(year)).toEqual(shortenedOf(ru, year))
    }
  })

  it('yields an editor JSON schema', () => {
    expect(JSON.parse(calendarJsonSchema())).toMatchObject({ $id: 'calendar.schema.json', type: 'object' })
  })
})

const VALID = `schemaVersion: 1
id: test
name: Test
fixedHolidays:
  - { date: '01-01', name: Новый год }
years:
  2025:
    status: official
    source: test
    holidays:
      - { date: 2025-01-01, name: Новый год }
      - { date: 2025-03-08, name: Международный женский день }
    transferredDaysOff:
      - { date: 2025-03-10, from: 2025-03-08, basis: holiday-on-weekend }
    workingWeekends:
      - { date: 2025-11-01 }
    shortened: [2025-03-07]
`

/** Replaces one line (1-based) of the valid file. */
const withLine = (line: number, text: string) => {
  const lines = VALID.split('\n')
  lines[line - 1] = text
  return lines.join('\n')
}

describe('parseCalendar', () => {
  it('accepts a small valid file', () => {
    const { value, issues } = parseCalendar(VALID, 'test.yaml', { fileId: 'test' })
    expect(issues).toEqual([])
    expect(value && dayKind(value, '2025-03-10').kind).toBe('transferred_day_off')
  })

  it.each([
    ['a wrong id', 2, 'id: other', 2, 5, 'id', 'must match the file name'],
    [
      'a date of another year',
      11,
      '      - { date: 2024-01-01, name: Новый год }',
      11,
      17,
      'years.2025.holidays.0.date',
      'is not in 2025',
    ],
    [
      'an impossible date',
      11,
      '      - { date: 2025-02-30, name: Новый год }',
      11,
      17,
      'years.2025.holidays.0.date',
      'not a real date',
    ],
    [
      'a badly written date',
      17,
      '    shortened: [2025-3-07]',
      17,
      17,
      'years.2025.shortened.0',
      'expected a date like',
    ],
    [
      'a working Wednesday',
      16,
      '      - { date: 2025-11-05 }',
      16,
      17,
      'years.2025.workingWeekends.0.date',
      'is a Wednesday, not a Saturday or Sunday',
    ],
    [
      'a transferred Saturday',
      14,
      '      - { date: 2025-03-15, from: 2025-03-08, basis: holiday-on-weekend }',
      14,
      17,
      'years.2025.transferredDaysOff.0.date',
      'must be a weekday',
    ],
    [
      'a date in two lists',
      16,
      '      - { date: 2025-03-08 }',
      16,
      17,
      'years.2025.workingWeekends.0.date',
      'listed in both holidays and workingWeekends',
    ],
    [
      'a shortened holiday',
      17,
      '    shortened: [2025-01-01]',
      17,
      17,
      'years.2025.shortened.0',
      'a shortened day must be a working day',
    ],
    ['a shortened Sunday', 17, '    shortened: [2025-03-09]', 17, 17, 'years.2025.shortened.0', 'is a Sunday'],
    [
      'a transfer from a weekday holiday',
      14,
      '      - { date: 2025-03-10, from: 2025-01-01, basis: holiday-moved-by-decree }',
      14,
      35,
      'years.2025.transferredDaysOff.0.from',
      'only a weekend holiday moves',
    ],
    [
      'an unknown basis',
      14,
      '      - { date: 2025-03-10, from: 2025-03-08, basis: whim }',
      14,
      54,
      'years.2025.transferredDaysOff.0.basis',
      'expected one of holiday-on-weekend',
    ],
    ['an unknown status', 8, '    status: draft', 8, 13, 'years.2025.status', 'expected "official" or "provisional"'],
    ['an unknown key', 9, '    source: test\n    sourse: test', 10, 5, 'years.2025.sourse', 'unknown key "sourse"'],
    [
      'a bad month-day',
      5,
      "  - { date: '02-30', name: Новый год }",
      5,
      13,
      'fixedHolidays.0.date',
      'not a real month and day',
    ],
  ])('reports %s at its line and column', (_what, line, text, l, c, path, message) => {
    const { value, issues } = parseCalendar(withLine(line, text), 'test.yaml', { fileId: 'test' })
    expect(value).toBeUndefined()
    expect(issues).toHaveLength(1)
    expect(issues[0]).toMatchObject({ file: 'test.yaml', line: l, col: c, path, severity: 'error' })
    expect(issues[0]?.message).toContain(message)
  })

  it('reports a YAML syntax error and a duplicate key with positions', () => {
    const dup = parseCalendar(VALID.replace('name: Test\n', 'name: Test\nname: Again\n'), 'test.yaml')
    expect(dup.issues[0]).toMatchObject({ line: 4, col: 1 })
    expect(dup.issues[0]?.message).toMatch(/given twice/)
  })

  it('loadCalendar throws DataError for an invalid file and names the file', () => {
    expect(() => loadCalendar('does-not-exist', { parsers: PARSERS })).toThrow(DataError)
    const dir = fileURLToPath(new URL('./fixtures/', import.meta.url))
    try {
      loadCalendar('broken', { parsers: PARSERS, dir })
      expect.unreachable()
    } catch (e) {
      expect(e).toBeInstanceOf(DataError)
      expect((e as DataError).issues[0]).toMatchObject({ line: 7, col: 13, path: 'years.2025.status' })
      expect((e as DataError).issues[0]?.file).toMatch(/broken\.yaml$/)
    }
  })

  it('builds from a file object directly', () => {
    const cal = buildCalendar({ schemaVersion: 1, id: 'x', name: 'X', fixedHolidays: [], years: {} })
    expect(dayKind(cal, '2025-01-01')).toEqual({ kind: 'workday', shortened: false, coverage: 'uncovered' })
  })
})
