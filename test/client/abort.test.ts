import { describe, expect, it } from "vitest";
import { clientFor, rejection } from "../support/client.js";
import {
  okRun,
  sequence,
  stallBody,
  stallHeaders,
  startServer,
  status,
} from "../support/scripted-server.js";
import { sleep, until } from "../support/time.js";

class Stop extends Error {
  override name = "Stop";
}

describe("aborting a call", () => {
  it("an abort during the backoff sleep rejects at once with the reason; no further attempt", async () => {
    const server = await startServer(status(503));
    // A 60 s backoff, longer than the test's time limit: only the abort can end it.
    const client = clientFor(server, { retryBaseDelayMs: 60_000, retryMaxDelayMs: 60_000 });
    const controller = new AbortController();
    const reason = new Stop("user stopped");
    const pending = client.runs.cancel("t", "r", { signal: controller.signal });
    // The 503 has been answered: the client is in (or about to start) its backoff sleep.
    await until(() => server.closedAt.length === 1);
    await sleep(10);
    controller.abort(reason);
    expect(await rejection(pending)).toBe(reason);
    await sleep(50);
    expect(server.requests).toHaveLength(1);
  });

  it("an abort during a Retry-After wait rejects at once too", async () => {
    // 50 s (within maxRetryAfterMs), longer than the test's time limit: only the abort ends it.
    const server = await startServer(status(429, "wait", { "retry-after-ms": "50000" }));
    const controller = new AbortController();
    const pending = clientFor(server).runs.get("t", "r", { signal: controller.signal });
    await until(() => server.closedAt.length === 1);
    await sleep(10);
    controller.abort(new Stop("bored"));
    const error = await rejection(pending);
    expect(error).toBeInstanceOf(Stop);
    expect(server.requests).toHaveLength(1);
  });

  it("an abort while waiting for headers rejects with the reason and is never retried", async () => {
    const server = await startServer(stallHeaders);
    const controller = new AbortController();
    const reason = new Stop("mid-request");
    const pending = clientFor(server, { maxRetries: 5 }).runs.cancel("t", "r", {
      signal: controller.signal,
    });
    while (server.requests.length === 0) await sleep(5);
    controller.abort(reason);
    expect(await rejection(pending)).toBe(reason);
    // A retry (backoff 5 to 20 ms) would have come by now.
    await sleep(50);
    expect(server.requests).toHaveLength(1);
  });

  it("an abort while the body streams rejects with the reason and is never retried", async () => {
    const server = await startServer(sequence(stallBody, okRun()));
    const controller = new AbortController();
    const pending = clientFor(server, { maxRetries: 5 }).runs.get("t", "r", {
      signal: controller.signal,
    });
    while (server.requests.length === 0) await sleep(5);
    await sleep(50);
    controller.abort("a string reason");
    expect(await rejection(pending)).toBe("a string reason");
    await sleep(50);
    expect(server.requests).toHaveLength(1);
  });

  it("abort() without a reason rejects with the signal's AbortError", async () => {
    const server = await startServer(stallHeaders);
    const controller = new AbortController();
    const pending = clientFor(server).runs.get("t", "r", { signal: controller.signal });
    while (server.requests.length === 0) await sleep(5);
    controller.abort();
    const error = await rejection(pending);
    expect(error).toBe(controller.signal.reason);
    expect((error as DOMException).name).toBe("AbortError");
  });

  it("an already-aborted signal sends nothing", async () => {
    const server = await startServer();
    const client = clientFor(server);
    const reason = new Stop("before");
    const signal = AbortSignal.abort(reason);
    expect(await rejection(client.runs.cancel("t", "r", { signal }))).toBe(reason);
    expect(await rejection(client.runs.get("t", "r", { signal }))).toBe(reason);
    expect(await rejection(client.runs.list("t", { signal }).all())).toBe(reason);
    await sleep(50);
    expect(server.requests).toHaveLength(0);
  });

  it("a signal that never fires changes nothing", async () => {
    const server = await startServer(sequence(status(503), okRun()));
    const run = await clientFor(server).runs.cancel("t", "r", {
      signal: new AbortController().signal,
    });
    expect(run.id).toBe("r");
    expect(server.requests).toHaveLength(2);
  });
});

describe("aborting while the credential is fetched", () => {
  it("an abort while the token function runs rejects with the reason and sends nothing", async () => {
    const server = await startServer();
    const controller = new AbortController();
    const reason = new Stop("while fetching a token");
    const client = clientFor(server, {
      apiKey: async () => {
        await sleep(100);
        return "token-after-abort";
      },
    });
    const pending = client.runs.get("t", "r", { signal: controller.signal });
    await sleep(20);
    controller.abort(reason);
    expect(await rejection(pending)).toBe(reason);
    await sleep(150);
    expect(server.requests).toHaveLength(0);
  });
});
