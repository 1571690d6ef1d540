import {
  copyFileSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs'
import { join } from 'node:path'
import { execa } from 'execa'
import { describe, expect, it } from 'vitest'
import { BIN, tempDir } from './regdesk.js'

const BUNDLE = new URL('../../dist/bundle/regdesk.cjs', import.meta.url).pathname
const ROOT = new URL('../../', import.meta.url).pathname

/**
 * The launcher runs a bundle with its code cache: `launch` from bin/regdesk.js, in a process of its own, on a
 * copy of the package in `dir`.
 */
async function launchCopy(dir: string, args: string[]) {
  const script = `process.argv.splice(1, 0, ${JSON.stringify(BIN)});
const { codeCacheUsed } = require(${JSON.stringify(BIN)}).launch({ bundle: ${JSON.stringify(join(dir, 'dist/bundle/regdesk.cjs'))} });
process.on('exit', () => require('node:fs').writeSync(2, 'code cache used: ' + codeCacheUsed + '\\n'))`
  const r = await execa(process.execPath, ['-e', script, '--', ...args], { reject: false, env: { NO_COLOR: '1' } })
  return { exitCode: r.exitCode, stdout: String(r.stdout), stderr: String(r.stderr) }
}

/** dist/bundle copied, the rest of the package linked */
function copyOfBuild(): string {
  const dir = tempDir()
  for (const name of ['package.json', 'regulations', 'node_modules']) symlinkSync(join(ROOT, name), join(dir, name))
  mkdirSync(join(dir, 'dist/bundle'), { recursive: true })
  for (const name of readdirSync(join(ROOT, 'dist')))
    if (name !== 'bundle') symlinkSync(join(ROOT, 'dist', name), join(dir, 'dist', name))
  const bundle = join(dir, 'dist/bundle/regdesk.cjs')
  copyFileSync(BUNDLE, bundle)
  copyFileSync(`${BUNDLE}.cache`, `${bundle}.cache`)
  copyFileSync(`${BUNDLE}.tickets.cache`, `${bundle}.tickets.cache`)
  return dir
}

describe('bin/regdesk.js runs the bundled program with the code cache made at build time', () => {
  it('the build made a cache V8 accepts, and the program gives the same answer with it', async () => {
    const dir = copyOfBuild()
    const r = await launchCopy(dir, ['--version'])
    expect(r).toMatchObject({
      exitCode: 0,
      stdout: `${JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version}`,
    })
    expect(r.stderr).toBe('code cache used: true')
  })

  it('the tickets commands run with a cache of their own, made by a tickets add at build time', async () => {
    const dir = copyOfBuild()
    const env = ['--store', join(tempDir(), 't.json'), '--now', '2026-11-20T15:00+03:00']
    const added = await launchCopy(dir, [...env, 'tickets', 'add', '-r', 'moguta', 'не работает корзина', '--json'])
    expect(added.exitCode).toBe(0)
    expect(added.stderr).toBe('code cache used: true')
    expect(JSON.parse(added.stdout).id).toBe('MG-000001')
    // without it, the tickets commands run without a cache, as right as with one
    rmSync(join(dir, 'dist/bundle/regdesk.cjs.tickets.cache'))
    expect(await launchCopy(dir, [...env, 'tickets', 'list', '--json'])).toMatchObject({
      exitCode: 0,
      stderr: 'code cache used: false',
      stdout: expect.stringContaining('MG-000001'),
    })
  })

  it("the driver's cache is completed by its first use, written once in the user cache directory and used after", async () => {
    const completed = join(tempDir(), 'cache', 'pg.cjs.cache')
    const run = () =>
      execa(
        process.execPath,
        [
          '-e',
          `const r = require(${JSON.stringify(join(ROOT, 'bin/code-cache.js'))}).runBundle(${JSON.stringify(join(ROOT, 'dist/bundle/pg.cjs'))}, { completedCache: ${JSON.stringify(completed)} })
new r.exports.pg.Client({ host: '127.0.0.1' })
process.stdout.write(String(r.codeCacheUsed))`,
        ],
        { reject: false },
      )
    expect((await run()).stdout).toBe('true')
    const first = readFileSync(completed)
    // it begins with the build line of the bundle it belongs to
    expect(first.subarray(0, first.indexOf(10) + 1).toString()).toMatch(/^\/\/ regdesk build /)
    expect((statSync(completed).mode & 0o777).toString(8)).toBe('600')
    const written = statSync(completed).ino
    const again = await run()
    expect(again.stdout).toBe('true')
    // used, not written again (a write renames a new file over it)
    expect(statSync(completed).ino).toBe(written)
    expect(readFileSync(completed).equals(first)).toBe(true)
  })

  it('a cache made for another build of the bundle is not used; the program still runs', async () => {
    const dir = copyOfBuild()
    const bundle = join(dir, 'dist/bundle/regdesk.cjs')
    writeFileSync(
      bundle,
      readFileSync(bundle, 'utf8').replace(/^\/\/ regdesk build [^\n]+/, '// regdesk build another'),
    )
    const r = await launchCopy(dir, ['deadline', '--json', '-r', 'moguta', '--received-at', '2026-11-20T15:00+03:00'])
    expect(r.exitCode).toBe(0)
    expect(JSON.parse(r.stdout).deadline).toBe('2026-11-25T15:00:00+03:00')
    expect(r.stderr).toBe('code cache used: false')
  })

  it('a damaged or missing cache is not used; the program still runs', async () => {
    const dir = copyOfBuild()
    const cache = join(dir, 'dist/bundle/regdesk.cjs.cache')
    const bytes = readFileSync(cache)
    const header = bytes.subarray(0, bytes.indexOf(10) + 1)
    writeFileSync(cache, Buffer.concat([header, Buffer.from('not a V8 code cache')]))
    expect(await launchCopy(dir, ['--version'])).toMatchObject({ exitCode: 0, stderr: 'code cache used: false' })
    writeFileSync(cache, '')
    expect(await launchCopy(dir, ['--version'])).toMatchObject({ exitCode: 0, stderr: 'code cache used: false' })
  })

  it('the bundles are ASCII, read as Latin-1, and Cyrillic comes out whole', async () => {
    // bin/code-cache.js reads a bundle as Latin-1: one raw UTF-8 letter in it would print as mojibake
    for (const name of ['regdesk.cjs', 'pg.cjs'])
      expect(
        readFileSync(join(ROOT, 'dist/bundle', name)).every((byte) => byte < 0x80),
        name,
      ).toBe(true)
    const r = await launchCopy(copyOfBuild(), [
      'triage',
      '--lang',
      'ru',
      '-r',
      'umi',
      'Не работает корзина, ошибка 500',
    ])
    expect(r.exitCode).toBe(0)
    // the labels are the bundle's own words (src/cli/messages/ru.ts)
    expect(r.stdout).toContain('В РАМКАХ ПОДДЕРЖКИ')
    expect(r.stdout).toMatch(/^почему +в рамках поддержки: /m)
  })

  it('the PostgreSQL driver has a code cache of its own, made for its build', () => {
    const driver = join(ROOT, 'dist/bundle/pg.cjs')
    const firstLine = (file: string) => readFileSync(file, 'latin1').split('\n', 1)[0]
    expect(firstLine(driver)).toMatch(/^\/\/ regdesk build /)
    expect(firstLine(`${driver}.cache`)).toBe(firstLine(driver))
    expect(firstLine(driver)).toBe(firstLine(BUNDLE))
  })

  it('says how to build when there is no bundle', async () => {
    const dir = tempDir()
    const r = await launchCopy(dir, ['--version'])
    expect(r.exitCode).toBe(1)
    expect(r.stderr).toBe(
      `error: ${join(dir, 'dist/bundle/regdesk.cjs')} is missing; build regdesk first (npm run build)`,
    )
  })
})
