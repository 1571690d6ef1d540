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
const nodeRequire = createRequire(import.meta.url)

/**
 * In the bundle of the command-line program (scripts/bundle.mjs) `require` of a literal path is
 * resolved by the bundler, which keeps the module inside the bundle and runs it on first call; in
 * the plain compiled modules there is no `require`, and Node's loads the sibling file.
 */
const inBundle = typeof require === 'function'

export function useParsers(parsers: { regulation: typeof parseRegulation; calendar: typeof parseCalendarFile }): void {
  regulation = parsers.regulation
  calendar = parsers.calendar
}

export function regulationParser(): typeof parseRegulation {
  regulation ??= (
    (inBundle ? require('./parse.js') : nodeRequire('./parse.js')) as { parseRegulation: typeof parseRegulation }
  ).parseRegulation
  return regulation
}

export function calendarParser(): typeof parseCalendarFile {
  calendar ??= (
    (inBundle ? require('../calendar/parse-calendar.js') : nodeRequire('../calendar/parse-calendar.js')) as {
      parseCalendarFile: typeof parseCalendarFile
    }
  ).parseCalendarFile
  return calendar
}
