import { replaceFile } from '../data/atomic-file.js'
import { explain } from '../data/errno.js'
import { RegdeskError } from '../errors.js'
import { storeLabel } from './store.js'

/** Documents and images a file name may ask for that regdesk does not write: text in them would be a broken file. */
const NOT_WRITTEN: ReadonlySet<string> = new Set([
  'pdf',
  'xlsx',
  'xls',
  'docx',
  'doc',
  'odt',
  'ods',
  'png',
  'jpg',
  'svg',
])

/** Spreadsheets: a CSV for Excel (--excel) is what regdesk writes for them. */
const SPREADSHEETS: ReadonlySet<string> = new Set(['xlsx', 'xls', 'ods'])

/**
 * Why -o `file` is refused when its extension names a document regdesk does not write (undefined when it may be
 * written): for a spreadsheet, the CSV for Excel to write instead; else `otherwise`, what the command writes.
 */
export function notWrittenReason(file: string | undefined, otherwise: string): string | undefined {
  const extension = extensionOf(file)
  if (extension === undefined || !NOT_WRITTEN.has(extension)) return undefined
  const instead = SPREADSHEETS.has(extension)
    ? `write -o ${file?.replace(/\.[^.]+$/, '.csv')} --excel (Excel opens it)`
    : otherwise
  return `regdesk does not write .${extension} files; ${instead}`
}

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
