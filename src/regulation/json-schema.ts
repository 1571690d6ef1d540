import { z } from 'zod'
import { regulationSchema } from './schema.js'

/** The editor schema (regulations/schema/regulation.schema.json), derived from the zod schema. */
export function regulationJsonSchema(): string {
  const schema = z.toJSONSchema(regulationSchema, { target: 'draft-2020-12', unrepresentable: 'any' })
  return `${JSON.stringify({ ...schema, title: 'regdesk regulation', $id: 'regulation.schema.json' }, null, 2)}\n`
}
