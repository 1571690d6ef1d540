/**
 * A list of stems grouped for the look-ups topic scoring makes for each stem of a request (score.ts): the stems that
 * may begin with it or that it may begin, and those one edit away. A stem related in either way shares its first
 * letter, or differs from it only there: a letter put before it, taken from its start, or changed. So a look-up reads
 * one letter's group and three exact keys, not the whole list.
 */
export class StemList {
  private readonly all: ReadonlySet<string>
  private readonly byFirst = new Map<string, string[]>()
  /** stem without its first letter → the stems */
  private readonly byTail = new Map<string, string[]>()

  constructor(stems: Iterable<string>) {
    this.all = new Set(stems)
    for (const v of this.all) {
      add(this.byFirst, v.charAt(0), v)
      add(this.byTail, v.slice(1), v)
    }
  }

  /** Every stem of the list that may begin `s`, begin with it or be one edit from it (and others: check each). */
  candidates(s: string): string[] {
    const first = s.charAt(0)
    const out = [...(this.byFirst.get(first) ?? [])]
    // a letter before s (v = c + s), the first letter of s taken (v = s without it), or changed (v = c + the rest)
    for (const v of this.byTail.get(s) ?? []) if (v.charAt(0) !== first) out.push(v)
    const rest = s.slice(1)
    if (rest && rest.charAt(0) !== first && this.all.has(rest)) out.push(rest)
    for (const v of this.byTail.get(rest) ?? []) if (v.charAt(0) !== first) out.push(v)
    return out
  }
}

function add(map: Map<string, string[]>, key: string, stem: string): void {
  const list = map.get(key)
  if (list) list.push(stem)
  else map.set(key, [stem])
}
