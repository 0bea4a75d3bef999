/**
 * A call whose signal is already aborted sends nothing, and so reports nothing: no hook event and
 * no log line for an attempt that never went out (a tracer would otherwise open a span for it).
 */
import { describe, expect, it } from "vitest";
import { clientFor, rejection } from "../support/client.js";
import { captureLogger } from "../support/logger.js";
import { startServer } from "../support/scripted-server.js";

describe("an already-aborted call", () => {
  it("rejects with the reason, sends nothing, and tells no hook and no log", async () => {
    const server = await startServer();
    const events: string[] = [];
    const logger = captureLogger();
    const client = clientFor(server, {
      logger,
      logLevel: "debug",
      hooks: {
        onRequest: () => void events.push("request"),
        onResponse: () => void events.push("response"),
        onRetry: () => void events.push("retry"),
      },
    });
    const reason = new Error("gave up before starting");
    const call = client.runs.get("t", "r", { signal: AbortSignal.abort(reason) });
    expect(await rejection(call)).toBe(reason);
    expect(server.requests).toEqual([]);
    expect(events).toEqual([]);
    expect(logger.lines).toEqual([]);
  });
});
