import { readFileSync } from 'node:fs'
import { basename } from 'node:path'
import { Command } from 'commander'
import type { Issue } from '../../data/issue.js'
import { DataError, UsageError } from '../../errors.js'
import { defaultLevel, describeDuration, normalizedRegulation } from '../../regulation/describe.js'
import { regulationFingerprint } from '../../regulation/fingerprint.js'
import { type Finding, lintRegulation } from '../../regulation/lint.js'
import { listCalendarIds, type Regulation } from '../../regulation/load.js'
import { noteIn } from '../../regulation/note.js'
import { contextOf } from '../command.js'
import type { Context, Environment } from '../context.js'
import { examples } from '../help.js'
import { type IO, printable } from '../io.js'
import { writeJson } from '../output/json.js'
import { renderList } from '../output/table.js'
import { checkRegulationId, regulationFrom, regulationOption } from '../regulation-input.js'

export function regulationsCommand(io: IO, environment: Environment): Command {
  const cmd = new Command('regulations')
    .alias('reg')
    .description('List, show, validate and lint the support regulations')
    .addHelpText(
      'after',
      examples(['regdesk regulations list', 'regdesk regulations show moguta', 'regdesk regulations validate my.yaml']),
    )
  cmd
    .command('list')
    .description('each regulation with its timezone and levels')
    .addHelpText('after', examples(['regdesk regulations list', 'regdesk regulations list --json | jq ".[].id"']))
    .action((_o, c: Command) => runRegulationsList(contextOf(c, io, environment)))
  cmd
    .command('show')
    .description('everything a regulation says, with its clauses')
    .argument('[id]', 'regulation id, e.g. moguta (or -r; default: config `regulation`)')
    .option('-r, --regulation <id>', 'regulation id')
    .addHelpText(
      'after',
      examples([
        'regdesk regulations show moguta',
        'regdesk regulations show -r umi',
        'regdesk regulations show advantshop --json | jq .levels',
      ]),
    )
    .action((id: string | undefined, opts: { regulation?: string }, c: Command) => {
      const ctx = contextOf(c, io, environment)
      return runRegulationsShow(ctx, regulationOption(ctx, regulationFrom(id, opts.regulation)).id)
    })
  cmd
    .command('validate')
    .description('check regulation files against the format (exit 3 with file:line:column when invalid)')
    .argument('[files...]', 'YAML files; default: every known regulation')
    .addHelpText('after', examples(['regdesk regulations validate', 'regdesk regulations validate ./acme.yaml']))
    .action((files: string[], _o, c: Command) => runRegulationsValidate(contextOf(c, io, environment), files))
  cmd
    .command('lint')
    .description('notes and ambiguities: unregulated levels, topics without match data, repeated clauses, shadowing')
    .argument('[id]', 'one regulation (or -r); default: all')
    .option('-r, --regulation <id>', 'one regulation')
    .addHelpText(
      'after',
      examples(['regdesk regulations lint', 'regdesk regulations lint mst --json', 'regdesk regulations lint -r umi']),
    )
    .action((id: string | undefined, opts: { regulation?: string }, c: Command) =>
      runRegulationsLint(contextOf(c, io, environment), regulationFrom(id, opts.regulation)),
    )
  return cmd
}

function getRegulation(ctx: Context, id: string): Regulation {
  checkRegulationId(ctx, id)
  const registry = ctx.registry()
  return registry.get(id)
}

