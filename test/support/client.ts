import { createClient } from "../../src/index.js";
import type { ClientOptions, ThreadRunClient } from "../../src/index.js";
import type { TestServer } from "./scripted-server.js";

/**
 * The key every test client sends, and the key `serve()` starts the reference server with; no test
 * output may ever contain it.
 */
export const KEY = "sk-secret-c0ffee-4f1d-9e2b-DO-NOT-LOG";

/** A client for `server` with fast backoff; options override. */
export function clientFor(
  server: { url: string } | TestServer,
  options: ClientOptions = {},
): ThreadRunClient {
  return createClient({
    apiKey: KEY,
    baseUrl: server.url,
    retryBaseDelayMs: 5,
    retryMaxDelayMs: 20,
    ...options,
  });
}

/** Awaits a promise that must reject and returns what it rejected with. */
export async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error("expected the promise to reject, but it resolved");
}

/** Like {@link rejection}, for a function that may also throw synchronously. */
export async function failure(action: () => unknown): Promise<unknown> {
  try {
    await action();
  } catch (error) {
    return error;
  }
  throw new Error("expected the call to fail, but it succeeded");
}
