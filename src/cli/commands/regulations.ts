import { readFileSync } from 'node:fs'
import { basename } from 'node:path'
import { Command } from 'commander'
import type { Issue } from '../../data/issue.js'
import { DataError } from '../../errors.js'
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
import { unreadable } from '../unreadable.js'

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

/** The readable view: every rule with its clause; quotes and notes under it. */
export function showRegulation(reg: Regulation, io: IO): string {
  const c = io.color
  const v = io.speech.t.regulationView
  const lang = io.speech.lang
  const d = (x: Parameters<typeof describeDuration>[0]) => describeDuration(x, lang)
  const hoursText = (x: 'closed' | string[]) => (x === 'closed' ? v.closed : x.join(', '))
  const lines: string[] = []
  const h = (title: keyof typeof v.heading) => lines.push('', c.bold.underline(v.heading[title]))
  const cite = (
    rule: { clause: string; quote: string; note?: string | undefined; note_en?: string | undefined },
    indent = '    ',
  ) => {
    lines.push(`${indent}${c.dim(`§ ${rule.clause}: «${printable(rule.quote)}»`)}`)
    if (rule.note || rule.note_en)
      lines.push(`${indent}${c.yellow(`${io.speech.t.run.note}: ${printable(noteIn(rule, io.speech.lang))}`)}`)
  }
  // a working weekend keeps the hours of a weekday, named as the list of hours names it («Пн», not mon)
  const weekend = (w: string[] | string) =>
    Array.isArray(w) ? w.join(', ') : v.hoursOf((v.weekday as Record<string, string>)[w] ?? w)
  const wt = reg.workingTime
  lines.push(
    `${c.bold(reg.name)} (${reg.id})`,
    `${v.vendor}: ${reg.vendor}`,
    `${v.source}: ${reg.source.title}${reg.source.url ? ` <${reg.source.url}>` : ''}`,
  )

  h('Working time')
  lines.push(`  ${v.zone(wt.timezone, wt.calendar)}`)
  for (const [day, name] of Object.entries(v.weekday))
    lines.push(`  ${name}  ${wt.weekly[day as keyof typeof v.weekday].join(', ') || c.dim(v.closed)}`)
  lines.push(`  ${v.holidays}: ${hoursText(wt.holidays)}; ${v.transferred}: ${hoursText(wt.transferredDaysOff)}`)
  lines.push(
    `  ${v.workingWeekend}: ${weekend(wt.workingWeekends)}; ${v.shortenedDay}: ${wt.shortenedDayMinutes ? v.shortenedBy(wt.shortenedDayMinutes) : v.notShortened}`,
  )
  cite(wt)
  for (const n of wt.notes ?? []) cite(n)

  h('Levels')
  const def = defaultLevel(reg)
  for (const [id, l] of Object.entries(reg.levels)) {
    const reaction = v.reaction(l.limit ? d(l.limit) : null, l.target ? d(l.target) : null)
    lines.push(`  ${c.bold(id)}${id === def ? v.default : ''} — ${l.name}: ${l.limit ? reaction : c.yellow(reaction)}`)
    cite(l)
    const own = l.workingTime
    if (own) {
      const days = Object.entries(own.weekly ?? {}).map(
        ([day, hours]) => `${v.weekday[day as keyof typeof v.weekday]} ${hours?.join(', ') || v.closed}`,
      )
      const rest = [
        own.holidays === undefined ? '' : `${v.holidays}: ${hoursText(own.holidays)}`,
        own.transferredDaysOff === undefined ? '' : `${v.transferred}: ${hoursText(own.transferredDaysOff)}`,
        own.workingWeekends === undefined ? '' : `${v.workingWeekend}: ${weekend(own.workingWeekends)}`,
        own.shortenedDayMinutes === undefined ? '' : v.shortenedOwn(own.shortenedDayMinutes),
      ].filter(Boolean)
      lines.push(`    ${v.ownTime([...days, ...rest].join('; '))}`)
      cite(own, '      ')
    }
    // the source states no time, but a team's contract may: regulations/README.md, "Your own limits"
    if (!l.limit) lines.push(`    ${c.dim(v.contracted(reg.file, id))}`)
    if (l.delays) {
      lines.push(`    ${v.mayTakeLonger}`)
      cite(l.delays)
    }
  }
  lines.push(`  ${v.windows(reg.reactionWindows.opens === 'every-customer-reply')}`)
  cite(reg.reactionWindows)

  if (reg.tiers.length) {
    h('Tiers')
    for (const t of reg.tiers) {
      lines.push(`  ${c.bold(t.id)}${t.default ? v.default : ''} — ${t.name}${t.level ? v.toLevel(t.level) : ''}`)
      cite(t)
    }
  }
  if (reg.products?.length) {
    h('Products')
    for (const p of reg.products) {
      lines.push(
        `  ${c.bold(p.id)} — ${p.name}${p.supportedUntil ? v.supportedUntil(p.supportedUntil) : ''}${p.aliases?.length ? c.dim(v.aka(p.aliases.join(', '))) : ''}`,
      )
      cite(p)
    }
  }

  h('Channels')
  for (const ch of reg.channels.accepted) {
    lines.push(
      `  ${c.green('✓')} ${ch.id}${ch.address ? ` ${ch.address}` : ''}${ch.tiers ? v.channelTiers(ch.tiers.join(', ')) : ''}${ch.emergencyOnly ? v.emergencies : ''}`,
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
      lines.push(`  ${c.bold(t.id)} — ${printable(t.title)}${t.level ? v.toLevel(t.level) : ''}`)
      cite(t)
    }
  }
  lines.push(`  ${v.outOfScopeLevel(reg.outOfScope.level ?? null)}`)
  cite(reg.outOfScope)
  if (reg.outOfScope.delays) {
    lines.push(`  ${v.mayTakeLonger}`)
    cite(reg.outOfScope.delays)
  }

  if (reg.eligibility.length) {
    h('Eligibility')
    for (const r of reg.eligibility) {
      const extra =
        r.rule === 'support_period_expired'
          ? v.period(d(r.period), r.levels.join(', '))
          : r.rule === 'not_licensed'
            ? v.licensed(r.tiers.join(', '), r.allowedTopics.length ? r.allowedTopics.join(', ') : null)
            : r.rule === 'code_modified' && r.effect === 'delay'
              ? v.delays
              : ''
      lines.push(`  ${r.rule}${extra}`)
      cite(r)
    }
  }
  if (reg.delayCauses?.length) {
    h('Causes of delay')
    for (const d of reg.delayCauses) {
      lines.push(`  ${v.delayCause(d.cause)}`)
      cite(d)
    }
  }
  h('Required information')
  for (const r of reg.requiredInformation) {
    lines.push(`  ${r.id}${r.optional ? c.dim(v.ifPossible) : ''}`)
    cite(r)
  }
  if (reg.onePerRequest) {
    lines.push(`  ${v.onePerRequest}`)
    cite(reg.onePerRequest)
  }
  if (reg.lifecycle.length) {
    h('Lifecycle')
    for (const r of reg.lifecycle) {
      lines.push(`  ${r.rule}${'after' in r ? v.after(d(r.after)) : ''}`)
      cite(r)
    }
  }
  h('Queue')
  lines.push(
    `  ${v.order(reg.queue.order, Boolean(reg.queue.criticalFirst), reg.queue.tierOrder ? reg.queue.tierOrder.join(' > ') : null)}`,
  )
  cite(reg.queue)
  if (reg.notes?.length) {
    h('Notes')
    for (const n of reg.notes) cite(n, '  ')
  }
  return `${lines.join('\n')}\n`
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
        throw unreadable(file, e)
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
        // said in the interface language (a note is in it already); JSON keeps the English sentence
        { header: 'MESSAGE', value: (f) => ctx.io.speech.phrases.say(f.message) },
      ],
      ctx.io,
    ),
  )
  if (!findings.length && ctx.io.isStdoutTTY) ctx.io.err('no findings\n')
}
