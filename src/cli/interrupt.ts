/**
 * What a command has already made for good before it is interrupted (a copy committed, records stored): Ctrl-C after
 * it says so beside "cancelled" (src/cli/run.ts cancelled), so that the user does not take a made change for an
 * undone one. English, said in the interface language line by line as every note.
 */
let made: string | undefined

/** Records what stays made from now on, whatever happens next (undefined: nothing yet). */
export function madeSoFar(text: string | undefined): void {
  made = text
}

export function madeBeforeInterrupt(): string | undefined {
  return made
}
