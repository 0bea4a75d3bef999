/**
 * An abort in the middle of an attempt rejects with the caller's reason and lets go of the
 * request itself: the server sees its connection close, whether the headers or the body were
 * awaited, with fetch and with nodeHttp().
 */
import { describe, expect, it } from "vitest";
import { clientFor, rejection } from "../support/client.js";
import { type Handler, stallBody, stallHeaders, startServer } from "../support/scripted-server.js";
import { until } from "../support/time.js";
import { SENDERS } from "../support/senders.js";

const stalls: [string, Handler][] = [
  ["the headers", stallHeaders],
  ["the body", stallBody],
];

describe.each(SENDERS)("an abort mid-request with %s", (_name, sender) => {
  it.each(stalls)("while awaiting %s closes the connection", async (_what, handler) => {
    const server = await startServer(handler);
    const controller = new AbortController();
    const call = clientFor(server, { ...sender(), maxRetries: 3 }).runs.get("t", "r", {
      signal: controller.signal,
    });
    await until(() => server.requests.length === 1);
    const reason = new Error("user left");
    controller.abort(reason);
    expect(await rejection(call)).toBe(reason);
    await until(() => server.closedAt.length === 1, 2000);
    expect(server.requests).toHaveLength(1);
  });
});
