#!/usr/bin/env node
// CommonJS (bin/package.json): an ES module entry would cost every command the start-up of Node's ESM loader.
const { readFileSync, writeFileSync } = require('node:fs')
const { createRequire } = require('node:module')
const { dirname, join } = require('node:path')
const vm = require('node:vm')

const BUNDLE = join(__dirname, '../dist/bundle/regdesk.cjs')

/**
 * Runs the bundled program (scripts/bundle.mjs) with V8's code cache of it. Compiling the program's functions is a
 * large part of a short command's run, and Node 20 has no compile cache of its own (`module.enableCompileCache`
 * came with Node 22). The cache is made once, at build time, by a triage run (`makeCodeCache`); it is never written
 * by a user's command. It begins with the build id of the bundle it was made from: a cache of another build, or one
 * V8 rejects (another Node), is not used and the program compiles as it would without one.
 */
function launch({ bundle = BUNDLE, makeCodeCache = false } = {}) {
  const codeCache = `${bundle}.cache`
  const source = readBundle(bundle)
  // the bundle's first line names its build (scripts/bundle.mjs), and its cache begins with that line
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
  return { codeCacheUsed: cachedData !== undefined && script.cachedDataRejected === false }
}

function readBundle(file) {
  try {
    // the bundle is ASCII (scripts/bundle.mjs): read as Latin-1 it is a one-byte string, made without decoding UTF-8
    return readFileSync(file, 'latin1')
  } catch (err) {
    if (err.code !== 'ENOENT') throw err
    process.stderr.write(`error: ${file} is missing; build regdesk first (npm run build)\n`)
    process.exit(1)
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

if (require.main === module) launch()
else module.exports = { launch }
