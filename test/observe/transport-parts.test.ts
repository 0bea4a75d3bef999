/**
 * The transport in parts: the one function that adds the base query (used by the run operations
 * and the raw client alike), and the bulk-only rule on paced 429s, which now belongs to the
 * shared pacer's hooks instead of to any caller that has attempt hooks.
 */
import { describe, expect, it } from "vitest";
import { resolveOptions } from "../../src/options.js";
import { Runs } from "../../src/runs.js";
import { createTransport, type AttemptHooks } from "../../src/transport.js";
import { withBaseQuery } from "../../src/transport/url.js";
import { sharedPacer } from "../../src/with-hooks.js";
import { KEY, clientFor, rejection } from "../support/client.js";
import { okRun, sequence, startServer, status } from "../support/scripted-server.js";

const CANCEL = "/threads/{thread_id}/runs/{run_id}/cancel";

describe("the base query", () => {
  it("a raw call naming api-version keeps the base URL's other query parameters", async () => {
    const server = await startServer(okRun());
    const client = clientFor({ url: `${server.url}?tenant=acme` }, { apiVersion: "2025-05-01" });
    await client.raw.POST(CANCEL, {
      params: { path: { thread_id: "t", run_id: "r" }, query: { "api-version": "preview" } },
    } as never);
    const sent = server.requests[0]!;
    expect(sent.query.getAll("tenant")).toEqual(["acme"]);
    // The call's own api-version replaces the client's: sent once, not twice.
    expect(sent.query.getAll("api-version")).toEqual(["preview"]);
  });

  it("the run operations and the raw client send the same target", async () => {
    const server = await startServer(okRun());
    const client = clientFor({ url: `${server.url}?tenant=acme` }, { apiVersion: "v1" });
    await client.runs.cancel("t", "r");
    await client.raw.POST(CANCEL, { params: { path: { thread_id: "t", run_id: "r" } } });
    expect(server.requests.map((r) => r.url)).toEqual([
      "/v1/threads/t/runs/r/cancel?tenant=acme&api-version=v1",
      "/v1/threads/t/runs/r/cancel?tenant=acme&api-version=v1",
    ]);
  });

  it.each([
    ["/runs", "", "/runs"],
    ["/runs", "api-version=1", "/runs?api-version=1"],
    ["/runs?", "api-version=1", "/runs?api-version=1"],
    ["/runs?limit=100", "api-version=1", "/runs?api-version=1&limit=100"],
    ["/runs?api-version=2", "api-version=1&tenant=a", "/runs?tenant=a&api-version=2"],
    ["/runs?api-version=2", "api-version=1", "/runs?api-version=2"],
  ])("withBaseQuery(%j, %j) is %j", (target, base, expected) => {
    expect(withBaseQuery(target, base)).toBe(expected);
  });
});

describe("paced 429s are free only behind a shared pacer's hooks", () => {
  const passThrough: AttemptHooks = { beforeAttempt: () => 1, afterAttempt: () => undefined };

  function runsOn(url: string, hooks: AttemptHooks): Runs {
    const transport = createTransport(
      resolveOptions({ apiKey: KEY, baseUrl: url, maxRetries: 1, retryBaseDelayMs: 1 }),
    );
    return new Runs(transport, hooks);
  }

  const three429sThenOk = () =>
    sequence(
      status(429, "slow", { "retry-after-ms": "1" }),
      status(429, "slow", { "retry-after-ms": "1" }),
      status(429, "slow", { "retry-after-ms": "1" }),
      okRun(),
    );

  it("other attempt hooks leave 429s counted against maxRetries", async () => {
    const server = await startServer(three429sThenOk());
    const error = await rejection(runsOn(server.url, passThrough).cancel("t", "r"));
    expect((error as { status?: number }).status).toBe(429);
    expect(server.requests).toHaveLength(2);
  });

  it("a shared pacer's hooks retry them without using maxRetries up", async () => {
    const server = await startServer(three429sThenOk());
    const run = await runsOn(server.url, sharedPacer(passThrough)).cancel("t", "r");
    expect(run.id).toBe("r");
    expect(server.requests).toHaveLength(4);
  });

  it("a shared pacer's hooks do not make a 503 free", async () => {
    const server = await startServer(sequence(status(503), status(503), okRun()));
    await rejection(runsOn(server.url, sharedPacer(passThrough)).cancel("t", "r"));
    expect(server.requests).toHaveLength(2);
  });
});
