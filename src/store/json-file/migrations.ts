/** Turns the container of format N (`{format: N, …}`) into one of format N + 1. */
export type Migration = (data: Record<string, unknown>) => Record<string, unknown>

/**
 * Migrations keyed by the format they read: `MIGRATIONS[1]` turns a format-1 store into format
 * 2. A format with no way forward is an error, never a guess.
 *
 * 1 → 2: format 2 records each reaction window on its ticket when it opens. A format-1 ticket has
 * no record and none is invented here (the regulation in force when its windows opened is not
 * known): its deadlines are computed from the regulation loaded now, as format 1 always did,
 * until the ticket's next change or `tickets recompute` records them. The number changes so that
 * an older regdesk, which would write tickets without records, refuses the file.
 */
export const MIGRATIONS: Readonly<Record<number, Migration>> = {
  1: (data) => ({ ...data, format: 2 }),
}

export class MigrationError extends Error {}

/** Runs the migrations from `data.format` up to `target`, one format at a time. */
export function migrate(
  data: Record<string, unknown>,
  target: number,
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
