import { createRequire } from 'node:module'
import type { parseCalendarFile } from '../calendar/parse-calendar.js'
import type { parseRegulation } from './parse.js'

/**
 * The YAML + zod parsers, loaded only when a file is not in the compiled cache: yaml and zod
 * cost more start-up time than the rest of a command. Synchronous, so loading stays synchronous.
 * Tests running the TypeScript sources register the parsers themselves (test/setup.ts).
 */
let regulation: typeof parseRegulation | undefined
let calendar: typeof parseCalendarFile | undefined
const require = createRequire(import.meta.url)

export function useParsers(parsers: { regulation: typeof parseRegulation; calendar: typeof parseCalendarFile }): void {
  regulation = parsers.regulation
  calendar = parsers.calendar
}

export function regulationParser(): typeof parseRegulation {
  regulation ??= (require('./parse.js') as { parseRegulation: typeof parseRegulation }).parseRegulation
  return regulation
}

export function calendarParser(): typeof parseCalendarFile {
  calendar ??= (require('../calendar/parse-calendar.js') as { parseCalendarFile: typeof parseCalendarFile })
    .parseCalendarFile
  return calendar
}
