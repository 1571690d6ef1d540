#!/usr/bin/env node
// CommonJS (bin/package.json): an ES module entry would cost every command the start-up of Node's ESM loader.
const { join } = require('node:path')
const { runBundle } = require('./code-cache.js')

const BUNDLE = join(__dirname, '../dist/bundle/regdesk.cjs')

/** Runs the bundled program (scripts/bundle.mjs) with V8's code cache of it, made by a triage run at build time. */
function launch({ bundle = BUNDLE, makeCodeCache = false } = {}) {
  try {
    return { codeCacheUsed: runBundle(bundle, { makeCodeCache }).codeCacheUsed }
  } catch (err) {
    if (err.code !== 'ENOENT' || err.path !== bundle) throw err
    process.stderr.write(`error: ${bundle} is missing; build regdesk first (npm run build)\n`)
    process.exit(1)
  }
}

if (require.main === module) launch()
else module.exports = { launch }
