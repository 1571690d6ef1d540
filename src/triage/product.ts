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
  const lower = text.toLowerCase().replace(/ё/g, 'е')
  const taken: [number, number][] = []
  for (const { id, name, at } of nameOccurrences(reg, lower)) {
    if (taken.some(([from, to]) => at < to && at + name.length > from)) continue
    taken.push([at, at + name.length])
    named.add(id)
  }
  return named.size === 1 ? [...named][0] : undefined
}

/**
 * Every occurrence of every product name in the text, longest names first. A name followed by a generation number
 * no product has ("Fenix+ 4", "FireGuard 5") is a product of the family the regulation does not list: it is found
 * under that name as written, which no product id is, so the request is refused as for an unsupported product.
 */
function nameOccurrences(reg: Regulation, lower: string): { id: string; name: string; at: number }[] {
  const products = (reg.products ?? []).flatMap((p) =>
    [p.name, ...(p.aliases ?? [])].map((n) => ({ id: p.id, shown: n, name: n.toLowerCase().replace(/ё/g, 'е') })),
  )
  const known = new Set(products.map((n) => squash(n.name)))
  // a family is a name some products carry with a generation number ("FireGuard" of "FireGuard 2", "FireGuard 3"; a
  // number after another name is not taken for one: "Fenix Server 2 пользователя" counts users)
  const familyNames = new Set(products.flatMap(({ shown }) => /^(.*[^\s\d])\s*\d$/u.exec(shown)?.[1] ?? []))
  const families = [...familyNames]
    .filter((f) => !known.has(squash(f)))
    .map((f) => ({ id: '', shown: f, name: f.toLowerCase().replace(/ё/g, 'е') }))
  const family = new Set([...familyNames].map(squash))
  const names = [...products, ...families].sort((a, b) => b.name.length - a.name.length)
  const found: { id: string; name: string; at: number }[] = []
  for (const { id, shown, name } of names) {
    let at = lower.indexOf(name)
    while (at >= 0) {
      const before = lower[at - 1] ?? ' '
      const after = lower.slice(at + name.length)
      // whole names only: "fenix 2" is not in "fenix 2019", "fenix+" is not in "fenix+ 3"; a number after a name no
      // product carries with a generation counts something ("Fenix+ Academy 5 слушателей", "Fenix Server 2 пользователя")
      if (!/[\p{L}\p{N}]/u.test(before)) {
        const numbered = /^\s*[-+]?\s*\d/u.test(after)
        if (!/^[\p{L}\p{N}]/u.test(after) && !(numbered && family.has(squash(name)))) {
          if (id) found.push({ id, name, at })
        } else {
          const generation = family.has(squash(name)) ? /^\s*(\d)(?![\p{L}\p{N}]|[.,]\d)/u.exec(after) : null
          if (generation && !known.has(squash(`${name}${generation[1]}`)))
            found.push({ id: `${shown} ${generation[1]}`, name: `${name}${generation[0]}`, at })
        }
      }
      at = lower.indexOf(name, at + 1)
    }
  }
  return found
}
