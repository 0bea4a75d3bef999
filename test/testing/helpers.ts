import { afterEach } from "vitest";
import { startRunsServer } from "../../src/testing/index.js";
import type { RunsServer, RunsServerOptions } from "../../src/testing/index.js";

const started: RunsServer[] = [];

/** Starts a server that is closed after the current test. */
export async function serve(options?: RunsServerOptions): Promise<RunsServer> {
  const server = await startRunsServer(options);
  started.push(server);
  return server;
}

afterEach(async () => {
  await Promise.all(started.splice(0).map((server) => server.close()));
});

/** fetch against the server with the default test key; `path` is relative to `/v1`. */
export function call(
  server: RunsServer,
  path: string,
  init: RequestInit & { key?: string | null } = {},
): Promise<Response> {
  const { key = "test-key", ...rest } = init;
  const headers = new Headers(rest.headers);
  if (key !== null) headers.set("authorization", `Bearer ${key}`);
  return fetch(server.url + path, { ...rest, headers });
}

export const cancelPath = (threadId: string, runId: string): string =>
  `/threads/${encodeURIComponent(threadId)}/runs/${encodeURIComponent(runId)}/cancel`;

export const runPath = (threadId: string, runId: string): string =>
  `/threads/${encodeURIComponent(threadId)}/runs/${encodeURIComponent(runId)}`;

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Polls `check` until it returns true or `timeoutMs` passes. */
export async function until(check: () => boolean, timeoutMs = 2000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error("condition not met in time");
    await sleep(5);
  }
}

export const ALL_RUN_FIELDS = [
  "id",
  "object",
  "created_at",
  "thread_id",
  "assistant_id",
  "status",
  "required_action",
  "last_error",
  "expires_at",
  "started_at",
  "cancelled_at",
  "failed_at",
  "completed_at",
  "incomplete_details",
  "model",
  "instructions",
  "tools",
  "tool_resources",
  "metadata",
  "usage",
  "temperature",
  "top_p",
  "max_prompt_tokens",
  "max_completion_tokens",
  "truncation_strategy",
  "tool_choice",
  "parallel_tool_calls",
  "response_format",
] as const;
