import { defineConfig } from 'vitest/config';

// Three suites: `unit` runs anywhere Node runs; `e2e` needs the real ElastAlert lines
// (scripts/install-elastalert.sh) and the built dist/ bundle; `fidelity` runs the offline evaluator
// and simulation side by side with the real engines (a real search engine, both ElastAlert lines).
// Each suite runs with its own temporary folder, removed at the end (test/temp-folder-per-run.ts).
const globalSetup = ['test/temp-folder-per-run.ts'];

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          globalSetup,
          include: ['test/**/*.test.ts'],
          exclude: ['test/e2e/**', 'test/fidelity/**'],
          // Generous: a timeout is a safety net for a hung test, never a speed check, and the
          // suite must pass on a 2-core machine that is busy with other work (stress-ng runs).
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          name: 'e2e',
          globalSetup,
          include: ['test/e2e/**/*.test.ts'],
          testTimeout: 180_000,
          hookTimeout: 300_000,
          pool: 'forks',
          poolOptions: { forks: { singleFork: true } },
        },
      },
      {
        test: {
          name: 'fidelity',
          globalSetup,
          include: ['test/fidelity/**/*.test.ts'],
          testTimeout: 600_000,
          hookTimeout: 900_000,
          pool: 'forks',
          poolOptions: { forks: { singleFork: true } },
        },
      },
    ],
  },
});
