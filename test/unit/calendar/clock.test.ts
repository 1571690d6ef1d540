import { describe, expect, it } from 'vitest'
import { buildCalendar } from '../../../src/calendar/calendar.js'
import { BusinessClock, clockFor } from '../../../src/calendar/clock.js'
import { loadCalendar } from '../../../src/calendar/load.js'
import { PARSERS } from '../../../src/regulation/parsers.js'
import type { DurationUnit } from '../../../src/regulation/schema.js'
import { at, type ScheduleId, schedules } from './schedules.js'

const ru = loadCalendar('ru', { parsers: PARSERS })
/** a calendar with no holidays at all, for the DST cases */
const plain = buildCalendar({
  schemaVersion: 1,
  id: 'plain',
  name: 'Plain',
  fixedHolidays: [],
  years: Object.fromEntries(
    [2025, 2026, 2027].map((y) => [
      String(y),
      { status: 'official' as const, source: 'test', holidays: [], transferredDaysOff: [], workingWeekends: [] },
    ]),
  ),
})
const clock = (id: ScheduleId) => clockFor(schedules[id], id.startsWith('berlin') ? plain : ru)

type Case = [ScheduleId, string, number, DurationUnit, string, string]

// [schedule, received, amount, unit, expected deadline, why]; times without offset are Moscow
const cases: Case[] = [
  // moguta: Mon–Fri 10–19, closed on holidays, shortened days 10–18
  ['moguta', '2025-03-14T16:30', 4, 'working_hours', '2025-03-17T11:30', 'Fri 16:30 + 4 h: 150 min Fri, 90 min Mon'],
  [
    'moguta',
    '2025-03-07T16:30',
    4,
    'working_hours',
    '2025-03-10T12:30',
    'shortened Fri 07.03 ends 18:00; 08.03 holiday Sat',
  ],
  ['moguta', '2025-03-14T15:00', 1, 'working_days', '2025-03-17T15:00', 'DESIGN example'],
  ['moguta', '2025-03-15T12:00', 1, 'working_days', '2025-03-18T10:00', 'Sat: S = Mon 10:00'],
  ['moguta', '2025-03-17T10:00', 1, 'working_hours', '2025-03-17T11:00', 'receipt exactly at opening'],
  ['moguta', '2025-03-17T19:00', 1, 'working_hours', '2025-03-18T11:00', 'receipt exactly at closing'],
  ['moguta', '2025-03-17T18:00', 60, 'working_minutes', '2025-03-17T19:00', 'deadline exactly at closing'],
  ['moguta', '2025-03-14T18:00', 60, 'working_minutes', '2025-03-14T19:00', 'Friday closing, not Monday opening'],
  ['moguta', '2025-03-17T09:00', 9, 'working_hours', '2025-03-17T19:00', 'a whole day from before opening'],
  ['moguta', '2025-12-30T17:00', 4, 'working_hours', '2026-01-12T12:00', 'New Year block 31.12–11.01'],
  ['moguta', '2025-12-30T17:00', 1, 'working_days', '2026-01-12T17:00', 'New Year block, working days'],
  ['moguta', '2025-12-30T18:00', 1, 'working_hours', '2025-12-30T19:00', '30.12 is not shortened'],
  ['moguta', '2025-04-30T17:00', 2, 'working_hours', '2025-05-05T11:00', 'shortened 30.04, 01–04.05 off'],
  ['moguta', '2025-05-07T18:00', 2, 'working_hours', '2025-05-12T11:00', '08.05 transferred, 09.05 holiday'],
  ['moguta', '2025-10-31T18:00', 2, 'working_hours', '2025-11-01T11:00', 'working Saturday 01.11'],
  [
    'moguta',
    '2025-11-01T17:00',
    2,
    'working_hours',
    '2025-11-05T11:00',
    'Sat 01.11 shortened to 18:00; 03.11, 04.11 off',
  ],
  ['moguta', '2025-10-31T18:30', 1, 'working_days', '2025-11-01T18:00', 'next working day closes earlier'],
  ['moguta', '2025-03-14T16:30', 24, 'calendar_hours', '2025-03-15T16:30', 'calendar hours'],
  ['moguta', '2025-03-14T16:30', 3, 'calendar_days', '2025-03-17T16:30', 'calendar days'],
  ['moguta', '2025-03-14T16:30', 1.5, 'working_hours', '2025-03-14T18:00', 'fractional hours'],
  // mst: Mon–Thu 09–18, Fri 09–17, shortened by an hour; working Saturday with Monday hours
  ['mst', '2025-03-14T16:30', 4, 'working_hours', '2025-03-17T12:30', 'Fri closes 17:00'],
  ['mst', '2025-03-13T17:00', 1, 'working_days', '2025-03-14T17:00', 'Thu 17:00 → Fri closing'],
  ['mst', '2025-03-13T17:30', 1, 'working_days', '2025-03-14T17:00', 'clamped to Friday closing'],
  ['mst', '2026-04-30T16:00', 2, 'working_hours', '2026-05-04T10:00', 'shortened Thu 30.04 09–17'],
  ['mst', '2025-10-31T16:30', 2, 'working_hours', '2025-11-01T10:30', 'Fri 16:30–17:00, working Sat 09–17'],
  // imagecms: 10–18, shortened 10–17
  ['imagecms', '2025-03-14T16:30', 4, 'working_hours', '2025-03-17T12:30', 'Fri 90 min, Mon 150 min'],
  ['imagecms', '2026-05-08T16:00', 2, 'working_hours', '2026-05-12T11:00', 'shortened 08.05; 09–11.05 off'],
  [
    'imagecms',
    '2026-12-30T17:30',
    30,
    'working_minutes',
    '2026-12-30T18:00',
    '30.12.2026 is not shortened (31.12 only transferred)',
  ],
  // advantshop: weekdays 08–20, weekends and holidays 09–18, no shortening
  ['advantshop', '2025-03-14T16:30', 4, 'working_hours', '2025-03-15T09:30', 'Sat 09–18'],
  ['advantshop', '2025-03-14T15:00', 1, 'working_days', '2025-03-15T15:00', 'every day is a working day'],
  ['advantshop', '2025-03-15T12:00', 1, 'working_days', '2025-03-16T12:00', 'Sat → Sun'],
  ['advantshop', '2025-03-14T19:00', 1, 'working_days', '2025-03-15T18:00', 'Sat closes 18:00'],
  ['advantshop', '2025-03-16T07:00', 1, 'working_days', '2025-03-17T09:00', 'S = Sun 09:00 → Mon 09:00'],
  ['advantshop', '2025-12-31T17:00', 2, 'working_hours', '2026-01-01T10:00', 'holidays 09–18'],
  ['advantshop', '2025-03-07T19:00', 2, 'working_hours', '2025-03-08T10:00', 'no shortening, 08.03 09–18'],
  ['advantshop', '2025-11-01T19:00', 2, 'working_hours', '2025-11-02T10:00', 'working Sat 08–20, Sun 09–18'],
  // umi: weekdays 09–18, weekends and holidays 10–18
  ['umi', '2025-03-14T16:30', 4, 'working_hours', '2025-03-15T12:30', 'Sat 10–18'],
  ['umi', '2025-03-15T12:00', 1, 'working_days', '2025-03-16T12:00', 'Sat → Sun'],
  ['umi', '2025-04-30T17:00', 2, 'working_hours', '2025-05-01T11:00', '01.05 holiday 10–18'],
  // two intervals a day: 09–13, 14–18 (Tue 09–12, 15–18)
  ['split', '2025-03-17T12:30', 60, 'working_minutes', '2025-03-17T14:30', 'across the lunch break'],
  ['split', '2025-03-17T12:00', 60, 'working_minutes', '2025-03-17T13:00', 'ends exactly at a break'],
  [
    'split',
    '2025-03-17T13:30',
    1,
    'working_days',
    '2025-03-18T15:00',
    'S = Mon 14:00; Tue 14:00 is in its break → 15:00',
  ],
  ['split', '2025-03-17T12:30', 1, 'working_days', '2025-03-18T15:00', 'Tue 12:30 is in the break → next opening'],
  ['split', '2025-03-18T11:00', 1, 'working_days', '2025-03-19T11:00', 'inside a range'],
  ['split', '2025-03-18T16:00', 1, 'working_days', '2025-03-19T16:00', 'afternoon'],
  // Europe/Berlin, Mon–Fri 09–17, across the DST changes of 2026 (29.03, 25.10)
  ['berlin', '2026-03-27T16:00:00+01:00', 2, 'working_hours', '2026-03-30T10:00:00+02:00', 'spring forward weekend'],
  ['berlin', '2026-03-27T10:00:00+01:00', 1, 'working_days', '2026-03-30T10:00:00+02:00', 'wall time kept across DST'],
  ['berlin', '2026-10-23T16:00:00+02:00', 2, 'working_hours', '2026-10-26T10:00:00+01:00', 'fall back weekend'],
  ['berlin', '2026-03-28T12:00:00+01:00', 1, 'calendar_days', '2026-03-29T12:00:00+02:00', 'calendar day of 23 h'],
  ['berlin', '2026-03-28T12:00:00+01:00', 24, 'calendar_hours', '2026-03-29T13:00:00+02:00', 'plain 24 h'],
  ['berlin', '2026-10-24T12:00:00+02:00', 1, 'calendar_days', '2026-10-25T12:00:00+01:00', 'calendar day of 25 h'],
  [
    'berlinDaily',
    '2026-03-28T10:00:00+01:00',
    1,
    'working_days',
    '2026-03-29T10:00:00+02:00',
    'working day on the DST day',
  ],
  [
    'berlinDaily',
    '2026-10-24T10:00:00+02:00',
    1,
    'working_days',
    '2026-10-25T10:00:00+01:00',
    'working day on the DST day',
  ],
  [
    'berlinNight',
    '2026-03-29T01:30:00+01:00',
    60,
    'working_minutes',
    '2026-03-29T03:30:00+02:00',
    'the skipped hour is not counted',
  ],
  [
    'berlinNight',
    '2026-10-25T01:30:00+02:00',
    120,
    'working_minutes',
    '2026-10-25T02:30:00+01:00',
    'the repeated hour is counted',
  ],
  // outside the calendar: fixed holidays only (2030), provisional 2027
  ['moguta', '2030-01-08T12:00', 1, 'working_hours', '2030-01-09T11:00', '2030: only 01–08.01 off, no transfers'],
  ['moguta', '2030-05-08T18:30', 1, 'working_hours', '2030-05-10T10:30', '2030: no shortened eve, 09.05 off'],
  [
    'moguta',
    '2027-04-30T17:00',
    2,
    'working_hours',
    '2027-05-04T11:00',
    '2027 provisional: 30.04 shortened, 03.05 transferred',
  ],
]

