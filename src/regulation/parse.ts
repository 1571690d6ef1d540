import { LineCounter, parseDocument } from 'yaml'
import type { z } from 'zod'
import type { Issue } from './issue.js'
import { locate, type Path } from './locate.js'
import { type RegulationFile, regulationSchema } from './schema.js'
import { type ValidationContext, validateRegulation } from './validate.js'

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
  extra?: (value: T, report: (path: Path, message: string) => void) => void,
): ParseResult<T> {
  const lineCounter = new LineCounter()
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: true, strict: true })
  const syntax = [...doc.errors]
  if (syntax.length) {
    return {
      issues: syntax.map((e) => {
        const pos = e.linePos?.[0] ?? { line: 1, col: 1 }
        // yaml repeats the position in its message: "… at line 4, column 1:"
        const message = firstLine(e.message).replace(/ at line \d+, column \d+:?$/, '')
        return { file, line: pos.line, col: pos.col, path: '', message, severity: 'error' }
      }),
    }
  }
  let data: unknown
  try {
    // a small alias budget defeats "billion laughs" documents
    data = doc.toJS({ maxAliasCount: 50 })
  } catch (e) {
    return {
      issues: [{ file, line: 1, col: 1, path: '', message: firstLine((e as Error).message), severity: 'error' }],
    }
  }
  const issues: Issue[] = []
  const report = (path: Path, message: string, atKey = false) => {
    issues.push({ file, ...locate(doc, lineCounter, path, atKey), path: path.join('.'), message, severity: 'error' })
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
    return { issues: sortIssues(issues) }
  }
  extra?.(parsed.data, report)
  return issues.length ? { issues: sortIssues(issues) } : { value: parsed.data, issues }
}

export function parseRegulation(text: string, file: string, ctx: ValidationContext = {}): ParseResult<RegulationFile> {
  return parseYamlWith(text, file, regulationSchema, (reg, report) => validateRegulation(reg, ctx, report))
}

function zodMessage(issue: z.core.$ZodIssue, data: unknown): string {
  if (issue.code === 'invalid_type') {
    // zod does not report the input: look it up to tell a missing key from a wrong value
    const { found, value } = valueAt(data, issue.path)
    if (!found) return `missing required key "${String(issue.path.at(-1) ?? '')}" (expected ${issue.expected})`
    if (/^Invalid input/.test(issue.message)) return `expected ${issue.expected}, got ${kindOf(value)}`
  }
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

function firstLine(message: string): string {
  return message.split('\n')[0] ?? message
}
