/** Bad values and the options that take an instant or a date (dates.test.ts, reliability-dates.e2e.test.ts). */

export const BAD = [
  '2026-02-30',
  '25:00',
  'yesterday',
  '',
  '1700000000',
  '2026-11-20T24:00+03:00',
  '2026-13-01',
  '2026-11-20T12:00+25:00',
  ' ',
]
export const INSTANT_FORMAT = 'expected an ISO 8601 instant like "2026-11-20T15:00:00+03:00" or "2026-11-20T12:00Z"'
export const DATE_FORMAT = 'expected a real date like "2026-05-01"'
const TEXT = 'после обновления не открывается админка'

/** [label, argv with the value in place, expected format] */
export const OPTIONS: [string, (v: string) => string[], string][] = [
  ['deadline --received-at', (v) => ['deadline', '-r', 'moguta', '--received-at', v], INSTANT_FORMAT],
  ['elapsed --from', (v) => ['elapsed', '-r', 'moguta', '--from', v], INSTANT_FORMAT],
  ['elapsed --to', (v) => ['elapsed', '-r', 'moguta', '--from', '2026-11-20T10:00Z', '--to', v], INSTANT_FORMAT],
  ['calendar check INSTANT', (v) => ['calendar', 'check', 'moguta', v], INSTANT_FORMAT],
  ['calendar show --from', (v) => ['calendar', 'show', 'moguta', '--from', v, '--to', '2026-11-30'], DATE_FORMAT],
  ['calendar show --to', (v) => ['calendar', 'show', 'moguta', '--from', '2026-11-01', '--to', v], DATE_FORMAT],
  ['triage --received-at', (v) => ['triage', '-r', 'moguta', '--received-at', v, TEXT], INSTANT_FORMAT],
  ['triage --license-date', (v) => ['triage', '-r', 'imagecms', '--license-date', v, TEXT], DATE_FORMAT],
  ['tickets add --received-at', (v) => ['tickets', 'add', '-r', 'moguta', '--received-at', v, TEXT], INSTANT_FORMAT],
  ['tickets add --license-date', (v) => ['tickets', 'add', '-r', 'imagecms', '--license-date', v, TEXT], DATE_FORMAT],
  ['tickets respond --at', (v) => ['tickets', 'respond', 'MG-1', '--at', v], INSTANT_FORMAT],
  ['tickets reply --at', (v) => ['tickets', 'reply', 'MG-1', '--at', v], INSTANT_FORMAT],
  ['tickets wait --at', (v) => ['tickets', 'wait', 'MG-1', '--at', v], INSTANT_FORMAT],
  ['tickets resolve --at', (v) => ['tickets', 'resolve', 'MG-1', '--at', v], INSTANT_FORMAT],
  ['tickets close --at', (v) => ['tickets', 'close', 'MG-1', '--at', v], INSTANT_FORMAT],
  ['tickets reopen --at', (v) => ['tickets', 'reopen', 'MG-1', '--at', v], INSTANT_FORMAT],
  ['tickets level --at', (v) => ['tickets', 'level', 'MG-1', 'standard', '--at', v], INSTANT_FORMAT],
  ['report --from', (v) => ['report', '--from', v], DATE_FORMAT],
  ['report --to', (v) => ['report', '--from', '2026-11-01', '--to', v], DATE_FORMAT],
  ['--now', (v) => ['--now', v, 'overdue'], INSTANT_FORMAT],
]
