/**
 * The reference server (`threadrun/testing`) for tests: started with the shared test key, closed
 * after the current test, plus small helpers to call it with plain fetch and to read what it saw.
 */
import { afterEach } from "vitest";
import {
  startRunsServer,
  type RunsServer,
  type RunsServerOptions,
} from "../../src/testing/index.js";
import { KEY } from "./client.js";

const started: RunsServer[] = [];

afterEach(async () => {
  await Promise.all(started.splice(0).map((server) => server.close()));
});

/** Starts a reference server that accepts {@link KEY} (unless `apiKey` says otherwise), closed after the current test. */
export async function serve(options?: RunsServerOptions): Promise<RunsServer> {
  const server = await startRunsServer({ apiKey: KEY, ...options });
  started.push(server);
  return server;
}

/** fetch against the server with {@link KEY} (`key: null` sends none); `path` is relative to `/v1`. */
export function call(
  server: RunsServer,
  path: string,
  init: RequestInit & { key?: string | null } = {},
): Promise<Response> {
  const { key = KEY, ...rest } = init;
  const headers = new Headers(rest.headers);
  if (key !== null) headers.set("authorization", `Bearer ${key}`);
  return fetch(server.url + path, { ...rest, headers });
}

export const cancelPath = (threadId: string, runId: string): string =>
  `/threads/${encodeURIComponent(threadId)}/runs/${encodeURIComponent(runId)}/cancel`;

export const runPath = (threadId: string, runId: string): string =>
  `/threads/${encodeURIComponent(threadId)}/runs/${encodeURIComponent(runId)}`;

/** The recorded requests whose path (query excluded) ends with `suffix`, for one method. */
export function requestsTo(server: RunsServer, method: string, suffix: string) {
  return server.requests.filter(
    (r) => r.method === method && r.path.split("?")[0]!.endsWith(suffix),
  );
}
