// The command-line program as one bundle with a chunk per command (dist/bundle/): resolving and
// loading ~130 modules one by one costs more start-up time than a command's own work.
// The compiled modules in dist/ stay for the library entry points, the benchmark and the scripts.
import { rmSync } from 'node:fs'
import { build } from 'esbuild'

/**
 * commander requires node:child_process when it loads, for subcommands that are separate
 * executables, which regdesk has none of; loading it (and the network modules it pulls in) costs
 * every command ~10 ms. Its import from commander becomes one that loads the module on first use.
 */
const lazyChildProcess = {
  name: 'lazy-child-process',
  setup(b) {
    b.onResolve({ filter: /^node:child_process$/ }, (args) =>
      args.importer.includes('/node_modules/commander/') ? { path: 'child_process', namespace: 'lazy' } : undefined,
    )
    b.onLoad({ filter: /.*/, namespace: 'lazy' }, () => ({
      contents:
        "let real; module.exports = new Proxy({}, { get: (_, key) => (real ??= require('node:child_process'))[key] })",
      loader: 'js',
    }))
  },
}

const outdir = new URL('../dist/bundle/', import.meta.url).pathname
rmSync(outdir, { recursive: true, force: true })
await build({
  entryPoints: { main: 'src/cli/main.ts' },
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  outExtension: { '.js': '.mjs' },
  sourcemap: true,
  logLevel: 'warning',
  plugins: [lazyChildProcess],
  // bundled CommonJS dependencies require Node's built-in modules
  banner: {
    js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
  },
})
