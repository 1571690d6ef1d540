import { describe, expect, it } from 'vitest'
import { commandsFor } from '../../../src/cli/program.js'

describe('commandsFor: only the command that runs is loaded', () => {
  const all = commandsFor([])
  it.each([
    [['triage', '--json', 'text'], ['triage']],
    [['--now', '2026-11-20T15:00+03:00', 'tickets', 'list'], ['tickets']],
    [['--store', 'report', 'overdue'], ['overdue']],
    [['--now=2026-11-20T15:00+03:00', 'report'], ['report']],
    [['reg', 'list'], ['regulations']],
    [['--version'], []],
    [['-V'], []],
  ])('%j → %j', (args, expected) => expect(commandsFor(args)).toEqual(expected))

  it('help, nothing and a mistyped command load every command', () => {
    expect(all).toContain('triage')
    expect(all).toContain('store')
    expect(all).toContain('completion')
    expect(all).toHaveLength(12)
    for (const args of [['--help'], ['help', 'triage'], ['triag'], ['--', 'triage']])
      expect(commandsFor(args)).toEqual(all)
  })
})
