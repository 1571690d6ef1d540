// Regenerates the editor schemas of regulations/schema/ from the zod schemas (run after `npm run build`).
import { writeFileSync } from 'node:fs'
import { calendarJsonSchema } from '../dist/calendar/calendar-schema.js'
import { regulationJsonSchema, repliesJsonSchema } from '../dist/regulation/json-schema.js'
import { lexiconJsonSchema } from '../dist/triage/lexicon/compile.js'

for (const [name, text] of [
  ['regulation.schema.json', regulationJsonSchema()],
  ['calendar.schema.json', calendarJsonSchema()],
  ['lexicon.schema.json', lexiconJsonSchema()],
  ['replies.schema.json', repliesJsonSchema()],
]) {
  const target = new URL(`../regulations/schema/${name}`, import.meta.url)
  writeFileSync(target, text)
  console.error(`wrote ${target.pathname}`)
}
