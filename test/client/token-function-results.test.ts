/**
 * A token function that resolves to something other than a string: the call fails with a
 * TypeError that names `apiKey` and says what went wrong, before anything is sent, and the
 * value (which may be a secret) is not shown.
 */
import { describe, expect, it } from "vitest";
import { clientFor, rejection } from "../support/client.js";
import { startServer } from "../support/scripted-server.js";

describe("a token function's result", () => {
  it.each([
    ["a number", 42],
    ["undefined", undefined],
    ["null", null],
    ["an object", { token: "sk-in-an-object-1234" }],
  ])("that is %s is refused, naming apiKey", async (_what, result) => {
    const server = await startServer();
    const apiKey = (async () => result) as unknown as () => Promise<string>;
    const error = await rejection(clientFor(server, { apiKey }).runs.get("t", "r"));
    expect(error).toBeInstanceOf(TypeError);
    expect((error as Error).message).toBe(
      "apiKey: the credential function returned no token (expected a non-empty string)",
    );
    expect(server.requests).toHaveLength(0);
  });

  it('that is "" is refused as an empty key, naming apiKey', async () => {
    const server = await startServer();
    const error = await rejection(clientFor(server, { apiKey: async () => "" }).runs.get("t", "r"));
    expect(error).toBeInstanceOf(TypeError);
    expect((error as Error).message).toMatch(/^apiKey: .*empty/);
    expect(server.requests).toHaveLength(0);
  });
});
