import { isUtf8 } from 'node:buffer'
import { RegdeskError } from '../errors.js'
import { findJsonError } from '../ticket/validate.js'
import { fileLines, type ImportFile } from './text-file.js'

/** One record of a JSON import file: the line it starts on and its value (or why the line is not JSON). */
export type JsonItem = { line: number; value: unknown } | { line: number; error: string }

/**
 * The records of a helpdesk's saved API answer: a JSON array of records (each with the line it starts on), one JSON
 * object (one record), or JSON Lines (one record per line; a line that is not JSON is that record's problem).
 * @throws RegdeskError when a file that starts as an array or object is not JSON, with the line where it stops
 */
export function jsonItems(text: string): JsonItem[] {
  const start = text.search(/\S/)
  if (start < 0) return []
  if (text[start] === '[') {
    const value = parseWhole(text) as unknown[]
    const lines = elementLines(text, start)
    return value.map((v, i) => ({ line: lines[i] ?? 1, value: v }))
  }
  // one object over several lines, or JSON Lines
  const firstLineEnd = text.indexOf('\n', start)
  const firstLine = text.slice(start, firstLineEnd < 0 ? undefined : firstLineEnd)
  let oneLine = true
  try {
    JSON.parse(firstLine)
  } catch {
    oneLine = false
  }
  if (!oneLine) return [{ line: lineAt(text, start), value: parseWhole(text) }]
  return jsonLines(text)
}

/** JSON Lines: one record per non-blank line. */
export function jsonLines(text: string): JsonItem[] {
  const out: JsonItem[] = []
  let line = 0
  let from = 0
  while (from <= text.length) {
    let to = text.indexOf('\n', from)
    if (to < 0) to = text.length
    line++
    const raw = text.slice(from, to)
    from = to + 1
    if (raw.trim()) out.push(jsonLine(line, raw))
  }
  return out
}

/**
 * JSON Lines in UTF-8, as jsonLines reads their text: how many records (non-blank lines) there are, found without
 * decoding, and the records, each line decoded and parsed as it is asked for (the file read again, a piece at a
 * time). A file decoded whole is one string of twice its size, slower to decode than its lines one by one; each
 * line's string is garbage once its record is read. Undefined when the file is not UTF-8 (decodeImportText then reads
 * it as Windows-1251).
 */
export function utf8JsonLines(file: ImportFile): { count: number; items: Iterable<JsonItem> } | undefined {
  let count = 0
  for (const line of fileLines(file)) {
    // a file is valid UTF-8 when each line is: a line break is a character of its own
    if (!isUtf8(line)) return undefined
    if (!blankLine(line)) count++
  }
  return { count, items: lineItems(file) }
}

function* lineItems(file: ImportFile): Generator<JsonItem> {
  let line = 0
  for (const bytes of fileLines(file)) {
    line++
    if (!blankLine(bytes)) yield jsonLine(line, bytes.toString('utf8'))
  }
}

/** Whether a line's bytes are blank (nothing but what trim removes): decoded only when not plainly not. */
function blankLine(bytes: Buffer): boolean {
  if (!bytes.length) return true
  const first = bytes[0] as number
  // a printable ASCII character first: trim cannot make the line empty
  if (first > 32 && first < 127) return false
  return !bytes.toString('utf8').trim()
}

/** A line of JSON Lines (not blank): its value, or where it stops being JSON. */
function jsonLine(line: number, raw: string): JsonItem {
  try {
    return { line, value: JSON.parse(raw) }
  } catch {
    const problem = findJsonError(raw)
    return { line, error: problem ? `not JSON at column ${problem.offset + 1}: ${problem.message}` : 'not JSON' }
  }
}

function parseWhole(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    const problem = findJsonError(text)
    const offset = problem?.offset ?? 0
    throw new RegdeskError(`line ${lineAt(text, offset)}: not JSON: ${problem?.message ?? 'unreadable'}`)
  }
}

function lineAt(text: string, offset: number): number {
  let line = 1
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++
  return line
}

/** The line each element of the top-level array (at `start`) begins on: a scan of depth outside strings. */
function elementLines(text: string, start: number): number[] {
  const lines: number[] = []
  let line = 1
  for (let i = 0; i < start; i++) if (text.charCodeAt(i) === 10) line++
  let depth = 0
  let expecting = false
  for (let i = start; i < text.length; i++) {
    const c = text[i] as string
    if (c === '\n') {
      line++
      continue
    }
    if (c === ' ' || c === '\t' || c === '\r') continue
    if (depth === 1 && expecting && c !== ']') {
      lines.push(line)
      expecting = false
    }
    if (c === '"') {
      for (i++; i < text.length && text[i] !== '"'; i++) if (text[i] === '\\') i++
      continue
    }
    if (c === '[' || c === '{') {
      depth++
      if (depth === 1) expecting = true
    } else if (c === ']' || c === '}') depth--
    else if (c === ',' && depth === 1) expecting = true
  }
  return lines
}
