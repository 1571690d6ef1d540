import { parseCalendarFile, parseCalendarYearFile } from '../calendar/parse-calendar.js'
import type { Parsers } from './load.js'
import { parseRegulation } from './parse.js'

/**
 * The parsers, loaded with the module: for tests, scripts and the benchmark. The command-line program loads them only
 * when a file must be parsed (src/cli/parsers.ts), and never imports this module.
 */
export const PARSERS: Parsers = {
  regulation: parseRegulation,
  calendar: parseCalendarFile,
  calendarYear: parseCalendarYearFile,
}
