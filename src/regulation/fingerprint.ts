import { createHash } from 'node:crypto'
import { compiledValue } from '../data/compiled.js'
import type { Regulation } from './load.js'

const cache = new WeakMap<Regulation, string>()

/**
 * What identifies the rules a deadline was computed from: the regulation id and a hash of the
 * parts that decide deadlines (working time with its calendar id, reaction windows, levels).
 * A reaction window records it when it opens, so `tickets show` and `tickets recompute` can tell
 * a deadline set by a regulation that has since been corrected. Quotes, topics and notes do not
 * count: rewording a clause moves no deadline.
 *
 * @example
 * regulationFingerprint(moguta) //=> 'moguta@5c1f0a9e2b7d4c31'
 */
export function regulationFingerprint(reg: Regulation): string {
  let fp = cache.get(reg)
  if (fp === undefined) {
    const decisive = decisiveText(reg)
    // a shipped regulation's is made at build time (scripts/compile-data.mjs), for the same text: hashing loads
    // node:crypto, a few milliseconds of every command that opens a reaction window
    fp = compiledValue<string>(fingerprintKey(reg.id), decisive) ?? fingerprintOf(reg.id, decisive)
    cache.set(reg, fp)
  }
  return fp
}

/** The key of a regulation's fingerprint among the compiled data. */
export function fingerprintKey(id: string): string {
  return `fingerprint:${id}`
}

/** The parts of a regulation that decide deadlines, as the text its fingerprint hashes. */
export function decisiveText(reg: Pick<Regulation, 'workingTime' | 'reactionWindows' | 'levels'>): string {
  return JSON.stringify({ workingTime: reg.workingTime, reactionWindows: reg.reactionWindows, levels: limitsOf(reg) })
}

/** The fingerprint of a regulation's decisive text: its id and the first 16 hex digits of the text's SHA-256. */
export function fingerprintOf(id: string, decisive: string): string {
  return `${id}@${createHash('sha256').update(decisive).digest('hex').slice(0, 16)}`
}

function limitsOf(reg: Pick<Regulation, 'levels'>) {
  return Object.entries(reg.levels)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([id, l]) => ({ id, limit: l.limit ?? null, target: l.target ?? null }))
}
