import { readFileSync } from 'node:fs'
import fc from 'fast-check'
import { parse, stringify } from 'yaml'

/**
 * Mutations of the five shipped regulations for the fuzz tests (issue 8): each category is an
 * arbitrary of `{ id, text }`, the mutated YAML of one regulation. Shared by the unit fuzz test
 * and the e2e test, which feeds one sample per category to `regdesk regulations validate`.
 */

export const IDS = ['moguta', 'advantshop', 'mst', 'imagecms', 'umi'] as const
export type RegulationId = (typeof IDS)[number]

export const SHIPPED: Record<RegulationId, { text: string; data: Record<string, unknown>; paths: Path[] }> =
  Object.fromEntries(
    IDS.map((id) => {
      const text = readFileSync(new URL(`../../../regulations/${id}.yaml`, import.meta.url), 'utf8')
      const data = parse(text) as Record<string, unknown>
      return [id, { text, data, paths: pathsOf(data) }]
    }),
  ) as never

export type Path = (string | number)[]
export interface Mutant {
  id: RegulationId
  text: string
}

/** A mutant that fast-check reports by its start, not its megabytes. */
function mutant(id: RegulationId, text: string): Mutant {
  return {
    id,
    text,
    [fc.toStringMethod]: () => `${id}.yaml (${text.length} chars) ${JSON.stringify(text.slice(0, 120))}…`,
  } as Mutant
}

/** Every path to a value in the document (keys of maps, indexes of lists). */
function pathsOf(value: unknown, at: Path = [], out: Path[] = []): Path[] {
  const entries: [string | number, unknown][] = Array.isArray(value)
    ? value.map((v, i) => [i, v])
    : value !== null && typeof value === 'object'
      ? Object.entries(value)
      : []
  for (const [k, v] of entries) {
    out.push([...at, k])
    pathsOf(v, [...at, k], out)
  }
  return out
}

/** A deep copy with the value at `path` replaced (`undefined` deletes a key or list item). */
export function setAt(root: unknown, path: Path, value: unknown): unknown {
  const copy = structuredClone(root) as Record<string | number, unknown>
  let node: Record<string | number, unknown> = copy
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>
  const last = path.at(-1) as string | number
  if (value !== undefined) node[last] = value
  else if (Array.isArray(node)) node.splice(last as number, 1)
  else delete node[last]
  return copy
}

const dump = (data: unknown) => stringify(data, { lineWidth: 0, aliasDuplicateObjects: false })

const idArb = fc.constantFrom(...IDS)
/** a regulation and one of its paths */
const siteArb = idArb.chain((id) => fc.record({ id: fc.constant(id), path: fc.constantFrom(...SHIPPED[id].paths) }))

const scalarArb: fc.Arbitrary<unknown> = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.string(),
  fc.string({ unit: 'grapheme' }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom('', ' ', '25:00-26:00', '09:00-08:00', 'closed', '8x', '-1', 'NaN', 'Europe/Nowhere', '\u001b[31m'),
  fc.constantFrom(-1, 0, 0.5, 1e308, -1e308, Number.MAX_SAFE_INTEGER, Number.NaN, Number.POSITIVE_INFINITY),
)

const valueArb: fc.Arbitrary<unknown> = fc.oneof(
  scalarArb,
  fc.array(scalarArb, { maxLength: 4 }),
  fc.dictionary(fc.string({ maxLength: 8 }), scalarArb, { maxKeys: 4 }),
)

/** 1. a key (or list item) removed */
export const deleteKey: fc.Arbitrary<Mutant> = siteArb.map(({ id, path }) =>
  mutant(id, dump(setAt(SHIPPED[id].data, path, undefined))),
)

/** 2. a value replaced by a value of another type (scalar, list, map) */
export const changeType: fc.Arbitrary<Mutant> = fc
  .tuple(siteArb, valueArb)
  .map(([{ id, path }, value]) => mutant(id, dump(setAt(SHIPPED[id].data, path, value))))

