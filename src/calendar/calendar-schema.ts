import { z } from 'zod'
import { isRealDate } from './dates.js'

/**
 * The production calendar file format (regulations/calendars/<id>.yaml).
 * Every object is strict, so a misspelt key is reported instead of silently ignored.
 */

export const YEAR_STATUSES = ['official', 'provisional'] as const
export const TRANSFER_BASES = ['holiday-on-weekend', 'holiday-moved-by-decree', 'working-weekend-swap'] as const

const text = () => z.string().trim().min(1, { error: 'expected a non-empty text' })

const isoDate = z
  .string({ error: (issue) => `expected a date like "2025-01-01", got ${shown(issue.input)}` })
  .regex(/^\d{4}-\d{2}-\d{2}$/, {
    error: (issue) => `expected a date like "2025-01-01", got ${shown(issue.input)}`,
    abort: true,
  })
  .refine(isRealDate, { error: (issue) => `${shown(issue.input)} is not a real date` })

const monthDay = z
  .string({ error: (issue) => `expected a month and day like "01-07", got ${shown(issue.input)}` })
  .regex(/^\d{2}-\d{2}$/, {
    error: (issue) => `expected a month and day like "01-07", got ${shown(issue.input)}`,
    abort: true,
  })
  // 2000 is a leap year, so "02-29" is accepted as a month-day
  .refine((md) => isRealDate(`2000-${md}`), { error: (issue) => `${shown(issue.input)} is not a real month and day` })

export const holidayEntry = z.strictObject({ date: isoDate, name: text() })

export const transferEntry = z.strictObject({
  date: isoDate,
  /** the day off that moved here: a holiday on a weekend, or the working weekend day it swaps with */
  from: isoDate.optional(),
  basis: z
    .enum(TRANSFER_BASES, {
      error: (issue) => `expected one of ${TRANSFER_BASES.join(', ')}, got ${shown(issue.input)}`,
    })
    .optional(),
})

export const workingWeekendEntry = z.strictObject({
  date: isoDate,
  /** the weekday that became a day off in exchange */
  swapsWith: isoDate.optional(),
})

export const nonWorkingEntry = z.strictObject({
  date: isoDate,
  /** last day of a range, inclusive */
  through: isoDate.optional(),
  reason: text(),
  decree: text().optional(),
})

export const calendarYear = z.strictObject({
  status: z.enum(YEAR_STATUSES, {
    error: (issue) => `expected "official" or "provisional", got ${shown(issue.input)}`,
  }),
  decree: text().optional(),
  source: text(),
  note: text().optional(),
  holidays: z.array(holidayEntry),
  transferredDaysOff: z.array(transferEntry),
  workingWeekends: z.array(workingWeekendEntry),
  /** published shortened pre-holiday days; absent: derived by the calendar's shortened rule */
  shortened: z.array(isoDate).optional(),
  nonWorking: z.array(nonWorkingEntry).optional(),
})

export const calendarFileSchema = z.strictObject({
  schemaVersion: z.literal(1, { error: 'expected schemaVersion: 1' }),
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, { error: 'expected a lowercase id like "ru"' }),
  name: text(),
  sources: z.array(text()).optional(),
  shortenedRule: text().optional(),
  /** statutory holidays by month-day: the only non-working days of a year the file does not list */
  fixedHolidays: z.array(z.strictObject({ date: monthDay, name: text() })),
  years: z.record(z.string().regex(/^\d{4}$/, { error: 'expected a four-digit year' }), calendarYear),
})

/**
 * One year of a production calendar in a file of its own: what `regdesk calendar import` writes to
 * the user's calendar directory (and reads back), and the YAML it imports. The lists are those of a
 * year of the calendar file; status and source default to official and the imported file.
 */
export const calendarYearFileSchema = z.strictObject({
  schemaVersion: z.literal(1, { error: 'expected schemaVersion: 1' }).optional(),
  calendar: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]*$/, { error: 'expected a calendar id like "ru"' })
    .optional(),
  year: z
    .number({ error: (issue) => `expected a four-digit year, got ${shown(issue.input)}` })
    .int({ error: 'expected a four-digit year' })
    .min(1900, { error: 'expected a year from 1900 to 2600' })
    .max(2600, { error: 'expected a year from 1900 to 2600' }),
  status: calendarYear.shape.status.optional(),
  decree: text().optional(),
  source: text().optional(),
  note: text().optional(),
  /** where `calendar import` read it from, and when */
  importedFrom: text().optional(),
  importedAt: text().optional(),
  holidays: calendarYear.shape.holidays,
  transferredDaysOff: calendarYear.shape.transferredDaysOff,
  workingWeekends: calendarYear.shape.workingWeekends,
  shortened: calendarYear.shape.shortened,
  nonWorking: calendarYear.shape.nonWorking,
})

export type CalendarFile = z.infer<typeof calendarFileSchema>
export type CalendarYearFileData = z.infer<typeof calendarYearFileSchema>
export type CalendarYearFile = z.infer<typeof calendarYear>
export type TransferBasis = (typeof TRANSFER_BASES)[number]
export type YearStatus = (typeof YEAR_STATUSES)[number]

/** The editor schema (regulations/schema/calendar.schema.json), derived from the zod schema. */
export function calendarJsonSchema(): string {
  const schema = z.toJSONSchema(calendarFileSchema, { target: 'draft-2020-12', unrepresentable: 'any' })
  return `${JSON.stringify({ ...schema, title: 'regdesk production calendar', $id: 'calendar.schema.json' }, null, 2)}\n`
}

function shown(value: unknown): string {
  if (value === undefined) return 'nothing'
  if (typeof value === 'string') return JSON.stringify(value)
  if (Array.isArray(value)) return 'a list'
  if (value === null) return 'null'
  if (typeof value === 'object') return 'a map'
  return String(value)
}
