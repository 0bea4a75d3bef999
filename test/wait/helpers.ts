/**
 * Shared by the wait, bulk and CLI tests: a reference server closed after each test, and a
 * client pointed at it with short retry delays (the tests inject faults on purpose).
 */
import { afterEach } from "vitest";
import { createClient, type ClientOptions, type ThreadRunClient } from "../../src/index.js";
import {
  startRunsServer,
  type RunsServer,
  type RunsServerOptions,
} from "../../src/testing/index.js";

const started: RunsServer[] = [];

afterEach(async () => {
  await Promise.all(started.splice(0).map((server) => server.close()));
});

/** Starts a reference server that is closed after the current test. */
export async function serve(options?: RunsServerOptions): Promise<RunsServer> {
  const server = await startRunsServer(options);
  started.push(server);
  return server;
}

/** A client for `server` with the test key and fast retries. */
export function clientFor(server: RunsServer, options: ClientOptions = {}): ThreadRunClient {
  return createClient({
    apiKey: "test-key",
    baseUrl: server.url,
    retryBaseDelayMs: 10,
    ...options,
  });
}

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** The recorded requests whose path (query excluded) ends with `suffix`, for one method. */
export function requestsTo(server: RunsServer, method: string, suffix: string) {
  return server.requests.filter(
    (r) => r.method === method && r.path.split("?")[0]!.endsWith(suffix),
  );
}

/** Polls `check` until it holds or `timeoutMs` passes. */
export async function until(check: () => boolean, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error("condition not met in time");
    await sleep(10);
  }
}

/** The largest number of timestamps (ms) falling within any window of `windowMs`. */
export function maxInWindow(times: readonly number[], windowMs = 1000): number {
  const sorted = [...times].sort((a, b) => a - b);
  let max = 0;
  for (let i = 0, j = 0; i < sorted.length; i++) {
    while (sorted[i]! - sorted[j]! >= windowMs) j++;
    max = Math.max(max, i - j + 1);
  }
  return max;
}
