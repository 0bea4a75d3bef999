/**
 * Client options at their edges: a key that is only whitespace, keys and header values that
 * cannot be sent (the messages never show them), a header value with a trailing line break (fetch
 * trims it, so it is accepted), `headers: null`, an Authorization header among others standing in
 * for the key, and a base URL ending in several slashes.
 */
import { afterEach, describe, expect, it, vi } from "vitest";
import { createClient } from "../../src/index.js";
import { KEY, clientFor, failure } from "../support/client.js";
import { startServer } from "../support/scripted-server.js";

afterEach(() => {
  vi.unstubAllEnvs();
});

/** The message of what `action` throws, checked to be a TypeError. */
async function typeErrorOf(action: () => unknown): Promise<string> {
  const error = await failure(action);
  expect(error).toBeInstanceOf(TypeError);
  return (error as Error).message;
}

describe("the API key at its edges", () => {
  it("a key of only whitespace is empty", async () => {
    expect(await typeErrorOf(() => createClient({ apiKey: " \n\t " }))).toBe(
      "createClient: apiKey: the key is empty (expected a non-empty string)",
    );
  });

  it("a key with a line break inside says where, never what", async () => {
    const message = await typeErrorOf(() => createClient({ apiKey: "sk-abc\ndef" }));
    expect(message).toBe(
      "createClient: apiKey: the key has a character that cannot be sent in an HTTP header at index 6 " +
        "(a line break, control character or non-ASCII character); the key is not shown",
    );
  });

  it("an Authorization header among others stands in for a missing key", async () => {
    vi.stubEnv("OPENAI_API_KEY", undefined);
    const server = await startServer();
    const client = createClient({
      baseUrl: server.url,
      headers: { "x-tenant": "blue", Authorization: "Bearer from-headers" },
    });
    await client.runs.get("t", "r");
    expect(server.requests[0]!.headers.authorization).toBe("Bearer from-headers");
    expect(server.requests[0]!.headers["x-tenant"]).toBe("blue");
  });
  it("a bad key is refused even when an Authorization header would win over it", async () => {
    const message = await typeErrorOf(() =>
      createClient({ apiKey: "sk-abc\ndef", headers: { Authorization: "Bearer from-headers" } }),
    );
    expect(message).toMatch(/^createClient: apiKey: the key has a character that cannot be sent/);
  });
});

describe("headers at their edges", () => {
  it("headers: null is refused naming the option", async () => {
    const message = await typeErrorOf(() =>
      createClient({ apiKey: KEY, headers: null as unknown as Record<string, string> }),
    );
    expect(message).toMatch(/^createClient: headers must be /);
  });

  it("a value with a control character is refused without showing it", async () => {
    const message = await typeErrorOf(() =>
      createClient({ apiKey: KEY, headers: { "x-secret": "abc\u0001def" } }),
    );
    expect(message).toBe(
      'createClient: headers: header "x-secret" has a character that cannot be sent (a line break, ' +
        "control character or one beyond Latin-1); the value is not shown",
    );
  });

  it("a value ending in a line break is accepted and sent trimmed, as fetch does", async () => {
    const server = await startServer();
    await clientFor(server, { headers: { "x-tenant": "blue\n" } }).runs.get("t", "r");
    expect(server.requests[0]!.headers["x-tenant"]).toBe("blue");
  });
});

describe("the base URL at its edges", () => {
  it("several trailing slashes are all dropped", async () => {
    const server = await startServer();
    await clientFor(server, { baseUrl: `${server.url}///` }).runs.get("t", "r");
    expect(server.requests[0]!.url).toBe("/v1/threads/t/runs/r");
  });
});
