// @ts-check
/**
 * Mutation testing of the core modules: `npm run test:mutation` (always under `nice -n 19`).
 * One file at a time while working on it: `nice -n 19 npx stryker run --mutate src/retry.ts`.
 * `bench/MUTATION.md` is made from the JSON report by `npx tsx bench/mutation-report.ts`.
 * @type {import('@stryker-mutator/api/core').PartialStrykerOptions}
 */
export default {
  testRunner: "vitest",
  plugins: ["@stryker-mutator/vitest-runner"],
  vitest: { configFile: "vitest.mutation.config.ts" },
  mutate: [
    "src/retry.ts",
    "src/ids.ts",
    "src/errors/*.ts",
    "src/wait.ts",
    // "bulk" as the issue named it: cancelMany and cancelActive, with their option checks.
    "src/bulk.ts",
    "src/bulk-options.ts",
    "src/cancel-active.ts",
    "src/cancel-active-options.ts",
    "src/refusal.ts",
    "src/options.ts",
    "src/pacer*.ts",
    "src/rate-headers.ts",
    "src/transport.ts",
    "src/transport/**/*.ts",
  ],
  // A stopped run resumes: mutants whose code and tests did not change keep their result.
  incremental: true,
  incrementalFile: "reports/stryker-incremental.json",
  reporters: ["clear-text", "progress", "json", "html"],
  jsonReporter: { fileName: "reports/mutation/mutation.json" },
  htmlReporter: { fileName: "reports/mutation/mutation.html" },
  // Two shared cores; the tests themselves mostly wait on loopback sockets and timers.
  concurrency: 2,
  // A mutant that makes a test hang is caught by the test's own time limit (3 s in
  // vitest.mutation.config.ts), which keeps the test runner. Stryker allows each mutant its tests'
  // own time x 1.5 plus this: it is the backstop for a mutant that blocks the event loop, and a
  // timeout here costs a restart of the runner.
  timeoutMS: 6_000,
  // Mutants of module-level constants (the retryable statuses, the HTTP-date patterns, key lists)
  // are "static": each would run every test file, which takes most of the time budget. They are
  // left out of the score; see bench/MUTATION.md for a one-off run with them.
  ignoreStatic: true,
  // The type checker would only turn some survivors into compile errors, which are left out anyway.
  checkers: [],
  cleanTempDir: "always",
  thresholds: { high: 90, low: 85, break: null },
};
