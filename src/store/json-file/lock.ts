import { accessSync, constants, lstatSync, mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import lockfile from 'proper-lockfile'
import { explain } from '../../data/errno.js'
import { finishedBeforeExit, notAfterExit } from '../../data/exit-guard.js'
import { RegdeskError } from '../../errors.js'

export interface LockOptions {
  /** how long a writer waits for another writer's lock, ms (default 60 s) */
  lockTimeoutMs?: number
  /** a lock not refreshed for this long belongs to a crashed process and is taken over (default 10 s) */
  staleMs?: number
  /** called once when the wait for another writer's lock passes a second, so the user knows why nothing happens */
  onLockWait?: (staleSeconds: number) => void
  /**
   * Whether the folders above the store's own are made when missing: yes for the default store in the user's data
   * directory; no for a path someone typed, where a missing folder is more likely a typo than a wish (default yes)
   */
  makeParentFolders?: boolean
}

/** A held lock: release it once; `lost()` tells whether another process took it over meanwhile. */
export interface HeldLock {
  release(): Promise<void>
  lost(): Error | undefined
}

/**
 * The exclusive lock of a store file: proper-lockfile's `<file>.lock` directory, retried with
 * back-off until `lockTimeoutMs`; the lock of a crashed writer is taken over after `staleMs`.
 * The store's directory is created (0700; the folders above it only with makeParentFolders) and
 * the file must be writable: a rename would replace a read-only file without asking, so the mode
 * is honoured here instead.
 */
export async function lockStore(path: string, label: string, options: LockOptions = {}): Promise<HeldLock> {
  const dir = dirname(path)
  const recursive = options.makeParentFolders !== false
  try {
    mkdirSync(dir, { recursive, mode: 0o700 })
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code
    if (code !== 'EEXIST' || recursive) {
      if (code === 'ENOENT' && !recursive)
        throw new RegdeskError(
          `there is no folder ${dirname(dir)} for the store ${label}: check the path (--store), or create the folder first; nothing was written`,
        )
      throw new RegdeskError(`cannot create the store directory ${dir} (${explain(code)})`)
    }
  }
  try {
    accessSync(path, constants.W_OK)
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code
    if (code !== 'ENOENT')
      throw new RegdeskError(`the ticket store ${label} is not writable (${explain(code)}); nothing was changed`)
  }
  const timeout = options.lockTimeoutMs ?? 60_000
  const started = performance.now()
  let compromised: Error | undefined
  let told = false
  for (let attempt = 0; ; attempt++) {
    try {
      // once Ctrl-C is pressed no lock is taken: the process ends before this resolves (src/data/exit-guard.ts)
      await notAfterExit()
      // taken whole or not at all before an exit: the library removes only a lock it recorded
      const release = await finishedBeforeExit(
        lockfile.lock(path, {
          realpath: false,
          lockfilePath: `${path}.lock`,
          stale: options.staleMs ?? 10_000,
          retries: 0,
          onCompromised: (err) => {
            compromised = err
          },
        }),
      )
      return {
        lost: () => compromised,
        release: async () => {
          try {
            // the library forgets the lock before its directory is gone: an exit in between would leave it behind
            await finishedBeforeExit(release())
          } catch {
            // already released or taken over: nothing left to undo
          }
        },
      }
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code
      // a file where the lock directory goes is no lock: waiting for it to go stale only ends in ENOTDIR
      if (code === 'ELOCKED' && attempt === 0 && !isDirectory(`${path}.lock`))
        throw new RegdeskError(
          `${path}.lock is a file, not regdesk's lock (a directory); remove it if no program of yours made it; nothing was changed`,
        )
      if (code !== 'ELOCKED')
        throw new RegdeskError(
          `cannot lock the ticket store ${label} (${code ? explain(code) : (e as Error).message})${code === 'EACCES' || code === 'EPERM' || code === 'EROFS' ? `: its directory ${dir} must be writable; nothing was changed` : ''}`,
        )
      if (!told && performance.now() - started > 1_000) {
        told = true
        options.onLockWait?.(Math.round((options.staleMs ?? 10_000) / 1000))
      }
      if (performance.now() - started > timeout)
        throw new RegdeskError(
          `the ticket store ${label} is locked by another regdesk process (waited ${Math.round(timeout / 1000)} s); if none is running, remove ${path}.lock`,
        )
      await sleep(5 + Math.random() * Math.min(250, 10 * 1.5 ** attempt))
    }
  }
}

function isDirectory(path: string): boolean {
  try {
    return lstatSync(path).isDirectory()
  } catch {
    // gone meanwhile: its holder released it, and the next attempt will tell
    return true
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms))
}
