/**
 * The calendar's own time types: a week of opening hours and a duration. The regulation schema
 * (src/regulation/schema.ts) validates files into values of these shapes; the calendar needs nothing
 * else of a regulation, so it imports nothing of it (docs/ARCHITECTURE.md, "Layers").
 */

export const DURATION_UNITS = [
  'working_minutes',
  'working_hours',
  'working_days',
  'calendar_hours',
  'calendar_days',
] as const
export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const

export type Weekday = (typeof WEEKDAYS)[number]
export type DurationUnit = (typeof DURATION_UNITS)[number]

/** An amount of working or calendar time. */
export interface Duration {
  amount: number
  unit: DurationUnit
}

/** "HH:MM-HH:MM" ranges of one day, in order; none: closed. */
export type DayHours = readonly string[]

/** When a support desk works: its zone, its week, and what each kind of calendar day means for it. */
export interface WorkingTime {
  timezone: string
  calendar: string
  weekly: Readonly<Record<Weekday, DayHours>>
  /** art. 112 holidays and the other non-working days of the calendar */
  holidays: 'closed' | DayHours
  /** weekdays made days off by transfer */
  transferredDaysOff: 'closed' | DayHours
  /** a weekend day made working: the hours of a named weekday, or explicit ranges */
  workingWeekends: Weekday | DayHours
  /** minutes by which the last range of a shortened pre-holiday day ends earlier (0: not shortened) */
  shortenedDayMinutes: number
}
