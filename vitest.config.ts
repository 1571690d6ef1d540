import { availableParallelism } from 'node:os'
import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/support/postgres-server.ts'],
    testTimeout: 20_000,
    // vitest's default leaves a core free (one worker on a two-core machine); the e2e and PostgreSQL tests mostly
    // wait on the processes and the server they start, so every core runs a test file
    maxWorkers: availableParallelism(),
  },
})
