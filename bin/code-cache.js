// Runs one of the build's CommonJS bundles (scripts/bundle.mjs) with V8's code cache of it: the program
// (bin/regdesk.js) and the PostgreSQL driver (src/cli/store.ts). CommonJS, as bin/regdesk.js.
const { readFileSync, writeFileSync } = require('node:fs')
const { createRequire } = require('node:module')
const { dirname } = require('node:path')
const vm = require('node:vm')

/**
 * Compiling a bundle's functions is a large part of a short command's run, and Node 20 has no compile cache of its
 * own (`module.enableCompileCache` came with Node 22). A bundle's cache (`<bundle>.cache`) is made once, at build
 * time (`makeCodeCache`: written when the process exits, with what V8 compiled by then); it is never written by a
 * user's command. It begins with the build id of the bundle it was made from: a cache of another build, or one V8
 * rejects (another Node), is not used and the bundle compiles as it would without one.
 * @returns the bundle's exports, and whether the cache was used
 */
function runBundle(bundle, { makeCodeCache = false } = {}) {
  const codeCache = `${bundle}.cache`
  // a bundle is ASCII (scripts/bundle.mjs): read as Latin-1 it is a one-byte string, made without decoding UTF-8
  const source = readFileSync(bundle, 'latin1')
  // the bundle's first line names its build, and its cache begins with that line
  const stamp = Buffer.from(source.slice(0, source.indexOf('\n') + 1))
  const cachedData = makeCodeCache ? undefined : codeCacheFor(codeCache, stamp)
  const script = new vm.Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, {
    filename: bundle,
    cachedData,
  })
  const module = { exports: {} }
  script.runInThisContext()(module.exports, createRequire(bundle), module, bundle, dirname(bundle))
  if (makeCodeCache)
    process.on('exit', () => writeFileSync(codeCache, Buffer.concat([stamp, script.createCachedData()])))
  return { exports: module.exports, codeCacheUsed: cachedData !== undefined && script.cachedDataRejected === false }
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