export function runRegulationsList(ctx: Context): void {
  const registry = ctx.registry()
  const regs = registry.all()
  // a built-in regulation replaced by a file of --regulations gives other deadlines than a
  // teammate's regdesk: say so (recorded windows keep the fingerprint of what set them)
  const source = (id: string) =>
    registry.isBuiltin(id) ? 'built-in' : registry.replacedBuiltin(id) ? 'replaces-built-in' : 'file'
  if (ctx.json) {
    writeJson(
      ctx.io,
      regs.map((r) => {
        const { id, name, vendor, timezone, defaultLevel, levels } = normalizedRegulation(r)
        return {
          id,
          name,
          vendor,
          timezone,
          defaultLevel,
          levels,
          source: source(id),
          file: r.file,
          fingerprint: regulationFingerprint(r),
        }
      }),
    )
    for (const r of regs)
      if (registry.replacedBuiltin(r.id))
        ctx.io.err(`note: ${r.id} is ${r.file}, which replaces the built-in regulation of that id\n`)
    return
  }
  ctx.io.out(
    renderList(
      regs,
      [
        { header: 'ID', value: (r) => r.id },
        { header: 'NAME', value: (r) => r.name },
        { header: 'TIMEZONE', value: (r) => r.workingTime.timezone },
        {
          header: 'LEVELS (reaction limit)',
          value: (r) =>
            Object.entries(r.levels)
              .map(([id, l]) => `${id}: ${describeDuration(l.limit)}`)
              .join('; '),
          human: (r, io) =>
            Object.entries(r.levels)
              .map(
                ([id, l]) =>
                  `${io.color.bold(id)}: ${l.limit ? describeDuration(l.limit, io.speech.lang) : io.color.yellow(describeDuration(null, io.speech.lang))}`,
              )
              .join('\n'),
        },
        {
          header: 'SOURCE',
          value: (r) => source(r.id),
          human: (r, io) =>
            registry.replacedBuiltin(r.id)
              ? io.color.yellow(`${r.file} (replaces the built-in)`)
              : registry.isBuiltin(r.id)
                ? io.color.dim(io.speech.t.value.builtIn)
                : r.file,
        },
      ],
      ctx.io,
    ),
  )
}

export function runRegulationsShow(ctx: Context, id: string): void {
  const reg = getRegulation(ctx, id)
  if (ctx.json) {
    writeJson(ctx.io, normalizedRegulation(reg))
    return
  }
  ctx.io.out(showRegulation(reg, ctx.io))
}

const WEEKDAY_NAMES = { mon: 'Mon', tue: 'Tue', wed: 'Wed', thu: 'Thu', fri: 'Fri', sat: 'Sat', sun: 'Sun' } as const

