import type { Regulation } from '../regulation/load.js'

/** The product id a user typed: an id, a name as the source writes it ("Fenix+ 2") or an alias, any case. */
export function resolveProduct(reg: Regulation, text: string): string | undefined {
  const wanted = squash(text)
  return reg.products?.find((p) => [p.id, p.name, ...(p.aliases ?? [])].some((n) => squash(n) === wanted))?.id
}

function squash(s: string): string {
  return s
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/[\s_-]+/g, '')
}

/**
 * The product a request names ("после обновления Феникс+ 2 не запускается"): the one product it names; none when it
 * names several (a comparison, a move from one to another) or none. Names are matched whole, the longest first:
 * "Fenix+ 3" is not "Fenix+", "Fenix Server Academy" is not "Fenix Server".
 */
export function productNamedIn(reg: Regulation, text: string): string | undefined {
  const named = new Set<string>()
  const lower = lowered(text)
  const taken: [number, number][] = []
  for (const { id, name, at } of nameOccurrences(reg, lower)) {
    if (taken.some(([from, to]) => at < to && at + name.length > from)) continue
    taken.push([at, at + name.length])
    named.add(id)
  }
  return named.size === 1 ? [...named][0] : undefined
}

/** A product name as it is looked for: in lower case, «ё» as «е», as the text it is looked for in. */
function lowered(s: string): string {
  return s.toLowerCase().replace(/ё/g, 'е')
}

/** A name to look for: its product's id ('' for a family no product is), as the source writes it, and lowered. */
interface ProductName {
  id: string
  shown: string
  name: string
  /** some products carry it with a generation number ("FireGuard" of "FireGuard 2", "FireGuard 3") */
  family: boolean
}

/**
 * The names of a regulation's products and of their families, longest first, made once per regulation (every
 * request of an import is looked through them). A number after a name that is no family is not taken for a
 * generation: "Fenix Server 2 пользователя" counts users.
 */
function productNames(reg: Regulation): { names: readonly ProductName[]; known: ReadonlySet<string> } {
  let made = namesOf.get(reg)
  if (made) return made
  const products = (reg.products ?? []).flatMap((p) =>
    [p.name, ...(p.aliases ?? [])].map((n) => ({ id: p.id, shown: n, name: lowered(n) })),
  )
  const known = new Set(products.map((n) => squash(n.name)))
  const familyNames = new Set(products.flatMap(({ shown }) => /^(.*[^\s\d])\s*\d$/u.exec(shown)?.[1] ?? []))
  const family = new Set([...familyNames].map(squash))
  const families = [...familyNames]
    .filter((f) => !known.has(squash(f)))
    .map((f) => ({ id: '', shown: f, name: lowered(f) }))
  const names = [...products, ...families]
    .map((n) => ({ ...n, family: family.has(squash(n.name)) }))
    .sort((a, b) => b.name.length - a.name.length)
  made = { names, known }
  namesOf.set(reg, made)
  return made
}

const namesOf = new WeakMap<Regulation, { names: readonly ProductName[]; known: ReadonlySet<string> }>()

/**
 * Every occurrence of every product name in the text, longest names first. A name followed by a generation number
 * no product has ("Fenix+ 4", "FireGuard 5") is a product of the family the regulation does not list: it is found
 * under that name as written, which no product id is, so the request is refused as for an unsupported product.
 */
function nameOccurrences(reg: Regulation, lower: string): { id: string; name: string; at: number }[] {
  const { names, known } = productNames(reg)
  const found: { id: string; name: string; at: number }[] = []
  for (const { id, shown, name, family } of names) {
    let at = lower.indexOf(name)
    while (at >= 0) {
      const before = lower[at - 1] ?? ' '
      const after = lower.slice(at + name.length)
      // whole names only: "fenix 2" is not in "fenix 2019", "fenix+" is not in "fenix+ 3"; a number after a name no
      // product carries with a generation counts something ("Fenix+ Academy 5 слушателей", "Fenix Server 2 пользователя")
      if (!/[\p{L}\p{N}]/u.test(before)) {
        const numbered = /^\s*[-+]?\s*\d/u.test(after)
        if (!/^[\p{L}\p{N}]/u.test(after) && !(numbered && family)) {
          if (id) found.push({ id, name, at })
        } else {
          const generation = family ? /^\s*(\d)(?![\p{L}\p{N}]|[.,]\d)/u.exec(after) : null
          if (generation && !known.has(squash(`${name}${generation[1]}`)))
            found.push({ id: `${shown} ${generation[1]}`, name: `${name}${generation[0]}`, at })
        }
      }
      at = lower.indexOf(name, at + 1)
    }
  }
  return found
}
