import { replaceFile } from '../data/atomic-file.js'
import { explain } from '../data/errno.js'
import { RegdeskError } from '../errors.js'
import { storeLabel } from './store.js'

/** The extension of a file named with -o (lower case, without the dot); undefined when it has none. */
export function extensionOf(file: string | undefined): string | undefined {
  return file?.match(/\.([^./\\]+)$/)?.[1]?.toLowerCase()
}

/**
 * Writes a command's output to the file named with -o, whole or not at all: readable by others as any document, or
 * `mode` (an export of tickets is private to its owner, as the store is); a file that exists keeps its mode.
 * @throws RegdeskError, the reason in words, when it cannot be written (exit 1)
 */
export function writeOutputFile(file: string, text: string, mode = 0o644): void {
  // «reports/» names a folder, existing or not: the temporary file would go inside it and the rename fail as ENOTDIR
  if (/[\\/]$/.test(file)) throw new RegdeskError(`cannot write ${storeLabel(file)} (${explain('EISDIR')})`)
  try {
    replaceFile(file, text, mode)
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code
    throw new RegdeskError(`cannot write ${storeLabel(file)} (${code ? explain(code) : (e as Error).message})`)
  }
}
