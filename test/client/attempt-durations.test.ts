/**
 * Each attempt's `durationMs` (in history and hook events) is the time that attempt took: from
 * sending to the end of its answer. An answer that took the server 40 ms took at least that long,
 * and no attempt can take longer than the whole call did.
 */
import { describe, expect, it } from "vitest";
import { responseInfo } from "../../src/index.js";
import { clientFor } from "../support/client.js";
import { okRun, sequence, startServer, status } from "../support/scripted-server.js";
import { sleep } from "../support/time.js";

const SERVER_DELAY_MS = 40;

describe("an attempt's durationMs", () => {
  it("covers the server's delay and is within the call's own time, on every attempt", async () => {
    const slowly =
      (then: ReturnType<typeof okRun>) =>
      async (...args: Parameters<typeof then>) => {
        await sleep(SERVER_DELAY_MS);
        return then(...args);
      };
    const server = await startServer(
      sequence(slowly(status(503, "busy", { "retry-after-ms": "1" })), slowly(okRun())),
    );
    const durations: number[] = [];
    const client = clientFor(server, {
      hooks: { onResponse: (event) => void durations.push(event.durationMs) },
    });
    const started = performance.now();
    const run = await client.runs.get("t", "r");
    const callMs = performance.now() - started;
    const history = responseInfo(run)?.history ?? [];
    expect(history.map((entry) => entry.durationMs)).toEqual(durations);
    expect(durations).toHaveLength(2);
    for (const durationMs of durations) {
      // setTimeout may fire a millisecond early by performance.now().
      expect(durationMs).toBeGreaterThanOrEqual(SERVER_DELAY_MS - 1);
      expect(durationMs).toBeLessThanOrEqual(callMs);
    }
  });
});
