import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'scripts/**/*.test.ts'],
    environment: 'node',
    // Property tests run thousands of cases: on a loaded 2-core machine the
    // default 5 s is not enough. This is a hang guard, not a timing target.
    testTimeout: 60_000,
  },
})
