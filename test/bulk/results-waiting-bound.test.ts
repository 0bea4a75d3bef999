/**
 * cancelMany holds back when its consumer does: once twice the concurrency of results wait to be
 * taken, it takes no more items from the source. The results already under way still land, so a
 * consumer that stops after its first result leaves exactly 1 taken + 2 × concurrency waiting +
 * the concurrency less one still under way when the bound was reached: 3 × concurrency in all.
 */
import { describe, expect, it } from "vitest";
import { clientFor } from "../support/client.js";
import { serve } from "../support/reference-server.js";
import { sleep, until } from "../support/time.js";

describe("cancelMany with a consumer that stops taking results", () => {
  it.each([1, 2, 4])(
    "concurrency %i: takes 3 × concurrency items from the source, no more",
    async (concurrency) => {
      const server = await serve();
      const runs = server.createRuns(20, { threadId: "thread_held", status: "in_progress" });
      let pulled = 0;
      function* source() {
        for (const run of runs) {
          pulled++;
          yield { threadId: run.thread_id, runId: run.id };
        }
      }
      const results = clientFor(server)
        .runs.cancelMany(source(), { concurrency })
        [Symbol.asyncIterator]();
      expect((await results.next()).done).toBe(false);
      // Wait until the cancels under way have all been answered and nothing more is pulled.
      await until(() => server.stats.requests === pulled);
      await sleep(50);
      expect(pulled).toBe(3 * concurrency);
      expect(server.stats.requests).toBe(pulled);
      let rest = 0;
      while (!(await results.next()).done) rest++;
      expect(rest + 1).toBe(20);
    },
  );
});