describe('BusinessClock.add', () => {
  it.each(cases)('%s: %s + %d %s → %s (%s)', (id, received, amount, unit, expected) => {
    expect(new Date(clock(id).add(at(received), { amount, unit })).toISOString()).toBe(
      new Date(at(expected)).toISOString(),
    )
  })

  it.each(cases.filter((c) => c[3] === 'working_hours' || c[3] === 'working_minutes'))(
    '%s: elapsed(%s, deadline) is the duration',
    (id, received, amount, unit) => {
      const minutes = unit === 'working_hours' ? amount * 60 : amount
      expect(
        clock(id).elapsed(
          at(received),
          at(cases.find((c) => c[0] === id && c[1] === received && c[2] === amount)?.[4] as string),
        ),
      ).toBe(minutes)
    },
  )

  it.each([
    '2025-03-14T13:30:00Z',
    '2025-03-14T18:30:00+05:00',
    '2025-03-14T16:30:00+03:00',
    '2025-03-14T14:30:00+01:00',
  ])('the offset an instant is written in does not matter: %s', (received) => {
    expect(clock('moguta').add(Date.parse(received), { amount: 4, unit: 'working_hours' })).toBe(at('2025-03-17T11:30'))
  })

  it('amount 0 is the clock start', () => {
    expect(clock('moguta').add(at('2025-03-15T12:00'), { amount: 0, unit: 'working_hours' })).toBe(
      at('2025-03-17T10:00'),
    )
    expect(clock('moguta').add(at('2025-03-17T12:00'), { amount: 0, unit: 'working_days' })).toBe(
      at('2025-03-17T12:00'),
    )
  })

  it('rejects negative amounts and fractional working days', () => {
    expect(() => clock('moguta').add(at('2025-03-17T12:00'), { amount: -1, unit: 'working_hours' })).toThrow(RangeError)
    expect(() => clock('moguta').add(at('2025-03-17T12:00'), { amount: 1.5, unit: 'working_days' })).toThrow(RangeError)
  })

  it('far instants and long durations are computed (the range grows both ways)', () => {
    const c = new BusinessClock(schedules.moguta, ru)
    expect(c.add(at('2025-03-17T12:00'), { amount: 1, unit: 'working_hours' })).toBe(at('2025-03-17T13:00'))
    expect(c.add(at('2019-06-11T17:30'), { amount: 1, unit: 'working_hours' })).toBe(at('2019-06-13T10:30')) // shortened, 12.06 off
    const t = at('2024-01-09T10:00')
    expect(c.elapsed(t, c.add(t, { amount: 20_000, unit: 'working_hours' }))).toBe(20_000 * 60)
  })

  it('throws on a schedule with no open hours instead of looping', () => {
    const closed = new BusinessClock(
      { ...schedules.moguta, weekly: { ...schedules.moguta.weekly, mon: [], tue: [], wed: [], thu: [], fri: [] } },
      ru,
    )
    expect(() => closed.add(at('2025-03-17T12:00'), { amount: 1, unit: 'working_hours' })).toThrow(/no open hours/)
  })
})

