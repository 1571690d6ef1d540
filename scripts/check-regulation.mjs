// Dev helper: validate regulation files with the built loader and print every issue.
// Usage: npm run build && node scripts/check-regulation.mjs regulations/moguta.yaml [...]
import { readFileSync } from 'node:fs'
import { basename } from 'node:path'
import { formatIssue } from '../dist/data/issue.js'
import { parseRegulation } from '../dist/regulation/parse.js'

let bad = 0
for (const file of process.argv.slice(2)) {
  const { value, issues } = parseRegulation(readFileSync(file, 'utf8'), file, {
    fileId: basename(file).replace(/\.ya?ml$/, ''),
    calendars: ['ru'],
  })
  for (const i of issues) console.log(formatIssue(i))
  if (value) console.log(`${file}: ok (${value.topics.length} topics, ${Object.keys(value.levels).length} levels)`)
  else bad++
}
process.exitCode = bad ? 3 : 0
