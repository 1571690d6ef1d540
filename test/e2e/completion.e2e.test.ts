import { chmodSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { execa } from 'execa'
import { describe, expect, it } from 'vitest'
import { BIN, regdesk, tempDir } from './regdesk.js'

/** Issue 18: `regdesk completion bash`, sourced in a real bash, completes what regdesk knows. */
describe('shell completion', () => {
  async function complete(line: string[], store?: string): Promise<string[]> {
    const dir = tempDir()
    // `regdesk` on the PATH, as an installed one would be
    const bin = join(dir, 'regdesk')
    writeFileSync(bin, `#!/bin/sh\nexec "${process.execPath}" "${BIN}" "$@"\n`)
    chmodSync(bin, 0o755)
    const script = (await regdesk(['completion', 'bash'])).stdout
    writeFileSync(join(dir, 'completion.bash'), script)
    const words = ['regdesk', ...line].map((w) => `'${w}'`).join(' ')
    const r = await execa(
      'bash',
      [
        '-c',
        `source "${join(dir, 'completion.bash')}"; COMP_WORDS=(${words}); COMP_CWORD=${line.length}; _regdesk; printf '%s\\n' "\${COMPREPLY[@]}"`,
      ],
      {
        env: {
          PATH: `${dir}:${process.env.PATH}`,
          HOME: dir,
          XDG_CONFIG_HOME: join(dir, 'config'),
          REGDESK_STORE: store ?? join(dir, 'tickets.json'),
        },
        extendEnv: false,
        reject: false,
      },
    )
    return r.stdout.split('\n').filter(Boolean)
  }

  it('commands, subcommands and options', async () => {
    expect(await complete(['tri'])).toEqual(['triage'])
    expect(await complete(['tickets', 're'])).toEqual(['recompute', 'reopen', 'reply', 'resolve', 'respond'])
    expect(await complete(['triage', '--cha'])).toEqual(['--channel'])
  })

  it('regulation ids, levels and tiers of the regulation given, channels', async () => {
    expect(await complete(['triage', '-r', ''])).toEqual(['advantshop', 'imagecms', 'moguta', 'mst', 'umi'])
    expect(await complete(['deadline', '-r', 'advantshop', '--level', ''])).toEqual([
      'consulting',
      'development',
      'free',
      'partner',
    ])
    expect(await complete(['triage', '-r', 'imagecms', '-t', ''])).toEqual(['none', 'premium', 'pro', 'via-partner'])
    expect(await complete(['triage', '-r', 'moguta', '-c', 'fo'])).toEqual(['form'])
  })

  it('ticket ids from the store', async () => {
    const store = join(tempDir(), 'tickets.json')
    for (const text of ['не работает корзина', 'ошибка 500'])
      expect((await regdesk(['tickets', 'add', '-r', 'umi', text], { REGDESK_STORE: store })).exitCode).toBe(0)
    expect(await complete(['tickets', 'show', 'UM'], store)).toEqual(['UM-000001', 'UM-000002'])
    // after the ticket id of `tickets level`, the levels of the ticket's regulation
    expect(await complete(['tickets', 'level', 'UM-000001', ''], store)).toEqual([
      'consulting',
      'development',
      'support',
    ])
  })

  it('--json gives the script in one JSON document', async () => {
    const r = await regdesk(['completion', 'zsh', '--json'])
    expect(r.exitCode).toBe(0)
    const doc = JSON.parse(r.stdout)
    expect(doc.shell).toBe('zsh')
    expect(doc.script).toBe(`${(await regdesk(['completion', 'zsh'])).stdout}\n`)
  })

  it('an unknown shell is a usage error', async () => {
    const r = await regdesk(['completion', 'tcsh'])
    expect(r.exitCode).toBe(2)
    expect(r.stderr).toBe('error: unknown shell "tcsh"; shells: bash, zsh, fish')
  })
})
