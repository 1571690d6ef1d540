import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { parseRegulation } from '../../../src/regulation/parse.js'

const base = readFileSync(new URL('../../fixtures/regulations/valid/acme.yaml', import.meta.url), 'utf8')
const ctx = { fileId: 'acme', calendars: ['ru'] }

function broken(from: string, to: string): string {
  expect(base.includes(from), `fixture contains ${JSON.stringify(from)}`).toBe(true)
  return base.replace(from, to)
}

describe('parseRegulation', () => {
  it('accepts the valid fixture', () => {
    const { value, issues } = parseRegulation(base, 'acme.yaml', ctx)
    expect(issues).toEqual([])
    expect(value?.levels.p2?.limit).toEqual({ amount: 2, unit: 'working_days' })
  })

  // [name, text, line, col, path, message fragment]
  const cases: [string, string, number, number, string, string][] = [
    [
      'wrong type',
      broken('shortenedDayMinutes: 60', 'shortenedDayMinutes: sixty'),
      22,
      24,
      'workingTime.shortenedDayMinutes',
      'expected a number, got the text "sixty"',
    ],
    [
      'unknown key (typo)',
      broken('  calendar: ru', '  calender: ru'),
      10,
      3,
      'workingTime.calender',
      'unknown key "calender"',
    ],
    [
      'bad interval 25:00-26:00',
      broken('tue: ["09:00-18:00"]', 'tue: ["25:00-26:00"]'),
      13,
      11,
      'workingTime.weekly.tue.0',
      'expected a time range',
    ],
    [
      'interval ending before it starts',
      broken('wed: ["09:00-18:00"]', 'wed: ["18:00-09:00"]'),
      14,
      11,
      'workingTime.weekly.wed.0',
      'ends before it starts',
    ],
    [
      'overlapping intervals',
      broken('mon: ["09:00-13:00", "14:00-18:00"]', 'mon: ["09:00-13:00", "12:00-18:00"]'),
      12,
      10,
      'workingTime.weekly.mon',
      'overlap',
    ],
    [
      'unknown weekday',
      broken('    sun: []', '    sun: []\n    sunday: []'),
      19,
      5,
      'workingTime.weekly.sunday',
      'unknown key "sunday"',
    ],
    [
      'level with an unknown unit',
      broken('{amount: 4, unit: working_hours}', '{amount: 4, unit: business_hours}'),
      32,
      30,
      'levels.p1.limit.unit',
      'expected one of working_minutes',
    ],
    [
      'negative amount',
      broken('{amount: 4, unit: working_hours}', '{amount: -4, unit: working_hours}'),
      32,
      21,
      'levels.p1.limit.amount',
      'positive',
    ],
    ['duplicate topic id', broken('  - id: install', '  - id: bug'), 69, 9, 'topics.1.id', 'duplicate topic id "bug"'],
    ['missing clause', broken('    clause: "5.1"\n', ''), 60, 5, 'topics.0.clause', 'missing required key "clause"'],
    [
      'duplicate key',
      broken('  timezone: Europe/Moscow', '  timezone: Europe/Moscow\n  timezone: Asia/Omsk'),
      10,
      3,
      '',
      'this key is given twice in the same map',
    ],
    [
      'unknown timezone',
      broken('Europe/Moscow', 'Europe/Moskow'),
      9,
      13,
      'workingTime.timezone',
      'unknown IANA timezone',
    ],
    [
      'unknown calendar',
      broken('  calendar: ru', '  calendar: kz'),
      10,
      13,
      'workingTime.calendar',
      'unknown calendar "kz"',
    ],
    [
      'tier refers to an unknown level',
      broken('    level: p2\n    clause: "1"', '    level: p9\n    clause: "1"'),
      46,
      12,
      'tiers.0.level',
      'unknown level "p9"',
    ],
    [
      'an out-of-scope fallback topic',
      broken('    title: Установка\n', '    title: Установка\n    fallback: true\n'),
      72,
      15,
      'topics.1.fallback',
      'the fallback topic is an in-scope topic of kind problem',
    ],
    [
      'failuresAreErrors on an out-of-scope topic',
      broken('    title: Установка\n', '    title: Установка\n    failuresAreErrors: true\n'),
      72,
      24,
      'topics.1.failuresAreErrors',
      'failuresAreErrors goes on an in-scope topic of kind question',
    ],
    [
      'two topics of updates after modifications',
      broken('    title: Установка\n', '    title: Установка\n    modifiedUpdates: true\n').replace(
        '    title: Ошибки\n',
        '    title: Ошибки\n    modifiedUpdates: true\n',
      ),
      73,
      22,
      'topics.1.modifiedUpdates',
      'only one topic may be the topic of updates after modifications',
    ],
    [
      'a cause of delay named twice',
      broken(
        'lifecycle:\n',
        'delayCauses:\n  - {cause: third-party-service, clause: "3", quote: сторонний сервис}\n  - {cause: third-party-service, clause: "4", quote: сервис}\nlifecycle:\n',
      ),
      91,
      13,
      'delayCauses.1.cause',
      'the cause third-party-service is named twice',
    ],
    [
      'an unknown cause of delay',
      broken('lifecycle:\n', 'delayCauses:\n  - {cause: weather, clause: "3", quote: погода}\nlifecycle:\n'),
      90,
      13,
      'delayCauses.0.cause',
      'expected one of third-party-service',
    ],
    [
      'unknown channel',
      broken('    - id: email', '    - id: pigeon'),
      51,
      11,
      'channels.accepted.0.id',
      'expected one of form',
    ],
    [
      'target above the limit',
      broken('target: {amount: 1, unit: working_days}', 'target: {amount: 5, unit: working_days}'),
      39,
      22,
      'levels.p2.target.amount',
      'exceeds the limit',
    ],
    ['id not matching the file name', broken('id: acme', 'id: other'), 2, 5, 'id', 'must match the file name'],
    ['broken YAML syntax', broken('  quote: с 9 до 18', '  quote: [с 9 до 18'), 25, 1, '', ''],
    [
      'unknown eligibility rule',
      broken('  - rule: version_outdated', '  - rule: vip_only'),
      82,
      11,
      'eligibility.0.rule',
      'expected a rule',
    ],
    [
      'two default levels',
      broken('    name: Критичный', '    name: Критичный\n    default: true'),
      38,
      14,
      'levels.p2.default',
      'only one level may be the default',
    ],
  ]

  it.each(cases)('%s → line:col and path', (_name, text, line, col, path, fragment) => {
    const { value, issues } = parseRegulation(text, 'acme.yaml', ctx)
    expect(value).toBeUndefined()
    const issue = issues.find((i) => i.path === path) ?? issues[0]
    expect({ line: issue?.line, col: issue?.col, path: issue?.path }).toEqual({ line, col, path })
    expect(issue?.message).toContain(fragment)
  })

  it.each([
    [
      'a wrong type is not a missing key',
      broken('    default: true', '    default: "yes"'),
      'levels.p2.default',
      'expected true or false, got the text "yes"',
    ],
    [
      'a schedule that never opens',
      base.replace(/\["09:00-1[378]:00"(, "14:00-18:00")?\]/g, '[]'),
      'workingTime.weekly',
      'no open hours on any day',
    ],
  ])('%s', (_name, text, path, message) => {
    const { issues } = parseRegulation(text, 'acme.yaml', ctx)
    expect(issues.find((i) => i.path === path)?.message).toContain(message)
  })

  it('says what it expected of a file that is not a map', () => {
    const { issues } = parseRegulation('root:x:0:0:root:/root:/bin/bash\n', 'passwd', ctx)
    expect(issues).toEqual([
      expect.objectContaining({
        line: 1,
        col: 1,
        message: 'expected a map of keys (schemaVersion, id, name, …), got the text "root:x:0:0:root:/root:/bin/bash"',
      }),
    ])
  })

  it('reports every problem of a file at once', () => {
    const text = broken('tue: ["09:00-18:00"]', 'tue: ["25:00-26:00"]').replace('  calendar: ru', '  calender: ru')
    const { issues } = parseRegulation(text, 'acme.yaml', ctx)
    expect(issues.map((i) => i.path)).toEqual([
      'workingTime.calendar',
      'workingTime.calender',
      'workingTime.weekly.tue.0',
    ])
    expect(issues[0]?.message).toContain('missing required key "calendar"')
  })

  it('reports the id, the timezone and the calendar with the shape problems, in one run', () => {
    const text = broken('tue: ["09:00-18:00"]', 'tue: "nine to six"')
      .replace(/^id: acme$/m, 'id: acme2')
      .replace('timezone: Europe/Moscow', 'timezone: Europe/Moskva')
      .replace('  calendar: ru', '  calendar: ua')
    const { issues } = parseRegulation(text, 'acme.yaml', ctx)
    expect(issues.map((i) => i.path).sort()).toEqual([
      'id',
      'workingTime.calendar',
      'workingTime.timezone',
      'workingTime.weekly.tue',
    ])
  })

  it('stops a "billion laughs" alias bomb without expanding it', () => {
    const bomb = ['a: &a [x, x, x, x, x, x, x, x, x, x]']
    for (let i = 1; i < 12; i++)
      bomb.push(
        `${'abcdefghijkl'[i]}: &${'abcdefghijkl'[i]} [${Array(10)
          .fill(`*${'abcdefghijkl'[i - 1]}`)
          .join(', ')}]`,
      )
    const { value, issues } = parseRegulation(bomb.join('\n'), 'bomb.yaml', ctx)
    expect(value).toBeUndefined()
    expect(issues[0]?.message).toMatch(/alias/i)
  })
})

describe('a level referenced by a tier', () => {
  it('is one of the levels, not a name every object has («constructor»)', () => {
    const text = base.replace(/^( +level: )(\S+)$/m, '$1constructor')
    expect(text).not.toBe(base)
    const { issues } = parseRegulation(text, 'acme.yaml', ctx)
    expect(issues.map((i) => i.message)).toContainEqual(expect.stringMatching(/^unknown level "constructor"; levels: /))
  })
})

describe('a tab used to indent', () => {
  it('is the one problem said, not the lines it throws out of place after it', () => {
    const text = base.replace(/\n( +)(\S)/, '\n\t$2')
    const { issues } = parseRegulation(text, 'acme.yaml', ctx)
    expect(issues.map((i) => i.message)).toEqual(['a tab is used to indent; YAML indents with spaces'])
  })
})
