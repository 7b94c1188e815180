// StrykerJS over the core modules (docs/mutation.md). Run through `npm run mutation [module]`
// (scripts/mutation/run.mjs), which names the module in MUTATION_MODULE and the files in --mutate.
const module = process.env.MUTATION_MODULE ?? 'all';

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  // related: false. With vitest's related-file search the initial run found only 67 of the
  // suite's 300-odd tests, and scored mutants against those alone; each mutant run names its files.
  vitest: { configFile: 'scripts/mutation/vitest.config.ts', related: false },
  coverageAnalysis: 'perTest',
  // The machine is shared: two test processes at most, unless MUTATION_CONCURRENCY says otherwise.
  concurrency: Number(process.env.MUTATION_CONCURRENCY ?? 2),
  // A busy machine stretches every run; a generous margin keeps slow runs from being called timeouts.
  timeoutMS: 30_000,
  timeoutFactor: 3,
  // A static mutant (a module-level constant) needs every test file reloaded: 82 of incident's 688
  // mutants took 59% of its run. They are reported as Ignored and left out of the score.
  ignoreStatic: true,
  incremental: true,
  incrementalFile: `scripts/mutation/incremental/${module}.json`,
  reporters: ['clear-text', 'progress', 'json'],
  jsonReporter: { fileName: `reports/mutation/${module}.json` },
  clearTextReporter: { allowColor: false, logTests: false },
  tempDirName: '.cache/stryker-tmp',
  cleanTempDir: true,
  ignorePatterns: ['.cache', 'coverage', 'reports', 'oracle', 'dist', 'scripts/mutation/incremental'],
  thresholds: { high: 95, low: 90, break: null },
};
