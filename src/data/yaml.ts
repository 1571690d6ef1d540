import { LineCounter, parseDocument, visit } from 'yaml'
import type { z } from 'zod'
import type { Issue } from './issue.js'
import { locate, type Path } from './locate.js'
import { positionOf } from './position.js'

export interface ParseResult<T> {
  value?: T
  issues: Issue[]
}

/**
 * Parses YAML text and checks it against a zod schema, turning every problem into an Issue
 * at the line and column of the offending node. Pure: a string in, a value or issues out.
 */
export function parseYamlWith<T>(
  text: string,
  file: string,
  schema: z.ZodType<T>,
  extra?: (value: T, report: (path: Path, message: string, atKey?: boolean) => void) => void,
  /** checks that need no valid shape, run on the data as it is when the schema refuses it: every problem in one run */
  shapeless?: (data: unknown, report: (path: Path, message: string, atKey?: boolean) => void) => void,
): ParseResult<T> {
  if (text.length > MAX_TEXT)
    return {
      issues: [issueAt(file, 1, 1, `the file is larger than ${MAX_TEXT / 1024 / 1024} MB; is it a regulation?`)],
    }
  // read as UTF-8, a file saved in another encoding (Windows-1251 from a Russian editor) holds replacement characters
  const bad = text.indexOf('\ufffd')
  if (bad >= 0) {
    const { line, col } = positionOf(text, bad)
    return {
      issues: [issueAt(file, line, col, 'the file is not UTF-8 text (saved as Windows-1251?); save it in UTF-8')],
    }
  }
  const lineCounter = new LineCounter()
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: true, strict: true })
  // a tab where YAML wants spaces throws every line after it out of place: the tabs are the problems to show
  const tabs = doc.errors.filter((e) => e.code === 'TAB_AS_INDENT')
  const syntax = tabs.length ? tabs : [...doc.errors]
  if (syntax.length) {
    const issues = syntax
      .slice(0, MAX_ISSUES)
      .map((e) => {
        const pos = e.linePos?.[0] ?? { line: 1, col: 1 }
        // yaml repeats the position in its message: "… at line 4, column 1:", then the context lines
        return issueAt(
          file,
          pos.line,
          pos.col,
          syntaxSentence(e.code, e.message.replace(/ at line \d+, column \d+:?(?:\n[\s\S]*)?$/, '')),
        )
      })
      // a stack overflow may be reported once per level yaml was in: once is enough
      .filter((issue, i, all) => issue.message !== TOO_DEEP || all.findIndex((x) => x.message === TOO_DEEP) === i)
    const more = syntax[MAX_ISSUES]?.linePos?.[0]
    if (more) issues.push(issueAt(file, more.line, more.col, moreProblems(syntax.length - MAX_ISSUES)))
    return { issues }
  }
  let data: unknown
  try {
    // a small alias budget defeats "billion laughs" documents
    data = doc.toJS({ maxAliasCount: 50 })
  } catch (e) {
    // point at the first alias: the likely culprit of an expansion error
    let at = 0
    visit(doc, {
      Alias(_, node) {
        at = node.range?.[0] ?? 0
        return visit.BREAK
      },
    })
    const pos = lineCounter.linePos(at)
    return { issues: [issueAt(file, pos.line, pos.col, (e as Error).message)] }
  }
  const issues: Issue[] = []
  let skipped = 0
  let firstSkipped: Issue | undefined
  const issueOf = (path: Path, message: string, atKey: boolean): Issue => ({
    file,
    ...locate(doc, lineCounter, path, atKey),
    path: tidy(path.join('.')),
    message: tidy(message),
    severity: 'error',
  })
  const report = (path: Path, message: string, atKey = false) => {
    // thousands of bad keys would cost seconds to locate and bury the first problems: count the rest
    if (issues.length < MAX_ISSUES) issues.push(issueOf(path, message, atKey))
    else if (skipped++ === 0) firstSkipped = issueOf(path, message, atKey)
  }
  const finish = (): Issue[] => {
    sortIssues(issues)
    if (firstSkipped) issues.push({ ...firstSkipped, path: '', message: moreProblems(skipped) })
    return issues
  }
  if (data === null || data === undefined || typeof data !== 'object' || Array.isArray(data)) {
    report([], `expected a map of keys (schemaVersion, id, name, …), got ${kindOf(data)}`)
    return { issues }
  }
  const parsed = schema.safeParse(data)
  if (!parsed.success) {
    for (const zi of parsed.error.issues) {
      const path = zi.path as Path
      if (zi.code === 'unrecognized_keys')
        for (const key of zi.keys) report([...path, key], `unknown key "${key}"`, true)
      else report(path, zodMessage(zi, data))
    }
    shapeless?.(data, report)
    return { issues: finish() }
  }
  extra?.(parsed.data, report)
  return issues.length ? { issues: finish() } : { value: parsed.data, issues }
}

