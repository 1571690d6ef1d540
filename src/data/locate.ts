import { type Document, isMap, isPair, isScalar, isSeq, type LineCounter, type Node } from 'yaml'

export type Path = readonly (string | number)[]

/**
 * Line and column (1-based) of the deepest node along `path` that exists in the document:
 * a bad value points at the value, a missing key at the map that lacks it.
 */
export function locate(
  doc: Document,
  lineCounter: LineCounter,
  path: Path,
  /** point at the last key itself rather than its value (unknown keys) */
  atKey = false,
): { line: number; col: number } {
  let node: unknown = doc.contents
  let offset = rangeStart(node) ?? 0
  for (const [i, key] of path.entries()) {
    let next: unknown
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && keyOf(p.key) === String(key))
      if (pair) {
        next = pair.value ?? pair.key
        // a key with no value is located at the key
        if (pair.value === null || pair.value === undefined || (atKey && i === path.length - 1)) next = pair.key
      }
    } else if (isSeq(node) && typeof key === 'number') {
      next = node.items[key]
    }
    const start = rangeStart(next)
    if (next === undefined || start === undefined) break
    node = next
    offset = start
  }
  const pos = lineCounter.linePos(offset)
  return { line: pos.line, col: pos.col }
}

function keyOf(key: unknown): string | undefined {
  if (isScalar(key)) return String(key.value)
  return undefined
}

function rangeStart(node: unknown): number | undefined {
  const range = (node as Node | undefined)?.range
  return range ? range[0] : undefined
}
