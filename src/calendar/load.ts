import { mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { replaceFile } from '../data/atomic-file.js'
import { compiledKey, compiledValue } from '../data/compiled.js'
import { displayPath } from '../data/display-path.js'
import type { Issue } from '../data/issue.js'
import type { ParseResult } from '../data/yaml.js'
import { DataError, NotFoundError } from '../errors.js'
import type { ProductionCalendar } from './calendar.js'
import { buildCalendar, calendarYearOf } from './calendar.js'
import type { CalendarFile, CalendarYearFileData } from './calendar-schema.js'

/** The calendars shipped with regdesk, resolved from the package, not the working directory. */
export const BUILTIN_CALENDARS_DIR = fileURLToPath(new URL('../../regulations/calendars/', import.meta.url))

const cache = new Map<string, ProductionCalendar>()
const dataCache = new Map<string, CalendarFile>()

/**
 * Reads and validates `<dir>/<id>.yaml` once per process; with `userDir`, the years imported into
 * it (`<id>-<year>.yaml`, written by `regdesk calendar import`) replace the shipped ones. The only
 * file access of src/calendar.
 * @throws DataError when a file cannot be read, parsed or validated (issues carry file:line:col)
 */
export function loadCalendar(id: string, opts: CalendarOptions): ProductionCalendar {
  const { parsers, dir = BUILTIN_CALENDARS_DIR, userDir } = opts
  const data = loadCalendarData(id, parsers, dir)
  const shippedKey = resolve(join(dir, `${id}.yaml`))
  const imported = userDir === undefined ? [] : listImportedYears(userDir, id)
  // a year file changed since it was read (an import in this process) is read again
  const key = [shippedKey, ...imported.map((y) => `${y.file}:${y.stamp}`)].join('\u0000')
  const cached = cache.get(key)
  if (cached) return cached
  let calendar: ProductionCalendar
  if (!imported.length) calendar = buildCalendar(data)
  else {
    const issues: Issue[] = []
    const years = { ...data.years }
    const files = new Map<number, string>()
    for (const y of imported) {
      const shown = displayPath(y.file)
      const parsed = parsers.calendarYear(readText(y.file, shown, `the imported calendar year ${y.year}`), shown, {
        shipped: data,
        year: y.year,
      })
      if (!parsed.value) issues.push(...parsed.issues)
      else {
        years[String(y.year)] = calendarYearOf(parsed.value, { source: `imported: ${y.file}` })
        files.set(y.year, y.file)
      }
    }
    if (issues.length) throw new DataError(issues)
    calendar = buildCalendar({ ...data, years }, files)
  }
  cache.set(key, calendar)
  return calendar
}

/**
 * The parsers of calendar files, given by the caller: they load yaml and zod, which a command whose files the build
 * compiled never needs (docs/ARCHITECTURE.md, "Start-up"). src/calendar/parse-calendar.ts implements them.
 */
export interface CalendarParsers {
  calendar: (text: string, file: string, ctx: { fileId?: string }) => ParseResult<CalendarFile>
  calendarYear: (
    text: string,
    file: string,
    ctx: { shipped: CalendarFile; year?: number },
  ) => ParseResult<CalendarYearFileData>
}

export interface CalendarOptions {
  parsers: CalendarParsers
  /** the shipped calendars' directory (default: regulations/calendars) */
  dir?: string
  /** the user's calendar directory, whose imported years replace the shipped ones */
  userDir?: string
}

/** A year file of the user's calendar directory: `<calendar>-<year>.yaml`. */
export const IMPORTED_YEAR_FILE = /^([a-z0-9][a-z0-9-]*)-(\d{4})\.yaml$/

export interface ImportedYearFile {
  calendar: string
  year: number
  /** absolute path */
  file: string
  /** size and modification time: a changed file is read again */
  stamp: string
}

/** The years imported for a calendar, oldest first; none when the directory does not exist. */
export function listImportedYears(userDir: string, id: string): ImportedYearFile[] {
  let names: string[]
  try {
    names = readdirSync(userDir)
  } catch {
    return []
  }
  const found: ImportedYearFile[] = []
  for (const name of names) {
    const m = IMPORTED_YEAR_FILE.exec(name)
    if (!m || m[1] !== id) continue
    const file = resolve(userDir, name)
    try {
      const st = statSync(file)
      if (st.isFile()) found.push({ calendar: id, year: Number(m[2]), file, stamp: `${st.size}:${st.mtimeMs}` })
    } catch {
      // removed meanwhile: not imported
    }
  }
  return found.sort((a, b) => a.year - b.year)
}

/**
 * Writes a year file into the user's calendar directory (created if missing) in one step: a
 * temporary file renamed over the target (src/data/atomic-file.ts), so a reader never sees half a year.
 * @returns the path written
 */
export function writeImportedYear(userDir: string, id: string, year: number, text: string): string {
  mkdirSync(userDir, { recursive: true })
  const file = resolve(userDir, `${id}-${year}.yaml`)
  replaceFile(file, text, 0o644)
  return file
}

/** The validated shipped calendar file as data (the compiled copy when the build made one of this text). */
export function loadCalendarData(
  id: string,
  parsers: CalendarParsers,
  dir: string = BUILTIN_CALENDARS_DIR,
): CalendarFile {
  if (!/^[a-z0-9][a-z0-9-]*$/.test(id)) throw new NotFoundError(`unknown calendar "${id}" (expected an id like "ru")`)
  const file = join(dir, `${id}.yaml`)
  const key = resolve(file)
  const cached = dataCache.get(key)
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
    const { value, issues } = parsers.calendar(text, shown, { fileId: id })
    if (!value) throw new DataError(issues)
    data = value
  }
  dataCache.set(key, data)
  return data
}

function readText(file: string, shown: string, what: string): string {
  try {
    return readFileSync(file, 'utf8')
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code
    throw new DataError([
      { file: shown, line: 1, col: 1, path: '', message: `cannot read ${what} (${code})`, severity: 'error' },
    ])
  }
}
