/** 1-based line and column of a character offset. */
export function positionOf(text: string, offset: number): { line: number; col: number } {
  let line = 1
  let lineStart = 0
  for (let p = text.indexOf('\n'); p !== -1 && p < offset; p = text.indexOf('\n', p + 1)) {
    line++
    lineStart = p + 1
  }
  return { line, col: offset - lineStart + 1 }
}
