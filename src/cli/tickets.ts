import { userInfo } from 'node:os'
import type { BusinessClock } from '../calendar/clock.js'
import { formatInstantIn } from '../calendar/instant.js'
import { RegdeskError, UsageError } from '../errors.js'
import type { Regulation } from '../regulation/load.js'
import type { WindowStatus } from '../sla/status.js'
import { currentWindow, needsLevel, type ReactionWindow, ticketWindows } from '../sla/windows.js'
import { normalizeId } from '../ticket/ids.js'
import { revealSecrets } from '../ticket/secrets.js'
import type { SecretValue, Ticket, TicketEvent } from '../ticket/ticket.js'
import { recordWindows } from '../ticket/window-record.js'
import type { Context } from './context.js'
import { printable } from './io.js'
import { fitLine } from './output/table.js'
import { businessClock } from './regulation-input.js'
import { noteAssumedZone, parseInstant } from './time-input.js'

/** Who is acting: config `agent`, else the OS user name. */
export function authorOf(ctx: Context): string {
  if (ctx.config.agent) return ctx.config.agent
  try {
    return userInfo().username || 'unknown'
  } catch {
    return 'unknown'
  }
}

/** A ticket id argument in its stored form. */
export function ticketIdArg(text: string): string {
  const id = normalizeId(text)
  if (!id) throw new UsageError(`expected a ticket id like "MG-000123", got ${JSON.stringify(text.slice(0, 40))}`)
  return id
}

/** The time of an event: --at (in the regulation's zone when it has no offset), else --now; never before receipt. */
/** How far past --now an event may be dated: machines' clocks differ by a little. */
export const FUTURE_TOLERANCE_MS = 5 * 60_000

/**
 * When an event happened: --at, else --now. Never before the ticket was received; not in the future (more than
 * a few minutes past --now: clocks differ) nor before the ticket's last event, unless `force` (entering the record late).
 */
export function eventTime(
  ctx: Context,
  reg: Regulation | undefined,
  ticket: Ticket,
  at: string | undefined,
  force = false,
): number {
  const zone = reg?.workingTime.timezone ?? 'Europe/Moscow'
  const parsed = at === undefined ? { ms: ctx.now, assumedZone: false } : parseInstant(at, '--at', zone)
  noteAssumedZone(ctx.io, '--at', parsed, zone)
  const ms = parsed.ms
  const received = Date.parse(ticket.received_at)
  if (ms < received)
    throw new UsageError(
      `${at === undefined ? `--now (${formatIn(zone)(ms)})` : `--at ${at}`} is before ${ticket.id} was received (${ticket.received_at}); pass --at with a later time`,
    )
  if (force) return ms
  const shown = at === undefined ? `--now (${formatIn(zone)(ms)})` : `--at ${formatIn(zone)(ms)}`
  if (ms > ctx.now + FUTURE_TOLERANCE_MS)
    throw new UsageError(
      `${shown} is in the future: now is ${formatIn(zone)(ctx.now)}; pass --force to record it anyway`,
    )
  const last = ticket.events.at(-1)
  if (last && ms < Date.parse(last.at))
    throw new UsageError(
      `${shown} is before the last event of ${ticket.id} (${last.type} at ${last.at}); pass --force to record it anyway`,
    )
  return ms
}

/** Regulations, clocks and formatters, each built once per process and shared by every ticket. */
export class TicketViews {
  private readonly regs = new Map<string, Regulation | null>()
  private readonly clocks = new Map<string, BusinessClock>()
  private readonly formats = new Map<string, (ms: number) => string>()
  private readonly unknown = new Set<string>()

  constructor(
    private readonly ctx: Context,
    readonly showSecrets = false,
  ) {}

  regulation(id: string): Regulation | undefined {
    let reg = this.regs.get(id)
    if (reg === undefined) {
      const registry = this.ctx.registry()
      reg = registry.has(id) ? registry.get(id) : null
      this.regs.set(id, reg)
      if (!reg) this.unknown.add(id)
    }
    return reg ?? undefined
  }

  /** Regulations that tickets name but the registry lacks (their windows cannot be computed). */
  warnings(): string[] {
    return [...this.unknown].map(
      (id) => `unknown regulation "${id}" in the store: its tickets have no windows (add its file with --regulations)`,
    )
  }

  clock(reg: Regulation): BusinessClock {
    let c = this.clocks.get(reg.id)
    if (!c) {
      c = businessClock(this.ctx, reg)
      this.clocks.set(reg.id, c)
    }
    return c
  }

  format(reg: Regulation | undefined): (ms: number) => string {
    const zone = reg?.workingTime.timezone ?? 'Europe/Moscow'
    let f = this.formats.get(zone)
    if (!f) {
      f = formatIn(zone)
      this.formats.set(zone, f)
    }
    return f
  }

