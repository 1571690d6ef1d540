import { readdirSync, readFileSync, statSync } from 'node:fs'
import { basename, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { CalendarParsers } from '../calendar/load.js'
import { BUILTIN_CALENDARS_DIR } from '../calendar/load.js'
import { compiledKey, compiledValue } from '../data/compiled.js'
import { displayPath } from '../data/display-path.js'
import type { Issue } from '../data/issue.js'
import type { ParseResult } from '../data/yaml.js'
import { DataError, NotFoundError } from '../errors.js'
import type { RegulationFile } from './schema.js'
import type { ValidationContext } from './validate.js'

export interface Regulation extends RegulationFile {
  /** the file it was loaded from */
  file: string
}

/**
 * The parsers of regulation and calendar files, given by the caller (the CLI loads them lazily: src/cli/parsers.ts;
 * tests and scripts use src/regulation/parsers.ts). yaml and zod cost a command more start-up time than its own work,
 * and a command whose files the build compiled never parses (docs/ARCHITECTURE.md, "Start-up").
 */
export interface Parsers extends CalendarParsers {
  regulation: (text: string, file: string, ctx: ValidationContext) => ParseResult<RegulationFile>
}

const FILE_NAME = /^[a-z0-9-]+\.ya?ml$/

/** The regulations shipped with regdesk, resolved from the package, not the working directory. */
export const BUILTIN_REGULATIONS_DIR = fileURLToPath(new URL('../../regulations/', import.meta.url))

/**
 * Finds regulation files in the built-in directory and in extra directories; a file in a later
 * directory with the same id overrides an earlier one. Files are parsed only when asked for.
 */
export class RegulationRegistry {
  private readonly files = new Map<string, string>()
  private readonly cache = new Map<string, Regulation>()
  /** built-in files replaced by a file of the same id in another directory */
  private readonly replaced = new Map<string, string>()

  constructor(
    dirs: readonly string[],
    readonly parsers: Parsers,
    private readonly calendars: readonly string[] = listCalendarIds(),
  ) {
    const builtin = resolve(BUILTIN_REGULATIONS_DIR)
    for (const dir of dirs)
      for (const file of listRegulationFiles(dir)) {
        const id = idOf(file)
        const before = this.files.get(id)
        if (before && resolve(dir) !== builtin && resolve(before).startsWith(`${builtin}/`))
          this.replaced.set(id, before)
        this.files.set(id, file)
      }
  }

  /** The built-in file a regulation of another directory replaces, if it replaces one. */
  replacedBuiltin(id: string): string | undefined {
    return this.replaced.get(id)
  }

  /** Whether the regulation is one regdesk ships (not replaced by a file of --regulations). */
  isBuiltin(id: string): boolean {
    const file = this.files.get(id)
    return file !== undefined && resolve(file).startsWith(`${resolve(BUILTIN_REGULATIONS_DIR)}/`)
  }

  static withBuiltins(parsers: Parsers, extraDirs: readonly string[] = []): RegulationRegistry {
    return new RegulationRegistry([BUILTIN_REGULATIONS_DIR, ...extraDirs], parsers)
  }

  ids(): string[] {
    return [...this.files.keys()].sort()
  }

  has(id: string): boolean {
    return this.files.has(id)
  }

  fileOf(id: string): string | undefined {
    return this.files.get(id)
  }

  /** @throws NotFoundError for an unknown id, DataError for an invalid file */
  get(id: string): Regulation {
    const cached = this.cache.get(id)
    if (cached) return cached
    const file = this.files.get(id)
    if (!file) throw new NotFoundError(`unknown regulation "${id}"; available: ${this.ids().join(', ')}`)
    const regulation = loadRegulationFile(file, this.parsers, this.calendars)
    this.cache.set(id, regulation)
    return regulation
  }

  /** Every regulation; all files are checked before failing, so the error lists every problem. */
  all(): Regulation[] {
    const issues: Issue[] = []
    const found: Regulation[] = []
    for (const id of this.ids()) {
      try {
        found.push(this.get(id))
      } catch (e) {
        if (e instanceof DataError) issues.push(...e.issues)
        else throw e
      }
    }
    if (issues.length) throw new DataError(issues)
    return found
  }
}

/** @throws DataError when the file does not parse or validate */
export function loadRegulationFile(
  file: string,
  parsers: Pick<Parsers, 'regulation'>,
  calendars: readonly string[] = listCalendarIds(),
): Regulation {
  const shown = displayPath(file)
  const text = readText(file, shown)
  const compiled = compiledValue<RegulationFile>(compiledKey('regulation', resolve(file)), text)
  if (compiled && calendars.includes(compiled.workingTime.calendar)) return withOwnLevels({ ...compiled, file: shown })
  const { value, issues } = parsers.regulation(text, shown, { fileId: idOf(file), calendars })
  if (!value) throw new DataError(issues)
  return withOwnLevels({ ...value, file: shown })
}

/**
 * The regulation with its levels in an object of no prototype: a level is looked up by a name someone typed
 * (`--level`, a batch line, an import), and `reg.levels["constructor"]` of a plain object is a function, which let
 * such a name pass as a level with no deadline.
 */
function withOwnLevels(reg: Regulation): Regulation {
  return { ...reg, levels: Object.assign(Object.create(null), reg.levels) }
}

export function listRegulationFiles(dir: string): string[] {
  let names: string[]
  try {
    names = readdirSync(dir)
  } catch (e) {
    throw new NotFoundError(`cannot read the regulations directory ${dir}: ${(e as NodeJS.ErrnoException).code}`)
  }
  return names
    .filter((n) => FILE_NAME.test(n))
    .map((n) => join(dir, n))
    .filter((f) => statSync(f).isFile())
    .sort()
}

export function listCalendarIds(dir: string = BUILTIN_CALENDARS_DIR): string[] {
  try {
    return readdirSync(dir)
      .filter((n) => FILE_NAME.test(n))
      .map(idOf)
  } catch {
    return []
  }
}

function readText(file: string, shown: string): string {
  try {
    return readFileSync(file, 'utf8')
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code
    throw new DataError([
      { file: shown, line: 1, col: 1, path: '', message: `cannot read the file (${code})`, severity: 'error' },
    ])
  }
}

function idOf(file: string): string {
  return basename(file).replace(/\.ya?ml$/, '')
}
