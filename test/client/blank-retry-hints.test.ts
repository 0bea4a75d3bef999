/**
 * A wait hint that is blank but for whitespace `Number` reads as 0 (a no-break space, which fetch
 * keeps in a header value: it trims only spaces and tabs) is no hint. Read as 0, it would turn a
 * 429 into a retry at once, the busy loop a rate-limited server least needs. The final error
 * carries the wait the server asked for, so it says which reading the client made.
 */
import { describe, expect, it } from "vitest";
import { RateLimitError } from "../../src/index.js";
import { clientFor, rejection } from "../support/client.js";
import { errorBody, startServer, type Handler } from "../support/scripted-server.js";

/** Byte 0xA0: sent as one Latin-1 byte, it reaches the client as U+00A0. */
const NO_BREAK_SPACE = "\u00a0";

/** A 429 with `headers`; the body as bytes, so that node writes the header values as Latin-1. */
const tooMany =
  (headers: Record<string, string>): Handler =>
  (_req, res) => {
    res.writeHead(429, { "content-type": "application/json", ...headers });
    res.end(Buffer.from(JSON.stringify(errorBody("slow down"))));
  };

describe("a blank wait hint on a 429", () => {
  for (const header of ["retry-after-ms", "retry-after"]) {
    it(`${header} of no-break spaces is no hint: the error carries no wait`, async () => {
      const server = await startServer(tooMany({ [header]: NO_BREAK_SPACE.repeat(2) }));
      const error = await rejection(clientFor(server, { maxRetries: 0 }).runs.get("t", "r"));
      expect(error).toBeInstanceOf(RateLimitError);
      expect((error as RateLimitError).headers.get(header)).toBe(NO_BREAK_SPACE.repeat(2));
      expect((error as RateLimitError).retryAfterMs).toBeNull();
      expect(server.requests).toHaveLength(1);
    });
  }

  it("a blank retry-after-ms falls back to Retry-After", async () => {
    const server = await startServer(
      tooMany({ "retry-after-ms": NO_BREAK_SPACE, "retry-after": "2" }),
    );
    const error = await rejection(clientFor(server, { maxRetries: 0 }).runs.get("t", "r"));
    expect((error as RateLimitError).retryAfterMs).toBe(2000);
  });
});
