import { createRequire } from 'node:module'
import type { Parsers } from '../regulation/load.js'

/**
 * The parsers of regulation and calendar files, loaded on first use: they bring yaml and zod, which cost a command
 * more start-up time than its own work, and a command whose files the build compiled never parses
 * (docs/ARCHITECTURE.md, "Start-up"). Loaded with require, from the compiled modules of dist/: the bundled program
 * (dist/bundle) runs as a vm.Script, which has no `import()`, and carries neither yaml nor zod. The paths resolve from
 * dist/cli and dist/bundle alike.
 */
const nodeRequire = createRequire(import.meta.url)

type ParseModule = typeof import('../regulation/parse.js')
type CalendarParseModule = typeof import('../calendar/parse-calendar.js')

let regulation: ParseModule | undefined
let calendar: CalendarParseModule | undefined
const calendarModule = () => {
  calendar ??= nodeRequire('../calendar/parse-calendar.js') as CalendarParseModule
  return calendar
}

export const LAZY_PARSERS: Parsers = {
  regulation: (text, file, ctx) => {
    regulation ??= nodeRequire('../regulation/parse.js') as ParseModule
    return regulation.parseRegulation(text, file, ctx)
  },
  calendar: (text, file, ctx) => calendarModule().parseCalendarFile(text, file, ctx),
  calendarYear: (text, file, ctx) => calendarModule().parseCalendarYearFile(text, file, ctx),
}
