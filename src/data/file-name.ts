/**
 * A file's name as a person may see it (an attachment's, from a letter or an import): no path, no control or
 * direction characters (a right-to-left override would show "gpj.exe" as "exe.jpg").
 */
/** The name of a file that has none (a part without a file name): an interface says it in its language. */
export const UNNAMED = '(unnamed)'

export function safeFileName(name: string | null | undefined): string {
  const base = (name ?? '').split(/[\\/]/).pop() ?? ''
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is removed
  const clean = base.replace(/[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '').trim()
  return clean || UNNAMED
}

/** Whether a text is a MIME type (type/subtype, e.g. image/png): nothing else is shown beside a file's name. */
export function isMimeType(text: string): boolean {
  return /^[\w.+-]+\/[\w.+-]+$/.test(text)
}
