import { type ParseResult, parseYamlWith } from '../data/yaml.js'
import { buildCalendar, type ProductionCalendar } from './calendar.js'
import {
  type CalendarFile,
  type CalendarYearFileData,
  calendarFileSchema,
  calendarYearFileSchema,
} from './calendar-schema.js'
import { validateCalendar, validateCalendarYear, type YearFileContext } from './validate-calendar.js'

export { validateCalendar, validateCalendarYear, type YearFileContext } from './validate-calendar.js'

/**
 * Parses a production calendar file: YAML, the zod schema, then the facts the schema cannot
 * check (dates in their year, one kind per date, weekends really weekends…). Pure: text in,
 * a calendar or every issue with its line and column out.
 */
export function parseCalendar(
  text: string,
  file: string,
  ctx: { fileId?: string } = {},
): ParseResult<ProductionCalendar> {
  const parsed = parseCalendarFile(text, file, ctx)
  return parsed.value ? { value: buildCalendar(parsed.value), issues: parsed.issues } : { issues: parsed.issues }
}

/** The validated file as written (plain data: the build caches it as JSON). */
export function parseCalendarFile(
  text: string,
  file: string,
  ctx: { fileId?: string } = {},
): ParseResult<CalendarFile> {
  return parseYamlWith(text, file, calendarFileSchema, (cal, report) => validateCalendar(cal, ctx, report))
}

/**
 * Parses one year of a production calendar (a file of the user's calendar directory, or YAML given
 * to `calendar import`): the schema, the checks of a year of the calendar file, and those of
 * `validateCalendarYear`. Pure: every issue at its line and column.
 */
export function parseCalendarYearFile(
  text: string,
  file: string,
  ctx: YearFileContext,
): ParseResult<CalendarYearFileData> {
  return parseYamlWith(text, file, calendarYearFileSchema, (y, report) => validateCalendarYear(y, ctx, report))
}
