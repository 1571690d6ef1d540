import { createInterface } from 'node:readline'
import type { Writable } from 'node:stream'

/**
 * JSON Lines in, JSON Lines out, in order and streaming: each input line (blank lines skipped) is answered by the
 * object `answer` gives, written in chunks of ~64 KB that wait for the output to drain (back-pressure), so memory stays
 * flat whatever the input size. `answer` must not throw for a bad line: it answers with an error object.
 * @throws the error of reading the input, after what was answered so far is written
 */
export async function mapJsonLines(
  input: NodeJS.ReadableStream,
  output: Writable,
  answer: (line: string, lineNo: number) => unknown,
): Promise<void> {
  const lines = createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY })
  let buffer = ''
  let lineNo = 0
  const flush = async () => {
    if (!buffer) return
    const chunk = buffer
    buffer = ''
    if (!output.write(chunk)) await new Promise<void>((resolve) => output.once('drain', () => resolve()))
  }
  try {
    for await (const line of lines) {
      lineNo++
      if (!line.trim()) continue
      buffer += `${JSON.stringify(answer(line, lineNo))}\n`
      if (buffer.length > 64 * 1024) await flush()
    }
  } finally {
    await flush()
  }
}
