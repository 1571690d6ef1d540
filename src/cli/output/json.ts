import type { IO } from '../io.js'

/** Exactly one JSON document on stdout. */
export function writeJson(io: IO, value: unknown): void {
  io.out(`${JSON.stringify(value, null, 2)}\n`)
}
