/** A size as people read it, in the units given for bytes, kilobytes and megabytes: 512 B, 14 KB, 3.2 MB. */
export function formatSize(bytes: number, [b, kb, mb]: readonly [string, string, string]): string {
  if (bytes < 1024) return `${bytes} ${b}`
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} ${kb}`
  return `${(bytes / 1024 / 1024).toFixed(1)} ${mb}`
}
