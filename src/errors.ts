import type { Issue } from './data/issue.js'

/** Exit codes of the CLI (README.md, "Exit codes"). */
export const ExitCode = { Ok: 0, Failure: 1, Usage: 2, InvalidData: 3, Found: 4, Cancelled: 130 } as const

/** A failure the user can act on; its message is one sentence, shown without a stack trace. */
export class RegdeskError extends Error {
  readonly exitCode: number = ExitCode.Failure
}

/** Bad command line: unknown option, bad value, missing flag. */
export class UsageError extends RegdeskError {
  override readonly exitCode = ExitCode.Usage
}

/** Something named does not exist (a ticket id, a regulation id). */
export class NotFoundError extends RegdeskError {}

/** A data file (regulation, calendar, store) failed to parse or validate. */
export class DataError extends RegdeskError {
  override readonly exitCode = ExitCode.InvalidData
  constructor(readonly issues: Issue[]) {
    const files = new Set(issues.map((i) => i.file)).size
    super(`${issues.length} problem${issues.length === 1 ? '' : 's'} in ${files} file${files === 1 ? '' : 's'}`)
  }
}

/**
 * Not a failure: a check found what it looks for (`overdue --check`: overdue tickets). Its message is a statement
 * ("2 tickets are overdue"), printed as it is, and the exit code says so (4).
 */
export class FoundError extends RegdeskError {
  override readonly exitCode = ExitCode.Found
}

export class CancelledError extends RegdeskError {
  override readonly exitCode = ExitCode.Cancelled
}

/** A store written by a newer regdesk (a file format or a database schema it does not know): refused, left as it is. */
export class NewerStoreError extends RegdeskError {
  override readonly exitCode = ExitCode.InvalidData
}

/** A store could not be reached or did not answer (a server down, a lost connection): nothing was changed. */
export class StoreUnavailableError extends RegdeskError {}
