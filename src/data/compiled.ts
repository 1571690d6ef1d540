import { readFileSync } from 'node:fs'
import { isAbsolute, relative, sep } from 'node:path'
import { fileURLToPath } from 'node:url'

/**
 * Data prepared at build time (scripts/compile-data.mjs writes dist/compiled/, one JSON file per
 * entry, so a command reads only what it uses): the shipped regulations and calendars, validated;
 * the triage's topic indexes; the UTC offset tables of the shipped timezones. An entry keeps the
 * text it was made from and is used only for that same text, so an edited file is always parsed
 * and validated afresh. (A comparison, not a hash: node:crypto alone costs a command ~10 ms.)
 */
export interface CompiledEntry {
  source: string
  value: unknown
}

/**
 * UTC offset tables of the shipped regulations' timezones, per year (see src/calendar/instant.ts),
 * computed with the ICU time-zone data of the Node that built them (the entry's source is that
 * data's version, `process.versions.tz`).
 */
export interface CompiledZones {
  years: Record<string, Record<string, unknown>>
}

const PACKAGE_ROOT = fileURLToPath(new URL('../../', import.meta.url))
/**
 * Found from the package root (src/regulation, dist/regulation and dist/bundle are all two levels deep), so the tests,
 * which run the TypeScript sources, use the build's data as the program does.
 */
export const COMPILED_DIR = `${PACKAGE_ROOT}dist/compiled/`
export const ZONES_KEY = 'zones'

const entries = new Map<string, CompiledEntry | null>()

/** The key of a shipped file: its path inside the package; none for files elsewhere. */
export function compiledKey(kind: 'regulation' | 'calendar', absolutePath: string): string | undefined {
  const rel = relative(PACKAGE_ROOT, absolutePath)
  return rel.startsWith('..') || isAbsolute(rel) ? undefined : `${kind}:${rel.split(sep).join('/')}`
}

/** The file name of an entry inside dist/compiled/. */
export function compiledFileName(key: string): string {
  return `${key.replace(/[^a-zA-Z0-9.-]+/g, '_')}.json`
}

/** The file name of an entry's bytes beside it (an entry whose value is binary, e.g. the scope model's table). */
export function compiledBinaryName(key: string): string {
  return compiledFileName(key).replace(/\.json$/, '.bin')
}

/** The bytes the build wrote beside the entry `key` (compiledBinaryName); undefined when there are none. */
export function compiledBinary(key: string): Uint8Array | undefined {
  try {
    return readFileSync(`${COMPILED_DIR}${compiledBinaryName(key)}`)
  } catch {
    return undefined
  }
}

/** The value the build made from `source` under `key`; undefined when there is none or it was made from other text. */
export function compiledValue<T>(key: string | undefined, source: string): T | undefined {
  if (key === undefined) return undefined
  const entry = compiledEntry(key)
  return entry && entry.source === source ? (entry.value as T) : undefined
}

/** The build-time offset tables of `zone` by year, when they were computed with this Node's time-zone data. */
export function compiledZoneYears(zone: string): Record<string, unknown> | undefined {
  const zones = compiledValue<CompiledZones>(ZONES_KEY, process.versions.tz ?? '')
  return zones?.years[zone]
}

function compiledEntry(key: string): CompiledEntry | undefined {
  let entry = entries.get(key)
  if (entry === undefined) {
    try {
      entry = JSON.parse(readFileSync(`${COMPILED_DIR}${compiledFileName(key)}`, 'utf8')) as CompiledEntry
    } catch {
      entry = null
    }
    entries.set(key, entry)
  }
  return entry ?? undefined
}
