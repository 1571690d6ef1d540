/** One problem found in a data file, at the position of the offending node. */
export interface Issue {
  file: string
  line: number
  col: number
  /** dotted path of the offending key, e.g. "levels.standard.limit.unit"; "" for syntax errors */
  path: string
  message: string
  severity: 'error' | 'warning'
}

export function formatIssue(issue: Issue): string {
  return `${issue.file}:${issue.line}:${issue.col}: ${issue.severity}: ${issue.path ? `${issue.path}: ` : ''}${issue.message}`
}
