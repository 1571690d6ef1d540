import type { Weekday, WorkingTime } from '../../../src/regulation/schema.js'

const cited = { clause: 'test', quote: 'test' }

export function week(weekdays: string[], weekend: string[] = []): Record<Weekday, string[]> {
  return { mon: weekdays, tue: weekdays, wed: weekdays, thu: weekdays, fri: weekdays, sat: weekend, sun: weekend }
}

export function workingTime(overrides: Partial<WorkingTime>): WorkingTime {
  return {
    timezone: 'Europe/Moscow',
    calendar: 'ru',
    weekly: week([]),
    holidays: 'closed',
    transferredDaysOff: 'closed',
    workingWeekends: 'mon',
    shortenedDayMinutes: 0,
    ...cited,
    ...overrides,
  }
}

/** The five shipped regulations' working time as docs/ARCHITECTURE.md reads them, plus test-only shapes. */
export const schedules = {
  moguta: workingTime({ weekly: week(['10:00-19:00']), shortenedDayMinutes: 60 }),
  mst: workingTime({
    weekly: { ...week(['09:00-18:00']), fri: ['09:00-17:00'] },
    shortenedDayMinutes: 60,
  }),
  imagecms: workingTime({ weekly: week(['10:00-18:00']), shortenedDayMinutes: 60 }),
  advantshop: workingTime({
    weekly: week(['08:00-20:00'], ['09:00-18:00']),
    holidays: ['09:00-18:00'],
    transferredDaysOff: ['09:00-18:00'],
  }),
  umi: workingTime({
    weekly: week(['09:00-18:00'], ['10:00-18:00']),
    holidays: ['10:00-18:00'],
    transferredDaysOff: ['10:00-18:00'],
  }),
  /** lunch break; Tuesday's break is longer */
  split: workingTime({
    weekly: { ...week(['09:00-13:00', '14:00-18:00']), tue: ['09:00-12:00', '15:00-18:00'] },
  }),
  berlin: workingTime({ timezone: 'Europe/Berlin', weekly: week(['09:00-17:00']) }),
  /** every day, across the 02:00–03:00 hour the clocks skip or repeat */
  berlinNight: workingTime({ timezone: 'Europe/Berlin', weekly: week(['01:00-04:00'], ['01:00-04:00']) }),
  berlinDaily: workingTime({ timezone: 'Europe/Berlin', weekly: week(['09:00-17:00'], ['09:00-17:00']) }),
} satisfies Record<string, WorkingTime>

export type ScheduleId = keyof typeof schedules

/** Epoch ms of an ISO instant; without an offset, Moscow time. */
export function at(iso: string): number {
  const ms = Date.parse(/[Z+-]\d\d:?\d\d$|Z$/.test(iso.slice(10)) ? iso : `${iso}+03:00`)
  if (Number.isNaN(ms)) throw new Error(`bad instant ${iso}`)
  return ms
}
