/** What a system call's error code means, in words a support agent reads (messages say the code and this). */
const REASONS: Record<string, string> = {
  ENOENT: 'no such file or directory',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EISDIR: 'it is a directory, not a file',
  ENOTDIR: 'a parent is not a directory',
  EROFS: 'read-only file system',
  ELOOP: 'too many symbolic links',
  ENOSPC: 'no space left on the device',
  EFBIG: 'the file is larger than allowed',
}

/** An errno code with its meaning: "EACCES: permission denied". */
export function explain(code: string | undefined): string {
  if (!code) return 'error'
  return REASONS[code] ? `${code}: ${REASONS[code]}` : code
}
