// Regenerates regulations/schema/regulation.schema.json from the zod schema (run after `npm run build`).
import { writeFileSync } from 'node:fs'
import { calendarJsonSchema } from '../dist/calendar/calendar-schema.js'
import { regulationJsonSchema } from '../dist/regulation/json-schema.js'

for (const [name, text] of [
  ['regulation.schema.json', regulationJsonSchema()],
  ['calendar.schema.json', calendarJsonSchema()],
]) {
  const target = new URL(`../regulations/schema/${name}`, import.meta.url)
  writeFileSync(target, text)
  console.error(`wrote ${target.pathname}`)
}
