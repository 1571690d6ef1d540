// Regenerates regulations/schema/regulation.schema.json from the zod schema (run after `npm run build`).
import { writeFileSync } from 'node:fs'
import { regulationJsonSchema } from '../dist/regulation/json-schema.js'

const target = new URL('../regulations/schema/regulation.schema.json', import.meta.url)
writeFileSync(target, regulationJsonSchema())
console.error(`wrote ${target.pathname}`)
