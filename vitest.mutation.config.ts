import { existsSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { defineConfig } from "vitest/config";
import { BaseSequencer, type TestSpecification } from "vitest/node";

/**
 * Where `npm run test:mutation` first records how long each file of this config takes (vitest's
 * JSON report), for the order below. Inside Stryker's sandbox `reports/` is a copy of this one.
 */
const DURATIONS_FILE = "reports/mutation-durations.json";

/** Read once per process: Stryker sorts the files again for every mutant. */
let recorded: Map<string, number> | undefined;

/** Each file's duration in ms, by its path from `test/`, as last recorded; empty if none. */
function recordedDurations(root: string): Map<string, number> {
  if (recorded) return recorded;
  const durations = (recorded = new Map<string, number>());
  const file = path.join(root, DURATIONS_FILE);
  if (!existsSync(file)) return durations;
  const report = JSON.parse(readFileSync(file, "utf8")) as {
    testResults: { name: string; startTime: number; endTime: number }[];
  };
  // Test files sit at test/<folder>/<file>: the last three parts name one wherever it was run.
  for (const { name, startTime, endTime } of report.testResults) {
    durations.set(name.split(path.sep).slice(-3).join("/"), endTime - startTime);
  }
  return durations;
}

/**
 * Quickest files first. Stryker stops a mutant's run at the first failing test, and most mutants
 * are killed by a unit test that takes milliseconds; vitest's own order (longest first, for
 * parallel runs) made each of them wait for the seconds-long loopback files first. Not vitest's
 * results cache: every partial run (one mutant's tests, a skipped file after the first failure)
 * writes its duration there, so it soon holds 0 for the slowest files. A file without a
 * recorded duration goes after every file with one, the smallest first.
 */
class QuickestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const root = this.ctx.config.root;
    const durations = recordedDurations(root);
    const cost = (spec: TestSpecification): number => {
      const recorded = durations.get(path.relative(root, spec.moduleId).split(path.sep).join("/"));
      return recorded ?? 1e9 + statSync(spec.moduleId).size;
    };
    const costs = new Map(files.map((spec) => [spec, cost(spec)]));
    return [...files].sort((a, b) => (costs.get(a) ?? 0) - (costs.get(b) ?? 0));
  }
}

/**
 * The tests Stryker runs against each mutant (`npm run test:mutation`): the fast folders that
 * exercise the core modules over loopback (test/observe for the transport's hooks, log lines and
 * history). Left out: the files that spend seconds pacing real traffic (their behaviour is
 * covered by the fake-clock limiter tests, which are kept), and the type tests, which say
 * nothing about a mutant in a function body.
 */
export default defineConfig({
  test: {
    include: [
      "test/client/**/*.test.ts",
      "test/wait/**/*.test.ts",
      "test/bulk/**/*.test.ts",
      // The hooks, log lines, history and redaction of the transport: ~3 s, and they catch
      // observer and redaction mutants that would otherwise survive after running every test.
      "test/observe/**/*.test.ts",
    ],
    exclude: [
      // ~10 s each of real-time rate limiting; a mutant they would catch takes seconds to show.
      "test/bulk/rate-limit.test.ts",
      "test/bulk/limiter-loopback.test.ts",
    ],
    typecheck: { enabled: false },
    // Skips the loopback twins of fake-clock tests (`loopbackTwin` in test/support/fake-clock.ts).
    env: { THREADRUN_MUTATION_RUN: "1" },
    // One module graph for all files: Stryker switches mutants at run time (a global it sets), so
    // nothing needs a fresh import, and re-importing the client for each file of each mutant was
    // most of the run's CPU (the suite: 41 s of CPU isolated, 10 s not). Every test restores what
    // it changes (fake timers, stubbed globals) and serves on a port of its own. The cost: a
    // mutant in a module-level value (a function in a constant object) is chosen once, at the
    // first import, and never seen active; write such code as method bodies (see pacer.ts).
    isolate: false,
    sequence: { sequencer: QuickestFirst },
    // A mutant that makes a test hang fails it here after 3 s (the slowest test takes about 0.5 s),
    // before Stryker's own time limit, which would restart the test runner (several seconds).
    testTimeout: 3_000,
    hookTimeout: 3_000,
  },
});