describe('BusinessClock.elapsed', () => {
  it.each([
    ['moguta', '2025-03-14T16:30', '2025-03-17T11:30', 240],
    ['moguta', '2025-03-17T11:30', '2025-03-14T16:30', -240],
    ['moguta', '2025-03-15T10:00', '2025-03-16T18:00', 0],
    ['moguta', '2025-03-17T12:00', '2025-03-17T12:00', 0],
    ['moguta', '2025-03-17T12:00', '2025-03-17T12:00:30', 0.5],
    ['moguta', '2025-12-29T10:00', '2026-01-13T10:00', 9 * 60 * 3],
    ['split', '2025-03-17T12:00', '2025-03-17T15:00', 120],
    ['advantshop', '2025-12-31T00:00', '2026-01-01T00:00', 9 * 60],
    ['berlin', '2026-10-23T09:00:00+02:00', '2026-10-26T09:00:00+01:00', 480],
    ['berlinNight', '2026-03-29T00:00:00+01:00', '2026-03-29T12:00:00+02:00', 120],
    ['berlinNight', '2026-10-25T00:00:00+02:00', '2026-10-25T12:00:00+01:00', 240],
  ] as const)('%s: %s → %s = %d min', (id, a, b, minutes) => {
    expect(clock(id).elapsed(at(a), at(b))).toBe(minutes)
  })
})

