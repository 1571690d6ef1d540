import { createRequire } from 'node:module'
import type { IO } from '../io.js'

/** How far a long command has got: items done of a total (or a count when the total is not known). */
export interface Progress {
  /** `done` items of the total are finished */
  update(done: number): void
  /** one more (or `by` more) item finished */
  increment(by?: number): void
  /** the work is over: the bar is cleared, so what the command prints next starts on a clean line */
  stop(): void
}

const NO_PROGRESS: Progress = { update() {}, increment() {}, stop() {} }

/** Bars drawn and not yet stopped: an error stops them (src/cli/run.ts) before its sentence is written. */
const drawn = new Set<Bar>()

/** Clears every bar still drawn, so that an error message starts on a clean line. */
export function stopAllProgress(): void {
  for (const bar of drawn) bar.stop()
  drawn.clear()
}

/** A bar appears only once the work has taken this long: a quick run shows (and loads) nothing. */
const SHOW_AFTER_MS = 700

type Bar = import('cli-progress').SingleBar
type CliProgress = typeof import('cli-progress')

/**
 * Progress of a long command (batch, import, a mailbox, a report over a big store) on stderr, drawn only when stderr
 * is a terminal and not in CI (`io.showsProgress`): stdout stays clean and pipes and logs get nothing. cli-progress
 * is loaded on the first draw, so short runs do not pay for it. `label` is already in the interface's language.
 */
export function startProgress(io: IO, label: string, total?: number, clock: () => number = Date.now): Progress {
  if (!io.showsProgress) return NO_PROGRESS
  const started = clock()
  let done = 0
  let bar: Bar | undefined
  const draw = () => {
    if (bar) {
      bar.update(done)
      return
    }
    if (clock() - started < SHOW_AFTER_MS) return
    const { SingleBar } = createRequire(import.meta.url)('cli-progress') as CliProgress
    const counted = total === undefined || total <= 0
    bar = new SingleBar({
      stream: io.prompts,
      format: counted ? `${label} {value}` : `${label} [{bar}] {percentage}% {value}/{total}`,
      barsize: 24,
      hideCursor: true,
      clearOnComplete: true,
      linewrap: false,
    })
    bar.start(counted ? 0 : (total as number), done)
    drawn.add(bar)
  }
  return {
    update(value) {
      done = value
      draw()
    },
    increment(by = 1) {
      done += by
      draw()
    },
    stop() {
      if (!bar || !drawn.delete(bar)) return
      bar.stop()
    },
  }
}
