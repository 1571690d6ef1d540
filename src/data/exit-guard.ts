/**
 * Steps an exit must not cut in two: a store's lock being taken or given back (src/store/json-file/lock.ts) is a
 * directory made or removed, and the lock library removes at exit only a lock it has recorded, which it does after
 * making the directory and stops doing before removing it. Ctrl-C in between (src/cli/main.ts) would leave the lock
 * behind, and the next command would wait for it to go stale. So an exit, once begun, lets no such step begin and waits
 * for those under way to end, a few milliseconds.
 */
const underWay = new Set<Promise<unknown>>()
let ending = false

/** Marks `step` as one an exit waits for; returns it. */
export function finishedBeforeExit<T>(step: Promise<T>): Promise<T> {
  underWay.add(step)
  const done = () => underWay.delete(step)
  step.then(done, done)
  return step
}

/**
 * Resolves at once unless the process is ending (Ctrl-C); then never: a step not begun by then is not begun, and the
 * process ends (src/cli/main.ts) with the code awaiting this stopped where it is.
 */
export async function notAfterExit(): Promise<void> {
  if (ending) await new Promise<never>(() => {})
}

/**
 * Begins the exit: when every step under way has ended (or `limitMs` has passed), and what followed them has run (a
 * command saying what it stored), the returned promise resolves.
 */
export async function stepsEnded(limitMs: number): Promise<void> {
  ending = true
  if (underWay.size) {
    let timer: NodeJS.Timeout | undefined
    const limit = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, limitMs)
      timer.unref()
    })
    await Promise.race([Promise.allSettled([...underWay]), limit])
    clearTimeout(timer)
  }
  // one turn of the event loop: the code awaiting a step that ended goes on to its next await
  await new Promise((resolve) => setImmediate(resolve))
}

/**
 * One turn of the event loop in a long run of synchronous work (the rows of an import), so that Ctrl-C is heard there
 * and not only when the work is done; once an exit has begun it does not resolve: the work stops where it is and the
 * process ends (src/cli/main.ts), having stored nothing that was not stored already.
 */
export async function heardExit(): Promise<void> {
  await new Promise((resolve) => setImmediate(resolve))
  await notAfterExit()
}
