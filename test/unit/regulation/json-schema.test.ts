import { readFileSync } from 'node:fs'
import { expect, it } from 'vitest'
import { calendarJsonSchema } from '../../../src/calendar/calendar-schema.js'
import { regulationJsonSchema } from '../../../src/regulation/json-schema.js'

it('the committed editor schema is generated from the current zod schema (run `npm run schema`)', () => {
  const committed = readFileSync(new URL('../../../regulations/schema/regulation.schema.json', import.meta.url), 'utf8')
  expect(committed).toBe(regulationJsonSchema())
})

it('the committed calendar schema is up to date (run `npm run schema`)', () => {
  const committed = readFileSync(new URL('../../../regulations/schema/calendar.schema.json', import.meta.url), 'utf8')
  expect(committed).toBe(calendarJsonSchema())
})
