import { defineConfig } from "vitest/config";

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
    testTimeout: 20_000,
    hookTimeout: 20_000,
  },
});
