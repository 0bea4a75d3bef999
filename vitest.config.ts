import { availableParallelism } from "node:os";
import path from "node:path";
import { defineConfig } from "vitest/config";
import { BaseSequencer, type TestSpecification } from "vitest/node";

/**
 * The files that take longest, longest first: they start at once, so that the short files fill
 * the gaps around them instead of one long file running alone at the end. Vitest orders by the
 * durations of the last run when it has them; on a fresh clone it has none and would order by
 * file size, which put the 30 s benchmark smoke test last.
 */
const SLOW_FIRST = [
  "test/bench/bench.test.ts",
  "test/spec/lint.test.ts",
  "test/cli/cli.test.ts",
  "test/package/smoke.test.ts",
  "test/package/spec-diff.test.ts",
  "test/readme/readme.test.ts",
  "test/bulk/rate-limit.test.ts",
  "test/docs/browser.test.ts",
  "test/arazzo/respect.test.ts",
];

class SlowFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const rank = (spec: TestSpecification): number => {
      const index = SLOW_FIRST.indexOf(path.relative(this.ctx.config.root, spec.moduleId));
      return index === -1 ? SLOW_FIRST.length : index;
    };
    // A stable sort: the other files keep vitest's order.
    return sorted.sort((a, b) => rank(a) - rank(b));
  }
}

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // Type-level tests (expectTypeOf, @ts-expect-error) are checked by tsc through vitest.
    typecheck: {
      enabled: true,
      include: ["test/**/*.test-d.ts"],
      tsconfig: "./tsconfig.json",
    },
    // Vitest's default is one worker fewer than the cores: a single worker on 2 cores, which ran
    // every file one after the other. Most files spend their time waiting (on loopback servers,
    // timers, child processes), so two workers at least.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    sequence: { sequencer: SlowFirstSequencer },
    testTimeout: 20_000,
    hookTimeout: 20_000,
  },
});
