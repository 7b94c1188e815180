import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// The tests StrykerJS runs against each mutant: the unit tests that call the mutated modules in
// this process. Suites that run the built runtime bundle as a child process are left out: a child
// never sees the active mutant, so they cannot kill one and would only slow every run.
// Query is scored against its own tests and the simulation and compile tests that call it: the
// command tests also reach it, but build and type-check whole example projects for each mutant.
const OWN_TESTS: Record<string, string[]> = {
  query: ['test/query/**/*.test.ts', 'test/simulate/**/*.test.ts', 'test/compile/**/*.test.ts'],
};

export default defineConfig({
  root: fileURLToPath(new URL('../..', import.meta.url)),
  test: {
    include: OWN_TESTS[process.env.MUTATION_MODULE ?? ''] ?? [
      'test/compile/**/*.test.ts',
      'test/incident/**/*.test.ts',
      'test/query/**/*.test.ts',
      'test/simulate/**/*.test.ts',
      'test/commands/**/*.test.ts',
      'test/define/validate-definition.test.ts',
      'test/runtime/*.test.ts',
    ],
    exclude: [
      // `build --strict` runs the type checker, which needs files the sandbox leaves out; it tests
      // check's gate, not the mutated modules, which run-build.test.ts covers.
      'test/commands/build/strict.test.ts',
      // These run the runtime bundle as a child process.
      'test/runtime/ambiguous-create.test.ts',
      'test/runtime/bundle.test.ts',
      'test/runtime/crash-and-concurrency.test.ts',
      'test/runtime/delivery.test.ts',
      'test/runtime/input-and-mapping.test.ts',
      'test/runtime/proxy.test.ts',
      'test/runtime/prune.test.ts',
      'test/runtime/state-dir-and-watchdog.test.ts',
    ],
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