/** 3. random strings and numbers in several places at once */
export const randomScalars: fc.Arbitrary<Mutant> = idArb.chain((id) =>
  fc.array(fc.tuple(fc.constantFrom(...SHIPPED[id].paths), scalarArb), { minLength: 1, maxLength: 5 }).map((edits) => {
    let data: unknown = SHIPPED[id].data
    for (const [path, value] of edits) {
      try {
        data = setAt(data, path, value)
      } catch {
        // an earlier edit replaced a parent of this path: skip it
      }
    }
    return mutant(id, dump(data))
  }),
)

const SYNTAX = [
  ':',
  ': ',
  '{',
  '}',
  '[',
  ']',
  '"',
  "'",
  '&',
  '*',
  '!',
  '!!',
  '|',
  '>',
  '- ',
  '#',
  '%',
  '@',
  '`',
  '\t',
  '\n',
  '\n  ',
  ' ',
  '\u0000',
  '\ufeff',
  '? ',
  '---\n',
  '...\n',
  '<<: ',
  '\\',
  '\r',
]

/** 4. broken YAML: stray syntax characters, deleted ranges, truncation, re-indented lines */
export const brokenSyntax: fc.Arbitrary<Mutant> = idArb.chain((id) => {
  const text = SHIPPED[id].text
  const at = fc.nat({ max: text.length })
  const lines = text.split('\n')
  return fc
    .oneof(
      fc.tuple(at, fc.constantFrom(...SYNTAX)).map(([i, s]) => text.slice(0, i) + s + text.slice(i)),
      fc.tuple(at, fc.nat({ max: 40 })).map(([i, n]) => text.slice(0, i) + text.slice(i + n)),
      at.map((i) => text.slice(0, i)),
      fc
        .tuple(fc.nat({ max: lines.length - 1 }), fc.integer({ min: -4, max: 5 }))
        .map(([l, shift]) =>
          lines
            .map((line, i) => (i !== l ? line : shift > 0 ? ' '.repeat(shift) + line : line.slice(-shift)))
            .join('\n'),
        ),
      fc
        .array(fc.tuple(at, fc.constantFrom(...SYNTAX)), { minLength: 2, maxLength: 8 })
        .map((edits) => edits.reduce((t, [i, s]) => t.slice(0, i) + s + t.slice(i), text)),
    )
    .map((t) => mutant(id, t))
})

/** 5. huge values: megabyte strings, thousands of list items, extreme numbers, long keys */
export const hugeValues: fc.Arbitrary<Mutant> = fc
  .tuple(
    siteArb,
    fc.oneof(
      fc.integer({ min: 10_000, max: 1_500_000 }).map((n) => 'ж'.repeat(n)),
      fc.integer({ min: 1_000, max: 50_000 }).map((n) => Array.from({ length: n }, (_, i) => `09:00-1${i % 10}:00`)),
      fc
        .integer({ min: 100, max: 5_000 })
        .map((n) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`k${i}`, i]))),
      fc.constantFrom(1e308, -1e308, 2 ** 53 + 1, 1e-320),
      fc.integer({ min: 1_000, max: 100_000 }).map((n) => ({ ['k'.repeat(n)]: 1 })),
    ),
  )
  .map(([{ id, path }, value]) => mutant(id, dump(setAt(SHIPPED[id].data, path, value))))

/** A value nested `depth` levels deep, written as YAML text (flow or block style). */
export function nested(depth: number, style: 'flow-list' | 'flow-map' | 'block-list' | 'block-map'): string {
  switch (style) {
    case 'flow-list':
      return `${'['.repeat(depth)}1${']'.repeat(depth)}`
    case 'flow-map':
      return `${'{a: '.repeat(depth)}1${'}'.repeat(depth)}`
    case 'block-list':
      return `\n${Array.from({ length: depth }, (_, i) => `${' '.repeat(i * 2 + 2)}-`).join('\n')} 1`
    case 'block-map':
      return `\n${Array.from({ length: depth }, (_, i) => `${' '.repeat(i * 2 + 2)}a:`).join('\n')} 1`
  }
}