/**
 * The YAML library's syntax errors said as regdesk says its own (and so in the interface's language): by its code, the
 * commonest in words of what to look at; any other as the library words it.
 */
function syntaxSentence(code: string, message: string): string {
  if (code === 'MISSING_CHAR' && /^Missing closing "?quote/.test(message))
    return 'a quote is opened and not closed on this line'
  if (code === 'MULTILINE_IMPLICIT_KEY') return 'a key must be on one line (is a quote or a bracket not closed above?)'
  if (code === 'BAD_INDENT' && /^Flow (sequence|map)/.test(message))
    return `a ${message.startsWith('Flow map') ? '{' : '['} is opened and not closed (or what follows is not indented under it)`
  if (code === 'BAD_INDENT') return 'the keys of one map must start at the same column'
  if (code === 'DUPLICATE_KEY') return 'this key is given twice in the same map'
  if (code === 'BLOCK_AS_IMPLICIT_KEY') return 'a value holds ": " (quote it, or put the map on lines of its own)'
  if (code === 'TAB_AS_INDENT') return 'a tab is used to indent; YAML indents with spaces'
  return message
}

/** The words for the types zod names (`boolean`, `object`…), as the values a regulation file holds. */
const TYPE_WORDS: Record<string, string> = {
  boolean: 'true or false',
  object: 'a map of keys',
  array: 'a list',
  string: 'a text',
  number: 'a number',
  int: 'a whole number',
}

function zodMessage(issue: z.core.$ZodIssue, data: unknown): string {
  // zod does not report the input: look it up to tell a missing key from a wrong value
  const { found, value } = valueAt(data, issue.path)
  if (issue.code === 'invalid_type') {
    const expected = TYPE_WORDS[issue.expected] ?? issue.expected
    if (!found) return `missing required key "${String(issue.path.at(-1) ?? '')}" (expected ${expected})`
    if (/^Invalid input/.test(issue.message)) return `expected ${expected}, got ${kindOf(value)}`
  }
  // an enum's values, and the value given (zod says neither in words of the file)
  if (issue.code === 'invalid_value' && /^Invalid option/.test(issue.message))
    return `expected one of ${issue.values.map((v) => String(v)).join(', ')}, got ${kindOf(value)}`
  return issue.message
}

function valueAt(data: unknown, path: readonly PropertyKey[]): { found: boolean; value: unknown } {
  let cur: unknown = data
  for (const key of path) {
    if (cur === null || typeof cur !== 'object' || !Object.hasOwn(cur, key)) return { found: false, value: undefined }
    cur = (cur as Record<PropertyKey, unknown>)[key]
  }
  return { found: true, value: cur }
}

function kindOf(value: unknown): string {
  if (value === null || value === undefined) return 'nothing'
  if (Array.isArray(value)) return 'a list'
  if (typeof value === 'object') return 'a map'
  if (typeof value === 'string')
    return `the text ${JSON.stringify(value.length > 40 ? `${value.slice(0, 37)}...` : value)}`
  return `${typeof value === 'number' ? 'the number' : 'the value'} ${String(value)}`
}

function sortIssues(issues: Issue[]): Issue[] {
  return issues.sort((a, b) => a.line - b.line || a.col - b.col)
}

const ESCAPES: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' }

function escapeChar(c: string): string {
  return ESCAPES[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`
}

const TOO_DEEP = 'values are nested too deeply to read (hundreds of levels of lists or maps)'

/** Problems listed per file; the rest are counted. */
const MAX_ISSUES = 100

function moreProblems(n: number): string {
  return `and ${n} more problem${n === 1 ? '' : 's'} from here on (only the first ${MAX_ISSUES} are listed)`
}

/** Larger than any regulation by far (the shipped ones are under 100 KB): refuse rather than parse for minutes. */
const MAX_TEXT = 4 * 1024 * 1024

function issueAt(file: string, line: number, col: number, message: string): Issue {
  return { file, line, col, path: '', message: tidy(message), severity: 'error' }
}

/**
 * One readable line whatever the file holds: control characters escaped (a message goes to a
 * terminal), long quoted values shortened, engine wording replaced.
 */
function tidy(message: string): string {
  if (/Maximum call stack/i.test(message)) return TOO_DEEP
  const escaped = message
    // biome-ignore lint/suspicious/noControlCharactersInRegex: escaping them is the point
    .replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, escapeChar)
    .replace(/"((?:[^"\\]|\\.){61,}?)"/g, (_, inner: string) => `"${inner.slice(0, 57)}..."`)
  return escaped.length > 300 ? `${escaped.slice(0, 297)}...` : escaped
}
