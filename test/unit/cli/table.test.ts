import { describe, expect, it } from 'vitest'
import { fitLine, longestLine } from '../../../src/cli/output/table.js'

// What a terminal shows: a CJK character or an emoji shown as a picture takes two columns, as the table library
// (string-width) counts them; measured otherwise, a cell overflows its column and the library cuts it again.
describe('screen columns (src/cli/output/table.ts)', () => {
  it.each([
    ['Олег Петров', 11],
    ['王小明', 6],
    ['✅ готово', 9],
    ['🚀🫡', 4],
  ])('%s takes %i columns', (text, columns) => {
    expect(longestLine(text)).toBe(columns)
  })

  it('cuts a line by columns, never half an emoji', () => {
    expect(fitLine('✅✅✅ Олег', 6)).toBe('✅✅…')
    expect(fitLine('王小明 李四', 6)).toBe('王小…')
    expect(fitLine('Олег', 6)).toBe('Олег')
  })
})
