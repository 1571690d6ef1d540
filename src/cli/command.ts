import type { Command } from 'commander'
import { type Context, createContext, type Environment, type GlobalOptions } from './context.js'
import type { IO } from './io.js'

/** Builds the Context from the global options at the time the action runs (after parsing). */
export function contextOf(cmd: Command, io: IO, environment: Environment, repairing = false): Context {
  return createContext(io, cmd.optsWithGlobals<GlobalOptions>(), environment, repairing)
}
