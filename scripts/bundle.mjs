// The command-line program as one bundle with a chunk per command (dist/bundle/): resolving and
// loading ~130 modules one by one costs more start-up time than a command's own work.
// The compiled modules in dist/ stay for the library entry points, the benchmark and the scripts.
import { rmSync } from 'node:fs'
import { build } from 'esbuild'

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
  // bundled CommonJS dependencies require Node's built-in modules
  banner: {
    js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
  },
})
