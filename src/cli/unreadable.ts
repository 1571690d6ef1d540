import { explain } from '../data/errno.js'
import { RegdeskError } from '../errors.js'

/**
 * The error of a file the user named that cannot be read: a failure (exit 1, as `regdesk --help` says), with the
 * reason in words ("ENOENT: no such file or directory"), the same from every command.
 */
export function unreadable(file: string, e: unknown): RegdeskError {
  return new RegdeskError(`cannot read ${file} (${explain((e as NodeJS.ErrnoException).code)})`)
}