describe('BusinessClock queries', () => {
  const c = clock('moguta')
  it('isOpen, nextOpening, nextClosing: half-open ranges', () => {
    expect(c.isOpen(at('2025-03-17T10:00'))).toBe(true)
    expect(c.isOpen(at('2025-03-17T19:00'))).toBe(false)
    expect(c.isOpen(at('2025-11-01T17:59'))).toBe(true)
    expect(c.isOpen(at('2025-11-01T18:00'))).toBe(false)
    expect(c.nextOpening(at('2025-03-17T12:00'))).toBe(at('2025-03-17T12:00'))
    expect(c.nextOpening(at('2025-03-14T19:00'))).toBe(at('2025-03-17T10:00'))
    expect(c.nextClosing(at('2025-03-17T12:00'))).toBe(at('2025-03-17T19:00'))
    expect(c.nextClosing(at('2025-03-07T19:00'))).toBe(at('2025-03-10T19:00'))
    expect(clock('split').nextClosing(at('2025-03-17T13:30'))).toBe(at('2025-03-17T18:00'))
  })

  it.each([
    ['moguta', '2025-11-01', 'working_weekend', ['10:00-18:00'], 480],
    ['moguta', '2025-12-30', 'workday', ['10:00-19:00'], 540],
    ['moguta', '2025-12-31', 'transferred_day_off', [], 0],
    ['mst', '2025-11-01', 'working_weekend', ['09:00-17:00'], 480],
    ['mst', '2025-03-07', 'workday', ['09:00-16:00'], 420],
    ['advantshop', '2025-11-01', 'working_weekend', ['08:00-20:00'], 720],
    ['advantshop', '2026-01-01', 'holiday', ['09:00-18:00'], 540],
    ['umi', '2026-01-09', 'transferred_day_off', ['10:00-18:00'], 480],
    ['berlinNight', '2026-03-29', 'weekend', ['01:00-04:00'], 120],
    ['berlinNight', '2026-10-25', 'weekend', ['01:00-04:00'], 240],
  ] as const)('%s day(%s)', (id, date, kind, hours, openMinutes) => {
    const day = clock(id).day(date)
    expect(day).toMatchObject({ date, kind, hours, openMinutes })
  })

  it('day() intervals are real instants on a DST day', () => {
    expect(clock('berlinNight').day('2026-03-29').intervals).toEqual([
      [Date.parse('2026-03-29T00:00:00Z'), Date.parse('2026-03-29T02:00:00Z')],
    ])
    expect(clock('berlinNight').day('2026-10-25').intervals).toEqual([
      [Date.parse('2026-10-24T23:00:00Z'), Date.parse('2026-10-25T03:00:00Z')],
    ])
  })

  it('a range inside the spring-forward gap is empty; in the fall-back overlap it takes the first occurrence', () => {
    const gap = new BusinessClock(
      { ...schedules.berlinNight, weekly: { ...schedules.berlinNight.weekly, sun: ['02:15-02:45'] } },
      plain,
    )
    expect(gap.day('2026-03-29').intervals).toEqual([])
    expect(gap.day('2026-10-25').intervals).toEqual([
      [Date.parse('2026-10-25T00:15:00Z'), Date.parse('2026-10-25T00:45:00Z')],
    ])
    const into = new BusinessClock(
      { ...schedules.berlinNight, weekly: { ...schedules.berlinNight.weekly, sun: ['02:30-05:00'] } },
      plain,
    )
    expect(into.day('2026-03-29').intervals).toEqual([
      [Date.parse('2026-03-29T01:00:00Z'), Date.parse('2026-03-29T03:00:00Z')],
    ])
  })
})

