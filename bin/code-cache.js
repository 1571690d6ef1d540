// Runs one of the build's CommonJS bundles (scripts/bundle.mjs) with V8's code cache of it: the program
// (bin/regdesk.js) and the PostgreSQL driver (src/cli/store.ts). CommonJS, as bin/regdesk.js.
const { mkdirSync, readFileSync, renameSync, writeFileSync } = require('node:fs')
const { createRequire } = require('node:module')
const { dirname } = require('node:path')
const vm = require('node:vm')

/**
 * Compiling a bundle's functions is a large part of a short command's run, and Node 20 has no compile cache of its
 * own (`module.enableCompileCache` came with Node 22). A bundle's cache (`<bundle>.<cacheName>`, `cache` unless the
 * launcher names another for a family of commands) is made once, at build
 * time (`makeCodeCache`: written when the process exits, with what V8 compiled by then); a user's command never
 * writes it. It begins with the build id of the bundle it was made from: a cache of another build, or one V8
 * rejects (another Node), is not used and the bundle compiles as it would without one. `completedCache`: a cache file
 * in the user's cache directory, apart from the shipped one, that a run of this build writes at its exit, with what
 * it compiled (the build cannot
 * make it: the PostgreSQL driver's cache made at build time knows its loading only, as no server answers there); later
 * runs use it instead of the shipped one.
 * @returns the bundle's exports, and whether the cache was used
 */
function runBundle(bundle, { makeCodeCache = false, cacheName = 'cache', completedCache } = {}) {
  const codeCache = `${bundle}.${cacheName}`
  // a bundle is ASCII (scripts/bundle.mjs): read as Latin-1 it is a one-byte string, made without decoding UTF-8
  const source = readFileSync(bundle, 'latin1')
  // the bundle's first line names its build, and its cache begins with that line
  const stamp = Buffer.from(source.slice(0, source.indexOf('\n') + 1))
  let completed = makeCodeCache || !completedCache ? undefined : codeCacheFor(completedCache, stamp)
  const compile = (data) =>
    new vm.Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, {
      filename: bundle,
      cachedData: data,
    })
  let cachedData = makeCodeCache ? undefined : (completed ?? codeCacheFor(codeCache, stamp))
  let script = compile(cachedData)
  if (completed && script.cachedDataRejected) {
    // a completed cache V8 will not take (another Node): the shipped one, and a completed one written again
    completed = undefined
    cachedData = codeCacheFor(codeCache, stamp)
    script = compile(cachedData)
  }
  const module = { exports: {} }
  script.runInThisContext()(module.exports, createRequire(bundle), module, bundle, dirname(bundle))
  if (makeCodeCache)
    process.on('exit', () => writeFileSync(codeCache, Buffer.concat([stamp, script.createCachedData()])))
  // the cache completed by use: written once, by the first short run of this build that had none and succeeded (a
  // failed one, a server down, compiled little). A long run (a copy of a whole store) would write a poorer one: V8
  // drops the compiled code of functions that have not run for a while, and the connection's ran at its start
  // (measured: 70 KB after a 50 s copy, 119 KB after `tickets show`)
  else if (completedCache && !completed)
    process.on('exit', (code) => {
      if (code === 0 && process.uptime() <= SHORT_RUN_S)
        writeQuietly(completedCache, Buffer.concat([stamp, script.createCachedData()]))
    })
  return { exports: module.exports, codeCacheUsed: cachedData !== undefined && script.cachedDataRejected === false }
}

/** The runs, in seconds, whose compiled code completes a cache: a command's, not a long copy's or import's. */
const SHORT_RUN_S = 5

/** Replaces `file` whole (a temporary file renamed over it); a cache that cannot be written is only a slower start. */
function writeQuietly(file, bytes) {
  try {
    mkdirSync(dirname(file), { recursive: true, mode: 0o700 })
    const tmp = `${file}.${process.pid}.tmp`
    writeFileSync(tmp, bytes, { mode: 0o600 })
    renameSync(tmp, file)
  } catch {
    // a read-only home, a full disk: the shipped cache serves
  }
}

function codeCacheFor(file, stamp) {
  try {
    const cache = readFileSync(file)
    return stamp.equals(cache.subarray(0, stamp.length)) ? cache.subarray(stamp.length) : undefined
  } catch {
    return undefined
  }
}

module.exports = { runBundle }
