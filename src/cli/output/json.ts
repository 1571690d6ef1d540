import type { IO } from '../io.js'

/** Exactly one JSON document on stdout. */
export function writeJson(io: IO, value: unknown): void {
  io.out(`${JSON.stringify(value, null, 2)}\n`)
}

/**
 * A JSON array with one item per line, written in chunks as it is built and only as fast as the
 * reader takes them: a list of 100,000 tickets never becomes one 200 MB string, nor a queue of
 * chunks waiting for a slow pipe.
 */
export async function writeJsonArray<T>(
  io: IO,
  items: AsyncIterable<T> | Iterable<T>,
  view: (item: T) => unknown,
): Promise<void> {
  let chunk = ''
  let first = true
  for await (const item of items) {
    chunk += `${first ? '[\n' : ',\n'}${JSON.stringify(view(item))}`
    first = false
    if (chunk.length > 1 << 20) {
      io.out(chunk)
      chunk = ''
      // io.out writes to io.stdout (processIO): wait for the reader when that stream's buffer is full
      if (io.stdout.writableNeedDrain) await new Promise<void>((resolve) => io.stdout.once('drain', resolve))
    }
  }
  io.out(first ? '[]\n' : `${chunk}\n]\n`)
}
