import { resolve } from 'node:path'

/** A file as messages name it: relative inside the working directory, like a compiler, absolute elsewhere. */
export function displayPath(file: string): string {
  const abs = resolve(file)
  const cwd = process.cwd()
  return abs.startsWith(`${cwd}/`) ? abs.slice(cwd.length + 1) : abs
}
