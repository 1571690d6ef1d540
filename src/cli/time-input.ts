import { formatInstantIn, INSTANT_YEARS, isInInstantYears, parseIsoInstant } from '../calendar/instant.js'
import { UsageError } from '../errors.js'
import type { IO } from './io.js'

const FORMAT_HELP = 'an ISO 8601 instant like "2026-11-20T15:00:00+03:00" or "2026-11-20T12:00Z"'

export interface ParsedInstant {
  ms: number
  /** true when the text had no offset and was read in the given zone */
  assumedZone: boolean
  /** true when the text had no time of day ("2026-11-20", "2026-11-20+03:00"), read as the start of that day */
  dateOnly?: boolean
}

/**
 * Reads an instant typed by a user. Offsets and Z are honoured; a value without one (or a bare
 * date, meaning its midnight) is wall-clock time in `zone`, which the caller should say.
 */
export function parseInstant(text: string, option: string, zone: string): ParsedInstant {
  const parsed = parseIsoInstant(text.trim(), zone)
  if (!parsed.ok) {
    if (parsed.problem === 'format')
      throw new UsageError(`${option}: expected ${FORMAT_HELP}, got ${JSON.stringify(text)}`)
    throw new UsageError(
      `${option}: ${JSON.stringify(text)} is not a real ${parsed.problem === 'offset' ? 'UTC offset' : parsed.problem}; expected ${FORMAT_HELP}`,
    )
  }
  if (!isInInstantYears(parsed.ms))
    throw new UsageError(
      `${option}: ${JSON.stringify(text)} is outside the years regdesk computes (${INSTANT_YEARS.from}–${INSTANT_YEARS.to})`,
    )
  return { ms: parsed.ms, assumedZone: !parsed.hasOffset, dateOnly: !parsed.hasTime }
}

/** Says on stderr how an instant without an offset (or without a time of day) was read: `what` names where it came from. */
export function noteAssumedZone(io: IO, what: string, parsed: ParsedInstant, zone: string): void {
  if (parsed.dateOnly && parsed.assumedZone) io.err(`note: ${what} has no time of day; read as 00:00, ${zone} time\n`)
  else if (parsed.dateOnly) io.err(`note: ${what} has no time of day; read as 00:00 at the offset it gives\n`)
  else if (parsed.assumedZone) io.err(`note: ${what} has no offset; read as ${zone} time\n`)
}

/** Reads a calendar date "YYYY-MM-DD". */
export function parseDate(text: string, option: string): string {
  const trimmed = text.trim()
  const parsed = /^\d{4}-\d{2}-\d{2}$/.test(trimmed) ? parseIsoInstant(trimmed, 'UTC') : undefined
  if (!parsed?.ok)
    throw new UsageError(`${option}: expected a real date like "2026-05-01", got ${JSON.stringify(text)}`)
  return trimmed
}

/** An instant as ISO 8601 with the offset of `zone`. */
export function formatInstant(ms: number, zone: string): string {
  return formatInstantIn(ms, zone)
}