describe('BusinessClock.explain', () => {
  it('lists each day from receipt to deadline', () => {
    const e = clock('moguta').explain(at('2025-03-07T16:30'), { amount: 4, unit: 'working_hours' })
    expect(e.deadlineMs).toBe(at('2025-03-10T12:30'))
    expect(e.steps).toEqual([
      {
        date: '2025-03-07',
        counted: true,
        openMinutes: 480,
        minutesCounted: 90,
        reason: 'shortened',
        kind: 'workday',
        shortened: true,
        hours: ['10:00-18:00'],
      },
      {
        date: '2025-03-08',
        counted: false,
        openMinutes: 0,
        minutesCounted: 0,
        reason: 'holiday',
        kind: 'holiday',
        shortened: false,
        name: 'Международный женский день',
        hours: [],
      },
      {
        date: '2025-03-09',
        counted: false,
        openMinutes: 0,
        minutesCounted: 0,
        reason: 'weekend',
        kind: 'weekend',
        shortened: false,
        hours: [],
      },
      {
        date: '2025-03-10',
        counted: true,
        openMinutes: 540,
        minutesCounted: 150,
        reason: 'weekday',
        kind: 'workday',
        shortened: false,
        hours: ['10:00-19:00'],
      },
    ])
    expect(e.warnings).toEqual([])
  })

  it('working days: the counted days are the working days after the start day', () => {
    const e = clock('moguta').explain(at('2025-10-31T18:30'), { amount: 2, unit: 'working_days' })
    expect(new Date(e.deadlineMs).toISOString()).toBe(new Date(at('2025-11-05T18:30')).toISOString())
    expect(e.steps.map((s) => [s.date, s.counted, s.reason])).toEqual([
      ['2025-10-31', false, 'weekday'],
      ['2025-11-01', true, 'shortened'],
      ['2025-11-02', false, 'weekend'],
      ['2025-11-03', false, 'transferred_day_off'],
      ['2025-11-04', false, 'holiday'],
      ['2025-11-05', true, 'weekday'],
    ])
  })
})

describe('coverage warnings', () => {
  it('an uncovered year warns once', () => {
    const c = new BusinessClock(schedules.moguta, ru)
    c.add(at('2030-01-08T12:00'), { amount: 1, unit: 'working_hours' })
    c.add(at('2030-03-08T12:00'), { amount: 1, unit: 'working_hours' })
    expect(c.warnings()).toEqual([
      { code: 'uncovered_year', year: 2030, years: [2030], message: expect.stringContaining('2030') },
    ])
  })

  it('a provisional year warns, an official one does not', () => {
    const c = new BusinessClock(schedules.moguta, ru)
    c.add(at('2026-06-01T12:00'), { amount: 1, unit: 'working_hours' })
    expect(c.warnings()).toEqual([])
    c.add(at('2026-12-30T18:00'), { amount: 2, unit: 'working_hours' })
    expect(c.warnings().map((w) => [w.code, w.year])).toEqual([['provisional_year', 2027]])
    expect(c.warningsBetween(at('2026-12-30T18:00'), at('2027-01-11T11:00')).map((w) => w.year)).toEqual([2027])
    expect(c.warningsBetween(at('2026-01-30T18:00'), at('2026-02-11T11:00'))).toEqual([])
  })
})

describe('coverage warnings are merged per kind', () => {
  it('a 20-year span gives one uncovered and one provisional warning, with the years as ranges', () => {
    const w = clock('moguta').warningsBetween(at('2010-01-01T00:00'), at('2031-12-31T00:00'))
    expect(w.map((x) => [x.code, x.years.length])).toEqual([
      ['provisional_year', 1],
      ['uncovered_year', 13],
    ])
    expect(w[1]?.message).toContain('does not cover 2010–2018, 2028–2031')
  })
})
