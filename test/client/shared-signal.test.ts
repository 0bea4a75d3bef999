/**
 * One AbortSignal shared by many calls (a page's or a job's lifetime signal): each call lets go of
 * it when it ends, however it ends, so that nothing piles up on a long-lived signal, and aborting
 * it later touches no call that already ended.
 */
import { getEventListeners } from "node:events";
import { describe, expect, it } from "vitest";
import { clientFor, rejection } from "../support/client.js";
import {
  okRun,
  resetBeforeHeaders,
  sequence,
  stallHeaders,
  startServer,
  status,
} from "../support/scripted-server.js";
import { SENDERS } from "../support/senders.js";

describe.each(SENDERS)("a signal shared by many calls with %s", (_name, sender) => {
  it("holds no listener once the calls ended: answered, retried, failed or timed out", async () => {
    const server = await startServer(
      sequence(okRun(), resetBeforeHeaders, okRun(), status(404), stallHeaders),
    );
    const controller = new AbortController();
    const { signal } = controller;
    const client = clientFor(server, { ...sender(), maxRetries: 1 });
    await client.runs.get("t", "r1", { signal });
    await client.runs.get("t", "r2", { signal });
    await rejection(client.runs.get("t", "r3", { signal }));
    await rejection(client.runs.get("t", "r4", { signal, maxRetries: 0, timeoutMs: 150 }));
    expect(server.requests).toHaveLength(5);
    expect(getEventListeners(signal, "abort")).toHaveLength(0);
    controller.abort(new Error("later"));
    expect(server.requests).toHaveLength(5);
  });
});
