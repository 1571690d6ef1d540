import { z } from 'zod'
import { repliesFileSchema } from './replies-schema.js'
import { regulationSchema } from './schema.js'

/** The editor schema (regulations/schema/regulation.schema.json), derived from the zod schema. */
export function regulationJsonSchema(): string {
  const schema = z.toJSONSchema(regulationSchema, { target: 'draft-2020-12', unrepresentable: 'any' })
  return `${JSON.stringify({ ...schema, title: 'regdesk regulation', $id: 'regulation.schema.json' }, null, 2)}\n`
}

/** The editor schema of the reply wording (regulations/schema/replies.schema.json). */
export function repliesJsonSchema(): string {
  const schema = z.toJSONSchema(repliesFileSchema, { target: 'draft-2020-12', unrepresentable: 'any' })
  return `${JSON.stringify({ ...schema, title: 'regdesk reply wording', $id: 'replies.schema.json' }, null, 2)}\n`
}
