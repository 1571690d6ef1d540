import { type Command, Option } from 'commander'
import { UsageError } from '../../errors.js'

/** How a list is cut and ordered, and which fields of each record `--json` prints (README.md, "Lists"). */
export interface ListShape {
  /** `--json id,status`: only these fields, in this order */
  fields: string[] | undefined
  limit: number | undefined
  sort: { field: string; descending: boolean } | undefined
}

export interface ListOptions {
  limit?: string
  sort?: string
}

/**
 * `--limit N`, `--sort FIELD` (`-FIELD` descending) and, after `--json`, the fields to print (`--json id,status`,
 * as gh does): a list command takes no other word, so the word after `--json` is its field list.
 */
export function withListOptions(cmd: Command): Command {
  return cmd
    .argument('[fields]', 'with --json: the fields to print, comma-separated (e.g. --json id,status,deadline)')
    .addOption(new Option('--limit <n>', 'at most this many rows (after sorting)'))
    .addOption(new Option('--sort <field>', 'order by this field of the JSON record; -FIELD for descending'))
}

/** The shape asked for, checked against the fields a record of this list has. */
export function listShape(
  fieldsArg: string | undefined,
  opts: ListOptions,
  json: boolean,
  known: readonly string[],
): ListShape {
  const check = (field: string, what: string) => {
    if (!known.includes(field)) throw new UsageError(`${what}: unknown field "${field}"; fields: ${known.join(', ')}`)
  }
  let fields: string[] | undefined
  if (fieldsArg !== undefined) {
    if (!json) throw new UsageError(`a field list goes with --json (--json ${fieldsArg}), got "${fieldsArg}" alone`)
    fields = fieldsArg
      .split(',')
      .map((f) => f.trim())
      .filter(Boolean)
    // `--json ''` (a variable that came out empty) would print records with no field at all
    if (!fields.length) throw new UsageError(`--json: the field list is empty; fields: ${known.join(', ')}`)
    for (const f of fields) check(f, '--json')
  }
  let limit: number | undefined
  if (opts.limit !== undefined) {
    limit = Number(opts.limit)
    if (!/^\d+$/.test(opts.limit.trim()) || !Number.isSafeInteger(limit) || limit < 1)
      throw new UsageError(`--limit must be a whole number of at least 1, got "${opts.limit}"`)
  }
  let sort: ListShape['sort']
  if (opts.sort !== undefined) {
    const descending = opts.sort.startsWith('-')
    const field = descending ? opts.sort.slice(1) : opts.sort
    check(field, '--sort')
    sort = { field, descending }
  }
  return { fields, limit, sort }
}

/** The rows in the asked order (a stable sort, empty values last either way) and at most `limit` of them. */
export function shapeRows<T>(rows: readonly T[], record: (row: T) => Record<string, unknown>, shape: ListShape): T[] {
  let out = [...rows]
  const { sort } = shape
  if (sort) {
    const keyed = out.map((row, i) => ({ row, i, key: record(row)[sort.field] }))
    keyed.sort((a, b) => {
      const empty = (v: unknown) => v === null || v === undefined || v === ''
      if (empty(a.key) || empty(b.key)) return empty(a.key) === empty(b.key) ? a.i - b.i : empty(a.key) ? 1 : -1
      const order = compare(a.key, b.key)
      return (sort.descending ? -order : order) || a.i - b.i
    })
    out = keyed.map((k) => k.row)
  }
  return shape.limit === undefined ? out : out.slice(0, shape.limit)
}

/** The record with only the asked fields, in their order. */
export function pickFields(record: Record<string, unknown>, fields: readonly string[] | undefined): unknown {
  if (!fields) return record
  return Object.fromEntries(fields.map((f) => [f, record[f] ?? null]))
}

function compare(a: unknown, b: unknown): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b
  if (typeof a === 'boolean' && typeof b === 'boolean') return Number(a) - Number(b)
  const x = String(a)
  const y = String(b)
  // ISO instants with offsets order by the instant, not by the text
  const ms = (s: string) => (/^\d{4}-\d\d-\d\dT/.test(s) ? Date.parse(s) : Number.NaN)
  const [mx, my] = [ms(x), ms(y)]
  if (!Number.isNaN(mx) && !Number.isNaN(my)) return mx - my
  return x < y ? -1 : x > y ? 1 : 0
}
