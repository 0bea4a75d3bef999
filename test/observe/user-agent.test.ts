/**
 * Identifying the client: `User-Agent: threadrun/<version>` from Node with fetch and nodeHttp()
 * (the version is package.json's), and `x-threadrun-retry-count` on every attempt. A retried
 * cancel is the same request: only the retry count differs between its attempts.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it, vi } from "vitest";
import { createClient, type ClientOptions } from "../../src/index.js";
import { nodeHttp } from "../../src/node/index.js";
import { VERSION } from "../../src/version.js";
import { KEY, clientFor } from "../support/client.js";
import {
  okRun,
  resetBeforeHeaders,
  sequence,
  startServer,
  status,
} from "../support/scripted-server.js";

const packageVersion = (
  JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as {
    version: string;
  }
).version;

it("the version sent is package.json's", () => {
  expect(VERSION).toBe(packageVersion);
});

describe.each([
  ["fetch", (): Partial<ClientOptions> => ({})],
  ["nodeHttp()", (): Partial<ClientOptions> => ({ http: nodeHttp() })],
])("with %s", (_name, sender) => {
  it("sends User-Agent: threadrun/<version>", async () => {
    const server = await startServer(okRun());
    await clientFor(server, sender()).runs.get("t", "r");
    expect(server.requests[0]!.headers["user-agent"]).toBe(`threadrun/${packageVersion}`);
  });

  it("a caller's User-Agent wins", async () => {
    const server = await startServer(okRun());
    await clientFor(server, { ...sender(), headers: { "User-Agent": "my-app/1.0" } }).runs.get(
      "t",
      "r",
    );
    expect(server.requests[0]!.headers["user-agent"]).toBe("my-app/1.0");
  });

  it("sends the retry count on every attempt: 0, 1, 2", async () => {
    const server = await startServer(sequence(resetBeforeHeaders, status(503), okRun()));
    await clientFor(server, sender()).runs.get("t", "r");
    expect(server.requests.map((r) => r.headers["x-threadrun-retry-count"])).toEqual([
      "0",
      "1",
      "2",
    ]);
  });

  it("a retried cancel is the same request: only the retry count differs", async () => {
    const server = await startServer(sequence(status(503), okRun()));
    await clientFor(server, sender()).runs.cancel("thread_a", "run_a");
    const [first, second] = server.requests;
    const without = (headers: Record<string, unknown>) => {
      const { "x-threadrun-retry-count": _count, ...rest } = headers;
      return rest;
    };
    expect(second!.method).toBe(first!.method);
    expect(second!.url).toBe(first!.url);
    expect(second!.body).toBe(first!.body);
    expect(without(second!.headers)).toEqual(without(first!.headers));
    expect([
      first!.headers["x-threadrun-retry-count"],
      second!.headers["x-threadrun-retry-count"],
    ]).toEqual(["0", "1"]);
  });

  it("the retry-count header can be removed like any default header", async () => {
    const server = await startServer(sequence(status(503), okRun()));
    await clientFor(server, { ...sender(), headers: { "x-threadrun-retry-count": null } }).runs.get(
      "t",
      "r",
    );
    expect(server.requests.map((r) => r.headers["x-threadrun-retry-count"])).toEqual([
      undefined,
      undefined,
    ]);
  });
});

describe("outside Node (a browser page)", () => {
  /** A client made where `process` is not Node's, as in a browser; requests still go by fetch. */
  function browserClient(
    server: { url: string },
    options: Partial<ClientOptions> = {},
    process: unknown = undefined,
  ) {
    vi.stubGlobal("process", process);
    try {
      return createClient({ apiKey: KEY, baseUrl: server.url, retryBaseDelayMs: 5, ...options });
    } finally {
      vi.unstubAllGlobals();
    }
  }

  it("a bundler's `process` shim (env only, no versions) is no Node either", async () => {
    const server = await startServer(okRun());
    await browserClient(server, {}, { env: {} }).runs.get("t", "r");
    expect(server.requests[0]?.headers["user-agent"]).not.toMatch(/^threadrun\//);
    expect(server.requests[0]?.headers["x-threadrun-retry-count"]).toBeUndefined();
  });

  it("sends neither User-Agent nor the retry count, so no CORS allow-list must name them", async () => {
    const server = await startServer(sequence(status(503), okRun()));
    await browserClient(server).runs.get("t", "r");
    expect(server.requests).toHaveLength(2);
    for (const request of server.requests) {
      expect(request.headers["user-agent"]).not.toMatch(/^threadrun\//);
      expect(request.headers["x-threadrun-retry-count"]).toBeUndefined();
    }
  });

  it("a page that opts in to the retry count gets it counted on every attempt", async () => {
    const server = await startServer(sequence(status(503), okRun()));
    await browserClient(server, { headers: { "x-threadrun-retry-count": "0" } }).runs.get("t", "r");
    expect(server.requests.map((r) => r.headers["x-threadrun-retry-count"])).toEqual(["0", "1"]);
  });
});
