import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import type { CalendarYearFile } from '../../../src/calendar/calendar-schema.js'
import { dayNumberOf, isoOfDayNumber } from '../../../src/calendar/dates.js'
import {
  decodeCalendarBytes,
  detectFormat,
  formatCalendarYearFile,
  importCalendarYear,
} from '../../../src/calendar/import.js'
import { loadCalendarData } from '../../../src/calendar/load.js'
import { parseCalendarYearFile } from '../../../src/calendar/parse-calendar.js'
import { PARSERS } from '../../../src/regulation/parsers.js'

const shipped = loadCalendarData('ru', PARSERS)
const XML_2027 = readFileSync(new URL('../../fixtures/calendars/ru-2027.xml', import.meta.url), 'utf8')
const TITLES = [...new Set(shipped.fixedHolidays.map((h) => h.name))]

/** A shipped year written as the public XML layout: what a calendar service would publish for it. */
function xmlOf(year: string, y: CalendarYearFile): string {
  const md = (date: string) => `${date.slice(5, 7)}.${date.slice(8, 10)}`
  const days: [string, string][] = []
  for (const h of y.holidays) days.push([h.date, `t="1" h="${TITLES.indexOf(h.name) + 1}"`])
  for (const t of y.transferredDaysOff) days.push([t.date, `t="1"${t.from ? ` f="${md(t.from)}"` : ''}`])
  for (const w of y.workingWeekends) days.push([w.date, 't="3"'])
  for (const s of y.shortened ?? []) days.push([s, 't="2"'])
  for (const n of y.nonWorking ?? [])
    for (let dn = dayNumberOf(n.date); dn <= dayNumberOf(n.through ?? n.date); dn++)
      days.push([isoOfDayNumber(dn), 't="1"'])
  days.sort((a, b) => (a[0] < b[0] ? -1 : 1))
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<calendar year="${year}" lang="ru" date="2000.01.01" country="ru">`,
    '  <holidays>',
    ...TITLES.map((t, i) => `    <holiday id="${i + 1}" title="${t}"/>`),
    '  </holidays>',
    '  <days>',
    ...days.map(([date, attrs]) => `    <day d="${md(date)}" ${attrs}/>`),
    '  </days>',
    '</calendar>',
  ].join('\n')
}

const expand = (y: { nonWorking?: { date: string; through?: string | undefined }[] | undefined }) =>
  (y.nonWorking ?? []).flatMap((n) => {
    const out: string[] = []
    for (let dn = dayNumberOf(n.date); dn <= dayNumberOf(n.through ?? n.date); dn++) out.push(isoOfDayNumber(dn))
    return out
  })

describe('calendar import: the public XML layout', () => {
  it.each(Object.entries(shipped.years).filter(([, y]) => y.status === 'official'))(
    '%s, as a calendar service publishes it, reads back as the shipped year and passes every check',
    (year, y) => {
      const { value, issues } = importCalendarYear(xmlOf(year, y), `${year}.xml`, {
        shipped,
        format: 'xml',
        parseYear: PARSERS.calendarYear,
      })
      expect(issues).toEqual([])
      const data = value?.data
      expect(data?.holidays).toEqual(y.holidays)
      expect(data?.transferredDaysOff).toEqual(y.transferredDaysOff)
      expect(data?.workingWeekends).toEqual(y.workingWeekends)
      expect(data?.shortened).toEqual(y.shortened)
      // a Saturday or Sunday of a range of non-working days is a day off either way: the XML cannot tell them apart
      const weekdays = (dates: string[]) => dates.filter((d) => (dayNumberOf(d) + 3) % 7 < 5)
      expect(expand(data ?? {})).toEqual(weekdays(expand(y)))
    },
  )

  it('the provisional 2027 of the shipped file is refused as an official year: two New Year days are not moved', () => {
    const y = shipped.years['2027'] as CalendarYearFile
    const { issues } = importCalendarYear(xmlOf('2027', y), '2027.xml', {
      shipped,
      format: 'xml',
      parseYear: PARSERS.calendarYear,
    })
    expect(issues).toHaveLength(1)
    const xml = xmlOf('2027', y).split('\n')
    expect(issues[0]).toMatchObject({ file: '2027.xml', line: xml.indexOf('  <days>') + 1, col: 3 })
    expect(issues[0]?.message).toMatch(/moves 3 days off .* moves 5/)
    // as provisional, it is what it is
    const provisional = importCalendarYear(xmlOf('2027', y), '2027.xml', {
      shipped,
      parseYear: PARSERS.calendarYear,
      format: 'xml',
      status: 'provisional',
    })
    expect(provisional.issues).toEqual([])
  })

  it('reads the test 2027: names, moves and their basis, working-weekend swaps, the publication date', () => {
    const { value, issues } = importCalendarYear(XML_2027, 'ru-2027.xml', {
      shipped,
      format: 'xml',
      parseYear: PARSERS.calendarYear,
    })
    expect(issues).toEqual([])
    expect(value?.published).toBe('2026.09.30')
    expect(value?.data.holidays.find((h) => h.date === '2027-01-07')?.name).toBe('Рождество Христово')
    expect(value?.data.transferredDaysOff).toEqual([
      { date: '2027-05-03', from: '2027-05-01', basis: 'holiday-on-weekend' },
      { date: '2027-05-10', from: '2027-05-09', basis: 'holiday-on-weekend' },
      { date: '2027-06-14', from: '2027-06-12', basis: 'holiday-on-weekend' },
      { date: '2027-11-05', from: '2027-01-02', basis: 'holiday-moved-by-decree' },
      { date: '2027-12-31', from: '2027-01-03', basis: 'holiday-moved-by-decree' },
    ])
    expect(value?.data.shortened).toEqual(['2027-02-22', '2027-04-30', '2027-06-11', '2027-11-03'])
  })

  const lineOf = (needle: string) => XML_2027.split('\n').findIndex((l) => l.includes(needle)) + 1
  // [what, edit, line, message]
  const broken: [string, (x: string) => string, number, RegExp][] = [
    [
      'an art. 112 holiday left out',
      (x) => x.replace('<day d="06.12" t="1" h="7"/>', ''),
      lineOf('<days>'),
      /2027-06-12 \(День России\) is a non-working holiday under Labour Code art\. 112/,
    ],
    [
      'an art. 112 holiday made a working day',
      (x) => x.replace('<day d="02.23" t="1" h="3"/>', '<day d="02.23" t="2"/>'),
      lineOf('d="02.23"'),
      /2027-02-23 \(День защитника Отечества\) is a non-working holiday under Labour Code art\. 112/,
    ],
    [
      'a shortened day missing where art. 95 puts one',
      (x) => x.replace('<day d="11.03" t="2"/>', ''),
      lineOf('<days>'),
      /2027-11-03 is the working day before the holiday 2027-11-04/,
    ],
    [
      'a shortened day the rule does not give',
      (x) => x.replace('<day d="11.03" t="2"/>', '<day d="11.02" t="2"/>'),
      lineOf('d="11.03"'),
      /2027-11-02 is not shortened under Labour Code art\. 95/,
    ],
    [
      'an incomplete year',
      (x) => x.replace('<day d="12.31" t="1" f="01.03"/>', ''),
      lineOf('<days>'),
      /moves 4 days off/,
    ],
    [
      'a day that does not exist',
      (x) => x.replace('d="04.30"', 'd="04.31"'),
      lineOf('d="04.30"'),
      /not a real month\.day/,
    ],
    ['an unknown type', (x) => x.replace('d="04.30" t="2"', 'd="04.30" t="7"'), lineOf('d="04.30"'), /expected t="1"/],
    ['XML that is not well formed', (x) => x.replace('</days>', ''), lineOf('</calendar>'), /close tag/],
    ['no year', (x) => x.replace('year="2027" ', ''), lineOf('<calendar '), /expected <calendar year="YYYY">/],
  ]
  it.each(broken)('refuses %s, at its line', (_what, edit, line, message) => {
    const { value, issues } = importCalendarYear(edit(XML_2027), 'ru-2027.xml', {
      shipped,
      format: 'xml',
      parseYear: PARSERS.calendarYear,
    })
    expect(value).toBeUndefined()
    expect(issues.filter((i) => i.line === line).map((i) => i.message)).toContainEqual(expect.stringMatching(message))
  })

  it('points at the element itself (line and column of its "<")', () => {
    const { issues } = importCalendarYear(XML_2027.replace('d="04.30"', 'd="04.31"'), 'x.xml', {
      shipped,
      parseYear: PARSERS.calendarYear,
      format: 'xml',
    })
    const line = XML_2027.split('\n')[lineOf('d="04.30"') - 1] ?? ''
    expect(issues[0]?.col).toBe(line.indexOf('<') + 1)
  })
})

describe('calendar import: CSV and YAML', () => {
  const csv = [
    'date;kind;from;name',
    ...shipped.fixedHolidays.map((h) => `2027-${h.date};holiday`),
    '2027-05-03;transferred_day_off;2027-05-01',
    '10.05.2027;day_off;09.05.2027',
    '2027-06-14;transferred_day_off;2027-06-12',
    '2027-11-05;transferred_day_off;2027-01-02',
    '2027-12-31;transferred_day_off;2027-01-03',
  ].join('\n')

  it('reads dates of one year, ISO or DD.MM.YYYY, with ";" or ","; no shortened days: the art. 95 rule gives them', () => {
    const { value, issues } = importCalendarYear(csv, 'ru-2027.csv', {
      shipped,
      format: 'csv',
      parseYear: PARSERS.calendarYear,
    })
    expect(issues).toEqual([])
    expect(value?.data.holidays.map((h) => h.name)).toContain('День народного единства')
    expect(value?.data.transferredDaysOff.map((t) => t.date)).toEqual([
      '2027-05-03',
      '2027-05-10',
      '2027-06-14',
      '2027-11-05',
      '2027-12-31',
    ])
    expect(value?.data.shortened).toEqual([])
  })

  it('refuses a date of another year, an unknown kind and a holiday the law does not name, each at its line', () => {
    const lines = csv.split('\n')
    const other = importCalendarYear([...lines, '2028-01-01;holiday'].join('\n'), 'x.csv', {
      shipped,
      format: 'csv',
      parseYear: PARSERS.calendarYear,
    })
    expect(other.issues[0]).toMatchObject({ line: lines.length + 1, col: 1 })
    expect(other.issues[0]?.message).toMatch(/not in 2027/)
    const kind = importCalendarYear(csv.replace('2027-06-14;transferred_day_off', '2027-06-14;moved'), 'x.csv', {
      shipped,
      parseYear: PARSERS.calendarYear,
      format: 'csv',
    })
    expect(kind.issues[0]).toMatchObject({ line: lines.findIndex((l) => l.startsWith('2027-06-14')) + 1, col: 12 })
    const extra = importCalendarYear(`${csv}\n2027-09-01;holiday;;День знаний`, 'x.csv', {
      shipped,
      format: 'csv',
      parseYear: PARSERS.calendarYear,
    })
    expect(extra.issues[0]).toMatchObject({ line: lines.length + 1 })
    expect(extra.issues[0]?.message).toMatch(/not a holiday of Labour Code art\. 112/)
  })

  it('YAML is the year file itself, checked with line and column', () => {
    const { value } = importCalendarYear(XML_2027, 'ru-2027.xml', {
      shipped,
      format: 'xml',
      parseYear: PARSERS.calendarYear,
    })
    const text = formatCalendarYearFile(
      value?.data ?? { year: 0, holidays: [], transferredDaysOff: [], workingWeekends: [] },
      {
        calendar: 'ru',
        source: 'test',
        importedFrom: '/x/ru-2027.xml',
        importedAt: '2026-11-20T12:00:00.000Z',
      },
    )
    expect(parseCalendarYearFile(text, 'ru-2027.yaml', { shipped, year: 2027 }).issues).toEqual([])
    const yaml = importCalendarYear(text, 'ru-2027.yaml', { shipped, format: 'yaml', parseYear: PARSERS.calendarYear })
    expect(yaml.value?.data.transferredDaysOff).toEqual(value?.data.transferredDaysOff)
    const lines = text.split('\n')
    const at = lines.findIndex((l) => l.includes('2027-06-12, name')) + 1
    const bad = importCalendarYear(text.replace('2027-06-12, name', '2027-06-31, name'), 'ru-2027.yaml', {
      shipped,
      parseYear: PARSERS.calendarYear,
      format: 'yaml',
    })
    expect(bad.issues[0]).toMatchObject({ line: at, path: 'holidays.12.date' })
    expect(bad.issues[0]?.message).toMatch(/not a real date/)
    expect(parseCalendarYearFile(text, 'ru-2028.yaml', { shipped, year: 2028 }).issues[0]?.message).toMatch(
      /the file is for 2027, but its name says 2028/,
    )
  })

  it('tells formats by extension or content, and decodes a CSV saved in Windows-1251', () => {
    expect(detectFormat('a.XML', '')).toBe('xml')
    expect(detectFormat('calendar', XML_2027)).toBe('xml')
    expect(detectFormat('calendar', csv)).toBe('csv')
    expect(detectFormat('calendar', 'year: 2027\nholidays: []')).toBe('yaml')
    expect(detectFormat('calendar', 'hello')).toBeUndefined()
    const cp1251 = Buffer.from([0xc4, 0xe5, 0xed, 0xfc]) // «День» in Windows-1251
    expect(decodeCalendarBytes(cp1251)).toBe('День')
    expect(decodeCalendarBytes(Buffer.from('\uFEFFДень', 'utf8'))).toBe('День')
  })
})
