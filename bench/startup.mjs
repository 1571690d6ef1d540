// 2. Start-up: wall time of short commands, medians of interleaved runs, each beside bare
// `node -e 0` measured in the same run.
import { join } from 'node:path'
import { BIN, childEnv, DATA, fmtRatio, interleaved, row } from './lib.mjs'

const S = 'start-up'

export function benchStartup({ quick }) {
  const runs = quick ? 7 : 25
  const env = childEnv({ REGDESK_STORE: join(DATA, 'startup-store.tickets') })
  const text =
    'После обновления до 10.11 сайт mebel-divan.ru показывает белый экран, в админку не пускает. Ключ 8F3K-22QX-7LMN-0PRT'
  const commands = [
    { what: 'node -e 0 (the floor)', args: ['-e', '0'] },
    { what: 'regdesk --version', args: [BIN, '--version'] },
    {
      what: 'regdesk triage --json "…" (moguta, 115 characters)',
      args: [BIN, 'triage', '--json', '-r', 'moguta', '--received-at', '2026-11-20T15:00+03:00', text],
      target: ['≤ 2 × the floor', (ms, floor) => ms <= 2 * floor],
    },
    {
      what: 'regdesk deadline --json (moguta, default level)',
      args: [BIN, 'deadline', '--json', '-r', 'moguta', '--received-at', '2026-11-20T15:00+03:00'],
    },
    { what: 'regdesk regulations list --json', args: [BIN, 'regulations', 'list', '--json'] },
  ]
  const medians = interleaved(
    commands.map((c) => ({ args: c.args, opts: { env } })),
    runs,
  )
  const floor = medians[0]
  commands.forEach((c, i) => {
    const ms = medians[i]
    if (i === 0) row(S, c.what, `${ms.toFixed(0)} ms`, `median of ${runs} runs, interleaved`)
    else
      row(
        S,
        c.what,
        `${ms.toFixed(0)} ms`,
        `${fmtRatio(ms / floor)} of the floor (+${(ms - floor).toFixed(0)} ms)`,
        c.target?.[0],
        c.target ? c.target[1](ms, floor) : undefined,
      )
  })
}
