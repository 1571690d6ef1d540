import { STORE_FORMAT } from './ticket.js'

/** Turns the container of format N (`{format: N, …}`) into one of format N + 1. */
export type Migration = (data: Record<string, unknown>) => Record<string, unknown>

/**
 * Migrations keyed by the format they read: `MIGRATIONS[1]` will turn a format-1 store into
 * format 2 when format 2 exists. Format 1 is the first, so the table is empty; a format with no
 * way forward is an error, never a guess.
 */
export const MIGRATIONS: Readonly<Record<number, Migration>> = {}

export class MigrationError extends Error {}

/** Runs the migrations from `data.format` up to `target`, one format at a time. */
export function migrate(
  data: Record<string, unknown>,
  target: number = STORE_FORMAT,
  table: Readonly<Record<number, Migration>> = MIGRATIONS,
): Record<string, unknown> {
  let current = data
  let format = current.format as number
  while (format < target) {
    const step = table[format]
    if (!step) throw new MigrationError(`no migration from store format ${format} to ${format + 1}`)
    current = step(current)
    if (current.format !== format + 1)
      throw new MigrationError(`the migration from format ${format} did not produce format ${format + 1}`)
    format++
  }
  return current
}
