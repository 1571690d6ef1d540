export {
  buildCalendar,
  type CalendarYearInfo,
  type Coverage,
  coverageOf,
  type DayKind,
  type DayKindName,
  dayKind,
  type ProductionCalendar,
  shortenedByRule,
} from './calendar.js'
export { type CalendarFile, calendarFileSchema, calendarJsonSchema } from './calendar-schema.js'
export {
  BusinessClock,
  type ClockDay,
  type CoverageWarning,
  clockFor,
  type ExplainStep,
  type Explanation,
} from './clock.js'
export { type DayPlan, type DayReason, planDay } from './day-plan.js'
export { type ImportedYear, type ImportFormat, importCalendarYear } from './import.js'
export {
  BUILTIN_CALENDARS_DIR,
  listImportedYears,
  loadCalendar,
  loadCalendarData,
  writeImportedYear,
} from './load.js'
export { parseCalendar, parseCalendarYearFile, validateCalendar, validateCalendarYear } from './parse-calendar.js'