/** The readable view: every rule with its clause; quotes and notes under it. */
export function showRegulation(reg: Regulation, io: IO): string {
  const c = io.color
  const lines: string[] = []
  const h = (title: string) => lines.push('', c.bold.underline(title))
  const cite = (
    rule: { clause: string; quote: string; note?: string | undefined; note_en?: string | undefined },
    indent = '    ',
  ) => {
    lines.push(`${indent}${c.dim(`§ ${rule.clause}: «${printable(rule.quote)}»`)}`)
    if (rule.note || rule.note_en)
      lines.push(`${indent}${c.yellow(`${io.speech.t.run.note}: ${printable(noteIn(rule, io.speech.lang))}`)}`)
  }
  const wt = reg.workingTime
  lines.push(
    `${c.bold(reg.name)} (${reg.id})`,
    `vendor: ${reg.vendor}`,
    `source: ${reg.source.title}${reg.source.url ? ` <${reg.source.url}>` : ''}`,
  )

  h('Working time')
  lines.push(`  timezone ${wt.timezone}, calendar ${wt.calendar}`)
  for (const [d, name] of Object.entries(WEEKDAY_NAMES))
    lines.push(`  ${name}  ${wt.weekly[d as keyof typeof WEEKDAY_NAMES].join(', ') || c.dim('closed')}`)
  lines.push(`  holidays: ${hoursText(wt.holidays)}; transferred days off: ${hoursText(wt.transferredDaysOff)}`)
  lines.push(
    `  working weekend: ${Array.isArray(wt.workingWeekends) ? wt.workingWeekends.join(', ') : `hours of ${wt.workingWeekends}`}; shortened pre-holiday day: ${wt.shortenedDayMinutes ? `last range ends ${wt.shortenedDayMinutes} min earlier` : 'not shortened'}`,
  )
  cite(wt)
  for (const n of wt.notes ?? []) cite(n)

  h('Levels')
  const def = defaultLevel(reg)
  for (const [id, l] of Object.entries(reg.levels)) {
    lines.push(
      `  ${c.bold(id)}${id === def ? ' (default)' : ''} — ${l.name}: reaction ${l.limit ? `at most ${describeDuration(l.limit)}` : c.yellow('not regulated')}${l.target ? `, target ${describeDuration(l.target)}` : ''}`,
    )
    cite(l)
    const own = l.workingTime
    if (own) {
      const days = Object.entries(own.weekly ?? {}).map(
        ([d, hours]) => `${WEEKDAY_NAMES[d as keyof typeof WEEKDAY_NAMES]} ${hours?.join(', ') || 'closed'}`,
      )
      const rest = [
        own.holidays === undefined ? '' : `holidays: ${hoursText(own.holidays)}`,
        own.transferredDaysOff === undefined ? '' : `transferred days off: ${hoursText(own.transferredDaysOff)}`,
        own.workingWeekends === undefined
          ? ''
          : `working weekend: ${Array.isArray(own.workingWeekends) ? own.workingWeekends.join(', ') : `hours of ${own.workingWeekends}`}`,
        own.shortenedDayMinutes === undefined ? '' : `shortened by ${own.shortenedDayMinutes} min`,
      ].filter(Boolean)
      lines.push(`    its own working time (otherwise as above): ${[...days, ...rest].join('; ')}`)
      cite(own, '      ')
    }
    // the source states no time, but a team's contract may: regulations/README.md, "Your own limits"
    if (!l.limit)
      lines.push(
        `    ${c.dim(`a contracted reaction time goes in your own copy of this file: copy ${reg.file} into a directory of your own, set levels.${id}.limit (and a note citing the contract), and use it with --regulations DIR, REGDESK_REGULATIONS or config regulationsDir`)}`,
      )
  }
  lines.push(
    `  reaction windows: ${reg.reactionWindows.opens === 'every-customer-reply' ? 'the first request and every customer reply after an agent response' : 'the first request'}`,
  )
  cite(reg.reactionWindows)

  if (reg.tiers.length) {
    h('Tiers')
    for (const t of reg.tiers) {
      lines.push(`  ${c.bold(t.id)}${t.default ? ' (default)' : ''} — ${t.name}${t.level ? ` → level ${t.level}` : ''}`)
      cite(t)
    }
  }
  if (reg.products?.length) {
    h('Products')
    for (const p of reg.products) {
      lines.push(
        `  ${c.bold(p.id)} — ${p.name}${p.supportedUntil ? ` (supported until ${p.supportedUntil})` : ''}${p.aliases?.length ? c.dim(` aka ${p.aliases.join(', ')}`) : ''}`,
      )
      cite(p)
    }
  }

  h('Channels')
  for (const ch of reg.channels.accepted) {
    lines.push(
      `  ${c.green('✓')} ${ch.id}${ch.address ? ` ${ch.address}` : ''}${ch.tiers ? ` (tiers: ${ch.tiers.join(', ')})` : ''}${ch.emergencyOnly ? ' (emergencies only)' : ''}`,
    )
    cite(ch)
  }
  for (const ch of reg.channels.rejected) {
    lines.push(`  ${c.red('✗')} ${ch.id}`)
    cite(ch)
  }

  for (const scope of ['in', 'out'] as const) {
    h(scope === 'in' ? 'In scope' : 'Out of scope')
    for (const t of reg.topics.filter((x) => x.scope === scope)) {
      lines.push(`  ${c.bold(t.id)} — ${printable(t.title)}${t.level ? ` → level ${t.level}` : ''}`)
      cite(t)
    }
  }
  lines.push(`  out-of-scope requests: ${reg.outOfScope.level ? `level ${reg.outOfScope.level}` : 'no level'}`)
  cite(reg.outOfScope)

  if (reg.eligibility.length) {
    h('Eligibility')
    for (const r of reg.eligibility) {
      const extra =
        r.rule === 'support_period_expired'
          ? ` (${describeDuration(r.period)}; levels ${r.levels.join(', ')})`
          : r.rule === 'not_licensed'
            ? ` (tiers ${r.tiers.join(', ')}: ${r.allowedTopics.length ? `only ${r.allowedTopics.join(', ')}` : 'not served'})`
            : r.rule === 'code_modified' && r.effect === 'delay'
              ? ' (delays, does not refuse: warning resolution_may_be_delayed)'
              : ''
      lines.push(`  ${r.rule}${extra}`)
      cite(r)
    }
  }
  h('Required information')
  for (const r of reg.requiredInformation) {
    lines.push(`  ${r.id}${r.optional ? c.dim(' (if possible)') : ''}`)
    cite(r)
  }
  if (reg.onePerRequest) {
    lines.push('  one problem per request')
    cite(reg.onePerRequest)
  }
  if (reg.lifecycle.length) {
    h('Lifecycle')
    for (const r of reg.lifecycle) {
      lines.push(`  ${r.rule}${'after' in r ? ` after ${describeDuration(r.after)}` : ''}`)
      cite(r)
    }
  }
  h('Queue')
  lines.push(
    `  order: ${reg.queue.order}${reg.queue.criticalFirst ? ', critical requests out of turn' : ''}${reg.queue.tierOrder ? `; tiers ${reg.queue.tierOrder.join(' > ')}` : ''}`,
  )
  cite(reg.queue)
  if (reg.notes?.length) {
    h('Notes')
    for (const n of reg.notes) cite(n, '  ')
  }
  return `${lines.join('\n')}\n`
}

