import { MailError } from './message.js'

/** One message of a mailbox: its number (from 1) and bytes, or none when it is larger than the limit. */
export interface MboxMessage {
  number: number
  /** the message, `>From ` lines unescaped; null when it was larger than the limit (not kept) */
  bytes: Buffer | null
  /** its size in bytes (counted up to just past the limit) */
  size: number
}

const FROM = Buffer.from('From ')

/** A line start shorter than this is carried into the next chunk to decide whether it is a `From ` line. */
const CARRY = 1024

/**
 * The messages of an mboxrd mailbox, read chunk by chunk: a line starting with `From ` begins a message; `>From `,
 * `>>From `, … lose one `>` (RFC 4155 and the mboxrd convention, which also reads mboxo files right). A message
 * is held in memory only up to `maxBytes`; a larger one is given without bytes and the rest of it skipped.
 * @throws MailError when the mailbox does not start with a `From ` line
 */
export async function* splitMbox(chunks: AsyncIterable<Uint8Array>, maxBytes: number): AsyncGenerator<MboxMessage> {
  let current: { number: number; parts: Buffer[]; size: number } | null = null
  let count = 0
  let rest: Buffer | null = null
  let atLineStart = true
  const ready: MboxMessage[] = []
  const finish = () => {
    if (!current) return
    const bytes = current.size > maxBytes ? null : Buffer.concat(current.parts)
    ready.push({ number: current.number, bytes, size: current.size })
  }
  const segment = (seg: Buffer, lineStart: boolean) => {
    if (lineStart && startsWith(seg, FROM)) {
      finish()
      current = { number: ++count, parts: [], size: 0 }
      return
    }
    let line = seg
    if (lineStart && seg[0] === 0x3e) {
      let k = 0
      while (seg[k] === 0x3e) k++
      if (startsWith(seg.subarray(k), FROM)) line = seg.subarray(1)
    }
    if (!current) {
      if (line.some((b) => b > 0x20))
        throw new MailError('the mailbox does not start with a "From " line; is it an mbox file?')
      return
    }
    current.size += line.length
    if (current.size > maxBytes) current.parts = []
    else current.parts.push(line)
  }
  for await (const chunk of chunks) {
    let buf = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk)
    if (rest) {
      buf = Buffer.concat([rest, buf])
      rest = null
    }
    let pos = 0
    while (pos < buf.length) {
      const nl = buf.indexOf(0x0a, pos)
      if (nl === -1) {
        const seg = buf.subarray(pos)
        if (atLineStart && seg.length < CARRY) rest = seg
        else {
          segment(seg, atLineStart)
          atLineStart = false
        }
        break
      }
      segment(buf.subarray(pos, nl + 1), atLineStart)
      atLineStart = true
      pos = nl + 1
    }
    yield* ready.splice(0)
  }
  if (rest) segment(rest, atLineStart)
  finish()
  yield* ready.splice(0)
}

/** How many messages a mailbox holds (its `From ` lines), for a progress bar; reads the chunks once. */
export async function countMbox(chunks: AsyncIterable<Uint8Array>): Promise<number> {
  const separator = Buffer.from('\nFrom ')
  let n = 0
  // the file's start counts as a line start; a separator cut between two chunks is found in the second with
  // the end of the first (shorter than a separator, so never counted twice)
  let carry = Buffer.from('\n')
  for await (const chunk of chunks) {
    const buf = Buffer.concat([carry, chunk])
    for (let i = buf.indexOf(separator); i !== -1; i = buf.indexOf(separator, i + 1)) n++
    carry = buf.subarray(Math.max(0, buf.length - (separator.length - 1)))
  }
  return n
}

function startsWith(buf: Buffer, prefix: Buffer): boolean {
  return buf.length >= prefix.length && buf.compare(prefix, 0, prefix.length, 0, prefix.length) === 0
}
