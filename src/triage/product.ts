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
