// 3. Store scale: regdesk's store commands on generated stores of realistic tickets, each beside
// the floor (node start-up + read + JSON.parse of the same file + one scan), with peak RSS.
import { copyFileSync, rmSync, utimesSync } from 'node:fs'
import { join } from 'node:path'
import { BIN, childEnv, DATA, fmtMiB, fmtMs, fmtRatio, int, median, row, runNode } from './lib.mjs'
import { NOW, writeStore } from './store-data.mjs'

const STORE_MODULE = new URL('../dist/store/json-file/store.js', import.meta.url).href

const S = 'store'

/** Removes a store file and what regdesk keeps beside it (lock, sidecar, temporaries). */
function removeStore(file) {
  for (const f of [file, `${file}.meta`, `${file}.summary`, `${file}.lock`]) rmSync(f, { recursive: true, force: true })
}

export function benchStore({ quick }) {
  const sizes = quick ? [10_000] : [10_000, 100_000]
  for (const count of sizes) {
    const big = count >= 100_000
    const runs = big ? 3 : 5
    const file = join(DATA, `store-${count}.tickets`) // not .json: the project's lint walks bench/**
    removeStore(file)
    const t0 = Date.now()
    const { bytes, openId } = writeStore(count, file)
    console.error(`  (generated ${int(count)} tickets in ${Date.now() - t0} ms)`)
    const env = childEnv({ REGDESK_STORE: file, REGDESK_NOW: NOW })
    // as regdesk leaves a store after any change: written by it, with its sidecars
    runNode(
      [
        '--input-type=module',
        '-e',
        `import { JsonFileStore } from ${JSON.stringify(STORE_MODULE)}; await new JsonFileStore(${JSON.stringify(file)}).update(() => ({ result: 0, changed: true }))`,
      ],
      { env },
    )
    const what = `${int(count)} tickets`
    row(
      S,
      `${what}: generated store (seed fixed, the triage set's requests, lifecycle events), then written once by regdesk`,
      `${(bytes / 1e6).toFixed(0)} MB`,
      `${int(Math.round(bytes / count))} bytes/ticket`,
    )

    const floorScript = `const d = JSON.parse(require('fs').readFileSync(${JSON.stringify(file)}, 'utf8')); let n = 0; for (const t of d.tickets) if (t.status !== 'closed' && t.events.length) n++; console.log(n)`
    // the floor and the read-only commands run round-robin, so a busy moment of a shared
    // machine hits them alike; medians of wall time and of peak RSS
    const commands = [
      ['-e', floorScript],
      [BIN, 'overdue', '--json'],
      [BIN, 'tickets', 'list', '--json'],
      [BIN, 'report', '--format', 'json', '--from', '2025-01-01', '--to', '2026-12-31'],
    ]
    const results = commands.map(() => [])
    for (const args of commands) runNode(args, { env }) // warm the page cache
    for (let r = 0; r < runs; r++)
      commands.forEach((args, i) => {
        results[i].push(runNode(args, { env, measureRss: true }))
      })
    const [floor, overdue, list, report] = results.map((xs) => ({
      ms: median(xs.map((x) => x.ms)),
      rssKiB: median(xs.map((x) => x.rssKiB)),
    }))
    row(
      S,
      `${what}: the floor — node -e: read + JSON.parse + one scan`,
      fmtMs(floor.ms),
      `peak RSS ${fmtMiB(floor.rssKiB)}`,
    )

    const vsFloor = (x) =>
      `${fmtRatio(x.ms / floor.ms)} of the floor; peak RSS ${fmtMiB(x.rssKiB)} (${fmtRatio(x.rssKiB / floor.rssKiB)})`
    const within2 = (x) => (big ? x.ms <= 2 * floor.ms : undefined)
    const at100k = big ? '' : ' (target at 100,000)'

    row(
      S,
      `${what}: overdue --json`,
      fmtMs(overdue.ms),
      vsFloor(overdue),
      `≤ ×2 of the floor${at100k}`,
      within2(overdue),
    )

    row(
      S,
      `${what}: tickets list --json (every ticket)`,
      fmtMs(list.ms),
      vsFloor(list),
      `≤ ×2 of the floor${at100k}`,
      within2(list),
    )

    row(
      S,
      `${what}: report --format json, the whole period (2025-01-01 – 2026-12-31), store written by regdesk (its summary beside it)`,
      fmtMs(report.ms),
      vsFloor(report),
      `< 2 s${at100k}`,
      big ? report.ms < 2000 : undefined,
    )
    // the first report after another program wrote the store: no current summary, so the store
    // itself is read and validated, and the summary written for the next report
    const reportCold = []
    for (let r = 0; r < runs; r++) {
      // another program wrote it: a new modification time, so neither sidecar describes it
      const now = new Date(Date.now() + (r + 1) * 1000)
      utimesSync(file, now, now)
      reportCold.push(runNode(commands[3], { env, measureRss: true }))
    }
    const cold = { ms: median(reportCold.map((x) => x.ms)), rssKiB: median(reportCold.map((x) => x.rssKiB)) }
    row(
      S,
      `${what}: report --format json — first report after another program wrote the store (reads the store, writes the summary)`,
      fmtMs(cold.ms),
      vsFloor(cold),
    )

    // tickets add on a copy: the first add after the file was written by something else (full
    // read-validate-write), then adds to a store regdesk wrote last (the append path)
    const copy = join(DATA, `store-${count}-copy.tickets`)
    const addArgs = (i) => [
      BIN,
      'tickets',
      'add',
      '-r',
      'moguta',
      '--received-at',
      `2026-12-01T11:0${i % 10}:00+03:00`,
      `После обновления не работает корзина на сайте shop${i}.example.ru, ошибка 500 при оформлении заказа`,
    ]
    const envCopy = { ...env, REGDESK_STORE: copy }
    const coldAdd = []
    const warm = []
    const respondCold = []
    const respond = []
    for (let r = 0; r < runs; r++) {
      removeStore(copy)
      copyFileSync(file, copy)
      coldAdd.push(runNode(addArgs(r), { env: envCopy, measureRss: true }))
      warm.push(runNode(addArgs(r + 1), { env: envCopy, measureRss: true }))
      respond.push(runNode([BIN, 'tickets', 'respond', openId], { env: envCopy, measureRss: true }))
      removeStore(copy)
      copyFileSync(file, copy)
      respondCold.push(runNode([BIN, 'tickets', 'respond', openId], { env: envCopy, measureRss: true }))
    }
    removeStore(copy)
    const med = (xs) => ({ ms: median(xs.map((x) => x.ms)), rssKiB: median(xs.map((x) => x.rssKiB)) })
    const addWarm = med(warm)
    const addCold = med(coldAdd)
    const at = big ? '' : ' (at 100,000)'
    row(
      S,
      `${what}: tickets add — store last written by regdesk (append path)`,
      fmtMs(addWarm.ms),
      vsFloor(addWarm),
      `< 1 s${at}`,
      big ? addWarm.ms < 1000 : undefined,
    )
    row(
      S,
      `${what}: tickets add — first add after another program wrote the store (full read-validate, then the append)`,
      fmtMs(addCold.ms),
      vsFloor(addCold),
      `< 1 s${at}`,
      big ? addCold.ms < 1000 : undefined,
    )
    const resp = med(respond)
    row(
      S,
      `${what}: tickets respond (every one-ticket change) — store last written by regdesk (its line rewritten)`,
      fmtMs(resp.ms),
      vsFloor(resp),
    )
    const respCold = med(respondCold)
    row(
      S,
      `${what}: tickets respond — first change after another program wrote the store (full read-validate, then the same rewrite)`,
      fmtMs(respCold.ms),
      vsFloor(respCold),
    )
  }
  if (quick) row(S, '100,000 tickets', 'skipped with --quick', 'run `npm run bench` for the targets')
}