  windows(t: Ticket): ReactionWindow[] | null {
    const reg = this.regulation(t.regulation)
    return reg ? ticketWindows(t, reg, this.clock(reg), this.ctx.now) : null
  }

  /** Records the windows of a changed ticket that have no record yet (ticket/window-record.ts). */
  record(t: Ticket): void {
    const reg = this.regulation(t.regulation)
    if (reg) recordWindows(t, reg, this.clock(reg))
  }

  /** A free-text field as it may be shown: masked unless --show-secrets. */
  text(value: string, field: string, secrets: readonly SecretValue[] | undefined): string {
    return this.showSecrets ? revealSecrets(value, field, secrets) : value
  }

  /** The JSON contract of a ticket (`tickets show --json`), with its windows as of --now. */
  json(t: Ticket, windows: ReactionWindow[] | null = this.windows(t)) {
    const reg = this.regulation(t.regulation)
    const fmt = this.format(reg)
    const current = windows ? currentWindow(windows) : undefined
    return {
      id: t.id,
      regulation: t.regulation,
      level: t.level,
      /** no agent has set a level: the windows run at the regulation's assumed one (issue 16) */
      needs_level: needsLevel(t),
      tier: t.tier,
      channel: t.channel,
      product: t.product,
      critical: t.critical,
      license_date: t.license_date ?? null,
      customer: t.customer ?? null,
      attachments: t.attachments ?? [],
      /** where an imported ticket came from (source and its id there), null for one added in regdesk */
      origin: t.origin ?? null,
      /** the helpdesk's own reaction deadline of an imported ticket (Okdesk planned_reaction_at) */
      helpdesk_deadline: t.helpdesk_deadline ?? null,
      status: t.status,
      assignee: t.assignee,
      subject: this.text(t.subject, 'subject', t.secrets),
      text: this.text(t.text, 'text', t.secrets),
      secrets_masked: !this.showSecrets && Boolean(t.secrets?.length),
      received_at: t.received_at,
      sla: current?.status ?? null,
      deadline: current?.deadline == null ? null : fmt(current.deadline),
      triage: t.triage,
      windows: windows?.map((w) => windowJson(w, fmt)) ?? null,
      events: t.events.map((e) => this.eventJson(e)),
    }
  }

  eventJson(e: TicketEvent) {
    // most events hold no credentials: shown as stored, without a copy
    if (e.secrets === undefined) return e
    const { secrets, ...rest } = e
    return rest.message === undefined ? rest : { ...rest, message: this.text(rest.message, 'message', secrets) }
  }
}

export function windowJson(w: ReactionWindow, fmt: (ms: number) => string) {
  return {
    opened_at: fmt(w.openedAt),
    opened_by: w.openedBy,
    level: w.level,
    level_assumed: w.levelAssumed,
    deadline: w.deadline === null ? null : fmt(w.deadline),
    target: w.target === null ? null : fmt(w.target),
    status: w.status,
    responded_at: w.respondedAt === null ? null : fmt(w.respondedAt),
    responded_by: w.respondedBy,
    reaction_working_minutes: w.reactionWorkingMinutes === null ? null : Math.round(w.reactionWorkingMinutes),
    reason: w.reason,
    responder: w.responder,
    recorded: w.recorded,
    regulation: w.fingerprint,
  }
}

export function formatIn(zone: string): (ms: number) => string {
  return (ms) => formatInstantIn(ms, zone)
}

/** Colour of an SLA status on a terminal. */
export function paintStatus(status: WindowStatus | null, io: Context['io'], refused = false): string {
  const c = io.color
  if (status === null) return c.dim('—')
  // no reaction time because the request was refused, not because the regulation sets none
  if (status === 'not_regulated' && refused) return c.dim(io.speech.t.value.noneRefused)
  const word = io.speech.t.status[status] ?? status
  switch (status) {
    case 'overdue':
    case 'late':
      return c.red(word)
    case 'at_risk':
      return c.yellow(word)
    case 'met':
      return c.green(word)
    case 'not_regulated':
      return c.dim(word)
    default:
      return word
  }
}

/** Refuses a change that the ticket's status does not allow, naming what would. */
export function assertStatus(t: Ticket, allowed: readonly Ticket['status'][], action: string, hint: string): void {
  if (!allowed.includes(t.status)) throw new RegdeskError(`cannot ${action} ${t.id}: it is ${t.status}; ${hint}`)
}

/** A level as a table shows it: one the regulation assumed for want of a set one is marked "(needs level)". */
export function levelCell(level: string | null, needsLevel: boolean, io: Context['io']): string {
  return needsLevel ? `${level ?? '—'} (${io.speech.t.ticket.needsLevel})` : (level ?? '')
}

/** One line for a terminal, never wider than `max`, without control characters (nor escapes a subject may carry). */
export function oneLine(text: string, max = 60): string {
  return fitLine(printable(text.replace(/\s+/g, ' ')).trim(), max)
}
