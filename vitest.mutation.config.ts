import path from "node:path";
import { defineConfig } from "vitest/config";
import { BaseSequencer, type TestSpecification } from "vitest/node";

/**
 * Quickest files first. Stryker stops a mutant's run at the first failing test, and most mutants
 * are killed by a unit test that takes milliseconds; vitest's own order (longest first, for
 * parallel runs) made each of them wait for the seconds-long loopback files first. Durations come
 * from the dry run (vitest's results cache); a file without one goes by size, smallest first.
 */
class QuickestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const cache = this.ctx.cache;
    const cost = (spec: TestSpecification): number => {
      const key = `${spec.project.name}:${path.relative(this.ctx.config.root, spec.moduleId)}`;
      // A file without a duration goes after every file with one, the smallest first.
      return cache.getFileTestResults(key)?.duration ?? 1e9 + (cache.getFileStats(key)?.size ?? 0);
    };
    return [...files].sort((a, b) => cost(a) - cost(b));
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
    sequence: { sequencer: QuickestFirst },
    testTimeout: 20_000,
    hookTimeout: 20_000,
  },
});
