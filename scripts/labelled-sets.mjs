// The labelled triage sets (test/fixtures/triage-*.yaml): training data of the scope model (scripts/compile-data.mjs)
// and the evaluation's sets (scripts/eval-triage.mjs).
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parse } from 'yaml'

export const FIXTURES = fileURLToPath(new URL('../test/fixtures/', import.meta.url))

/** Every set, by name ("fresh12" for triage-fresh12.yaml), in file-name order. */
export function readLabelledSets(dir = FIXTURES) {
  return readdirSync(dir)
    .filter((n) => /^triage-[a-z0-9-]+\.yaml$/.test(n))
    .sort()
    .map((n) => ({
      name: n.replace(/^triage-|\.yaml$/g, ''),
      file: join(dir, n),
      cases: parse(readFileSync(join(dir, n), 'utf8')).cases,
    }))
}
