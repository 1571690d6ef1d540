import { createRequire } from 'node:module'
import type { parseCalendarFile, parseCalendarYearFile } from '../calendar/parse-calendar.js'
import type { parseRegulation } from './parse.js'

/**
 * The YAML + zod parsers, loaded only when a file is not in the compiled cache: yaml and zod
 * cost more start-up time than the rest of a command. Synchronous, so loading stays synchronous.
 * Tests running the TypeScript sources register the parsers themselves (test/setup.ts).
 */
let regulation: typeof parseRegulation | undefined
let calendar: typeof parseCalendarFile | undefined
let calendarYear: typeof parseCalendarYearFile | undefined
/**
 * Loaded with Node's require from the compiled modules (dist/regulation, dist/calendar), also by
 * the bundled program (dist/bundle), which therefore carries neither yaml nor zod: the parsers
 * return plain data (values and issues), so which copy of the modules made it does not matter.
 * The paths are written to resolve from both directories.
 */
const nodeRequire = createRequire(import.meta.url)

export function useParsers(parsers: {
  regulation: typeof parseRegulation
  calendar: typeof parseCalendarFile
  calendarYear: typeof parseCalendarYearFile
}): void {
  regulation = parsers.regulation
  calendar = parsers.calendar
  calendarYear = parsers.calendarYear
}

export function regulationParser(): typeof parseRegulation {
  regulation ??= (nodeRequire('../regulation/parse.js') as { parseRegulation: typeof parseRegulation }).parseRegulation
  return regulation
}

export function calendarParser(): typeof parseCalendarFile {
  calendar ??= (nodeRequire('../calendar/parse-calendar.js') as { parseCalendarFile: typeof parseCalendarFile })
    .parseCalendarFile
  return calendar
}

/** The parser of a year file of the user's calendar directory (`regdesk calendar import` writes them). */
export function calendarYearParser(): typeof parseCalendarYearFile {
  calendarYear ??= (
    nodeRequire('../calendar/parse-calendar.js') as { parseCalendarYearFile: typeof parseCalendarYearFile }
  ).parseCalendarYearFile
  return calendarYear
}
