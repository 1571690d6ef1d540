import { DateTime } from 'luxon'
import { UsageError } from '../errors.js'

const FORMAT_HELP = 'an ISO 8601 instant like "2026-11-20T15:00:00+03:00" or "2026-11-20T12:00Z"'

export interface ParsedInstant {
  ms: number
  /** true when the text had no offset and was read in the given zone */
  assumedZone: boolean
}

/**
 * Reads an instant typed by a user. Offsets and Z are honoured; a value without one (or a bare
 * date, meaning its midnight) is wall-clock time in `zone`, which the caller should say.
 */
export function parseInstant(text: string, option: string, zone: string): ParsedInstant {
  const trimmed = text.trim()
  if (!/^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?)?(Z|[+-]\d{2}(:?\d{2})?)?$/i.test(trimmed))
    throw new UsageError(`${option}: expected ${FORMAT_HELP}, got ${JSON.stringify(text)}`)
  const hasOffset = /(Z|[+-]\d{2}(:?\d{2})?)$/i.test(trimmed) && trimmed.length > 10
  const dt = DateTime.fromISO(trimmed.replace(' ', 'T'), hasOffset ? { setZone: true } : { zone })
  if (!dt.isValid)
    throw new UsageError(
      `${option}: ${JSON.stringify(text)} is not a real date or time (${dt.invalidExplanation ?? dt.invalidReason}); expected ${FORMAT_HELP}`,
    )
  return { ms: dt.toMillis(), assumedZone: !hasOffset }
}

/** Reads a calendar date "YYYY-MM-DD". */
export function parseDate(text: string, option: string): string {
  const trimmed = text.trim()
  const dt = /^\d{4}-\d{2}-\d{2}$/.test(trimmed) ? DateTime.fromISO(trimmed, { zone: 'UTC' }) : undefined
  if (!dt?.isValid) throw new UsageError(`${option}: expected a date like "2026-05-01", got ${JSON.stringify(text)}`)
  return trimmed
}

/** An instant as ISO 8601 with the offset of `zone` (no milliseconds). */
export function formatInstant(ms: number, zone: string): string {
  return DateTime.fromMillis(ms, { zone }).toISO({ suppressMilliseconds: true }) ?? new Date(ms).toISOString()
}
