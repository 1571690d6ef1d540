import { readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { DataError, NotFoundError } from '../errors.js'
import { compiledKey, compiledValue } from '../regulation/compiled.js'
import { calendarParser } from '../regulation/parsers.js'
import type { ProductionCalendar } from './calendar.js'
import { buildCalendar } from './calendar.js'
import type { CalendarFile } from './calendar-schema.js'

/** The calendars shipped with regdesk, resolved from the package, not the working directory. */
export const BUILTIN_CALENDARS_DIR = fileURLToPath(new URL('../../regulations/calendars/', import.meta.url))

const cache = new Map<string, ProductionCalendar>()

/**
 * Reads and validates `<dir>/<id>.yaml` once per process; the only file access of src/calendar.
 * @throws DataError when the file cannot be read, parsed or validated (issues carry file:line:col)
 */
export function loadCalendar(id: string, dir: string = BUILTIN_CALENDARS_DIR): ProductionCalendar {
  if (!/^[a-z0-9][a-z0-9-]*$/.test(id)) throw new NotFoundError(`unknown calendar "${id}" (expected an id like "ru")`)
  const file = join(dir, `${id}.yaml`)
  const key = resolve(file)
  const cached = cache.get(key)
  if (cached) return cached
  const shown = displayPath(key)
  let text: string
  try {
    text = readFileSync(file, 'utf8')
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code
    throw new DataError([
      {
        file: shown,
        line: 1,
        col: 1,
        path: '',
        message: `cannot read the calendar "${id}" (${code})`,
        severity: 'error',
      },
    ])
  }
  let data = compiledValue<CalendarFile>(compiledKey('calendar', key), text)
  if (!data) {
    const { value, issues } = calendarParser()(text, shown, { fileId: id })
    if (!value) throw new DataError(issues)
    data = value
  }
  const calendar = buildCalendar(data)
  cache.set(key, calendar)
  return calendar
}

/** Paths inside the working directory are shown relative, like a compiler does. */
function displayPath(abs: string): string {
  const cwd = process.cwd()
  return abs.startsWith(`${cwd}/`) ? abs.slice(cwd.length + 1) : abs
}
