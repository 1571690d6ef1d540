import type { ScopeModelSlice } from './scope-model.js'

/**
 * One regulation's weights as a hash table in bytes, the form the build writes (dist/compiled/model_<id>.bin): a command
 * reads the file and looks a request's few dozen features up in it, with nothing to decode, parse or index first (the
 * JSON slice cost a short command about 7 ms before its first request). Little-endian:
 *   0  uint32 format (TABLE_FORMAT)   4  uint32 slots (a power of two)   8  float64 bias
 *   16 slots × (int32 hash, int32 second hash, int32 weight × 10,000), an empty slot all zero
 * A feature is known by two 32-bit hashes of its UTF-16 code units: two different features alike in both (one chance
 * in 2^64 for a lookup) would share a weight. Weights are kept to 1e-4 (training.ts rounds them so), exactly.
 */
export const TABLE_FORMAT = 1

const HEADER_BYTES = 16
const SLOT_INTS = 3
const WEIGHT_SCALE = 10_000

/** The two hashes of a feature: FNV-1a and a multiply-xorshift one, over its UTF-16 code units. */
function hashes(feature: string): [number, number] {
  let a = 0x811c9dc5
  let b = 0x9747b28c
  for (let i = 0; i < feature.length; i++) {
    const c = feature.charCodeAt(i)
    a = Math.imul(a ^ c, 0x01000193)
    b = Math.imul(b ^ c, 0x5bd1e995)
    b ^= b >>> 15
  }
  // a slot whose two hashes are both zero is empty: a feature's second hash never is
  return [a | 0, b | 0 || 1]
}

/** The table of a slice (the build's, or a model trained on first use), half full at most. */
export function tableBytes(slice: ScopeModelSlice): Uint8Array {
  const features = slice.features ? slice.features.split('\n') : []
  let slots = 1
  while (slots < features.length * 2) slots *= 2
  const bytes = new Uint8Array(HEADER_BYTES + slots * SLOT_INTS * 4)
  const view = new DataView(bytes.buffer)
  view.setUint32(0, TABLE_FORMAT, true)
  view.setUint32(4, slots, true)
  view.setFloat64(8, slice.bias, true)
  const ints = new Int32Array(bytes.buffer, HEADER_BYTES)
  features.forEach((feature, k) => {
    const [a, b] = hashes(feature)
    let i = a & (slots - 1)
    while (ints[i * SLOT_INTS + 1] !== 0) i = (i + 1) & (slots - 1)
    ints[i * SLOT_INTS] = a
    ints[i * SLOT_INTS + 1] = b
    ints[i * SLOT_INTS + 2] = Math.round((slice.weights[k] ?? 0) * WEIGHT_SCALE)
  })
  return bytes
}

/** A table read back: its bias and each feature's weight (0 for a feature it does not hold). */
export class WeightTable {
  readonly bias: number
  private readonly ints: Int32Array
  private readonly mask: number

  /** @throws Error when the bytes are not a table of this format (a file cut short or of another build) */
  constructor(bytes: Uint8Array) {
    // Int32Array needs its start on a multiple of 4: a Buffer from a pool may not be
    const own = bytes.byteOffset % 4 === 0 ? bytes : bytes.slice()
    const view = new DataView(own.buffer, own.byteOffset, own.byteLength)
    const slots = own.byteLength >= HEADER_BYTES ? view.getUint32(4, true) : 0
    if (
      slots === 0 ||
      view.getUint32(0, true) !== TABLE_FORMAT ||
      (slots & (slots - 1)) !== 0 ||
      own.byteLength !== HEADER_BYTES + slots * SLOT_INTS * 4
    )
      throw new Error('not a scope model table of this regdesk')
    this.bias = view.getFloat64(8, true)
    this.ints = new Int32Array(own.buffer, own.byteOffset + HEADER_BYTES, slots * SLOT_INTS)
    this.mask = slots - 1
  }

  weightOf(feature: string): number {
    const [a, b] = hashes(feature)
    const { ints, mask } = this
    for (let i = a & mask; ; i = (i + 1) & mask) {
      const second = ints[i * SLOT_INTS + 1]
      if (second === 0) return 0
      if (second === b && ints[i * SLOT_INTS] === a) return (ints[i * SLOT_INTS + 2] as number) / WEIGHT_SCALE
    }
  }
}
