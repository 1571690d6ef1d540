import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { isAbsolute, relative, sep } from 'node:path'
import { fileURLToPath } from 'node:url'

/**
 * Regulations and calendars validated at build time (scripts/compile-data.mjs writes
 * dist/compiled-data.json). A file is taken from it only when its text hashes the same, so an
 * edited file is always parsed and validated afresh.
 */
export interface CompiledData {
  format: 1
  entries: Record<string, { sha256: string; value: unknown }>
  /**
   * UTC offset tables of the shipped regulations' timezones, per year (see src/calendar/instant.ts),
   * computed with the ICU time-zone data of the Node that built them (`tz`, its version).
   */
  zones?: { tz: string; years: Record<string, Record<string, unknown>> }
}

export const COMPILED_DATA_URL = new URL('../compiled-data.json', import.meta.url)
const PACKAGE_ROOT = fileURLToPath(new URL('../../', import.meta.url))

let data: CompiledData | null | undefined

/** The key of a shipped file: its path inside the package; none for files elsewhere. */
export function compiledKey(kind: 'regulation' | 'calendar', absolutePath: string): string | undefined {
  const rel = relative(PACKAGE_ROOT, absolutePath)
  return rel.startsWith('..') || isAbsolute(rel) ? undefined : `${kind}:${rel.split(sep).join('/')}`
}

export function compiledValue<T>(key: string | undefined, text: string): T | undefined {
  if (key === undefined) return undefined
  if (data === undefined) data = readCompiled()
  const entry = data?.entries[key]
  if (!entry || entry.sha256 !== sha256(text)) return undefined
  return entry.value as T
}

/** The build-time offset tables of `zone` by year, when they were computed with this Node's time-zone data. */
export function compiledZoneYears(zone: string): Record<string, unknown> | undefined {
  if (data === undefined) data = readCompiled()
  const zones = data?.zones
  return zones && zones.tz === process.versions.tz ? zones.years[zone] : undefined
}

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex')
}

function readCompiled(): CompiledData | null {
  try {
    const parsed = JSON.parse(readFileSync(COMPILED_DATA_URL, 'utf8')) as CompiledData
    return parsed.format === 1 ? parsed : null
  } catch {
    return null
  }
}
