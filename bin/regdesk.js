#!/usr/bin/env node
// CommonJS (bin/package.json): an ES module entry would cost every command the start-up of Node's ESM loader.
const { join } = require('node:path')
const { runBundle } = require('./code-cache.js')

const BUNDLE = join(__dirname, '../dist/bundle/regdesk.cjs')

/**
 * Runs the bundled program (scripts/bundle.mjs) with V8's code cache of it, made at build time: by a `tickets add` run
 * for the `tickets` commands (their store code compiled too), by a triage run for the others (a smaller cache, faster
 * to read for a short command). A text argument that happens to be the word "tickets" only picks the other cache.
 */
function launch({ bundle = BUNDLE, makeCodeCache = false, argv = process.argv.slice(2) } = {}) {
  const cacheName = argv.includes('tickets') ? 'tickets.cache' : 'cache'
  try {
    return { codeCacheUsed: runBundle(bundle, { makeCodeCache, cacheName }).codeCacheUsed }
  } catch (err) {
    if (err.code !== 'ENOENT' || err.path !== bundle) throw err
    process.stderr.write(`error: ${bundle} is missing; build regdesk first (npm run build)\n`)
    process.exit(1)
  }
}

if (require.main === module) launch()
else module.exports = { launch }