function hoursText(v: 'closed' | string[]): string {
  return v === 'closed' ? 'closed' : v.join(', ')
}

export function runRegulationsValidate(ctx: Context, files: string[]): void {
  const issues: Issue[] = []
  const checked: { file: string; id: string | null; valid: boolean }[] = []
  if (files.length === 0) {
    const registry = ctx.registry()
    for (const id of registry.ids()) {
      try {
        registry.get(id)
        checked.push({ file: registry.fileOf(id) ?? id, id, valid: true })
      } catch (e) {
        if (!(e instanceof DataError)) throw e
        issues.push(...e.issues)
        checked.push({ file: registry.fileOf(id) ?? id, id, valid: false })
      }
    }
  } else {
    const calendars = listCalendarIds()
    for (const file of files) {
      let text: string
      try {
        text = readFileSync(file, 'utf8')
      } catch (e) {
        throw new UsageError(`cannot read ${file} (${(e as NodeJS.ErrnoException).code})`)
      }
      const result = ctx.parsers.regulation(text, file, { fileId: basename(file).replace(/\.ya?ml$/, ''), calendars })
      issues.push(...result.issues)
      checked.push({ file, id: result.value?.id ?? null, valid: Boolean(result.value) })
    }
  }
  if (ctx.json) writeJson(ctx.io, { valid: issues.length === 0, files: checked, issues })
  else for (const f of checked.filter((x) => x.valid)) ctx.io.err(`${f.file}: ok\n`)
  if (issues.length) throw new DataError(issues)
}

export function runRegulationsLint(ctx: Context, id: string | undefined): void {
  const regs = id ? [getRegulation(ctx, id)] : ctx.registry().all()
  const findings: Finding[] = regs.flatMap((reg) => lintRegulation(reg, ctx.io.speech.lang))
  if (ctx.json) {
    writeJson(ctx.io, findings)
    return
  }
  ctx.io.out(
    renderList(
      findings,
      [
        { header: 'REGULATION', value: (f) => f.regulation },
        { header: 'CODE', value: (f) => f.code },
        { header: 'CLAUSE', value: (f) => f.clause },
        { header: 'MESSAGE', value: (f) => f.message },
      ],
      ctx.io,
    ),
  )
  if (!findings.length && ctx.io.isStdoutTTY) ctx.io.err('no findings\n')
}