/** 6. deeply nested values (up to 20,000 levels) in place of a top-level key's value */
export const deepNesting: fc.Arbitrary<Mutant> = fc
  .tuple(
    idArb,
    fc.integer({ min: 50, max: 20_000 }),
    fc.constantFrom('flow-list', 'flow-map', 'block-list', 'block-map' as const),
  )
  .chain(([id, depth, style]) =>
    fc.constantFrom(...Object.keys(SHIPPED[id].data)).map((key) => {
      const rest = dump(setAt(SHIPPED[id].data, [key], undefined))
      // block styles indent two spaces per level: keep the text under a few megabytes
      const d = style.startsWith('block') ? Math.min(depth, 1_500) : depth
      return mutant(id, `${rest}${key}: ${nested(d, style)}\n`)
    }),
  )

/** 7. a key written twice (the line repeated, at any depth) */
export const duplicateKeys: fc.Arbitrary<Mutant> = idArb.chain((id) => {
  const lines = SHIPPED[id].text.split('\n')
  const keyLines = lines.flatMap((l, i) => (/^\s*(?:- )?[A-Za-z_][\w-]*:/.test(l) ? [i] : []))
  return fc.constantFrom(...keyLines).map((i) => {
    const line = lines[i] as string
    // a list item's first key repeated inside the same item
    const copy = line.replace(/^(\s*)- /, '$1  ')
    return mutant(id, [...lines.slice(0, i + 1), copy, ...lines.slice(i + 1)].join('\n'))
  })
})

/** A "billion laughs" document fragment: `levels` anchors, each aliasing the previous one `width` times. */
export function laughs(levels: number, width: number, flow = true): string {
  const out = ['lol0: &a0 ["lol", "lol", "lol"]']
  for (let i = 1; i < levels; i++) {
    const items = Array.from({ length: width }, () => `*a${i - 1}`)
    out.push(
      flow ? `lol${i}: &a${i} [${items.join(', ')}]` : `lol${i}: &a${i}\n${items.map((x) => `  - ${x}`).join('\n')}`,
    )
  }
  return out.join('\n')
}

/** 8. anchors and aliases: "billion laughs" bombs, undefined and self-referencing aliases, merge keys */
export const aliasBombs: fc.Arbitrary<Mutant> = fc
  .tuple(
    idArb,
    fc.integer({ min: 2, max: 30 }),
    fc.integer({ min: 2, max: 12 }),
    fc.boolean(),
    fc.constantFrom('append', 'value', 'undefined', 'self', 'merge'),
  )
  .chain(([id, levels, width, flow, how]) =>
    fc.constantFrom(...Object.keys(SHIPPED[id].data)).map((key) => {
      const text = SHIPPED[id].text
      const rest = dump(setAt(SHIPPED[id].data, [key], undefined))
      const last = `a${levels - 1}`
      switch (how) {
        case 'append':
          return mutant(id, `${text}\n${laughs(levels, width, flow)}\n`)
        case 'value':
          // the bomb hidden under a real key, so validation would walk it if it were expanded
          return mutant(id, `${laughs(levels, width, flow)}\n${rest}${key}: *${last}\n`)
        case 'undefined':
          return mutant(id, `${rest}${key}: *nowhere\n`)
        case 'self':
          return mutant(id, `${rest}${key}: &loop [*loop]\n`)
        default:
          return mutant(id, `${laughs(levels, width, flow)}\n${rest}${key}:\n  <<: *${last}\n`)
      }
    }),
  )

export const CATEGORIES = {
  'deleted keys': deleteKey,
  'changed types': changeType,
  'random strings and numbers': randomScalars,
  'broken YAML syntax': brokenSyntax,
  'huge values': hugeValues,
  'deeply nested values': deepNesting,
  'duplicate keys': duplicateKeys,
  'anchors and aliases (billion laughs)': aliasBombs,
} as const
