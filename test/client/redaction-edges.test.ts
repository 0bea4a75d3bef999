/**
 * Where the credential is looked for in what a server sends back: the key as sent and in its
 * URL-encoded form, a caller's own Authorization header (with a scheme or bare), and the body of a
 * 200 that is not JSON. What replaces it is `[redacted]`, the rest of the text kept; a key under 8
 * characters (a local test key) is not looked for, so that it cannot mangle ordinary words.
 */
import { describe, expect, it } from "vitest";
import { ApiError, InvalidResponseError } from "../../src/index.js";
import { KEY, clientFor, rejection } from "../support/client.js";
import { type Handler, startServer } from "../support/scripted-server.js";

/** A proxy's error page quoting `echo(req)`. */
const echoing =
  (statusCode: number, echo: (authorization: string) => string): Handler =>
  (req, res) => {
    res.writeHead(statusCode, { "content-type": "text/html" });
    res.end(`<p>refused; you sent ${echo(String(req.headers.authorization))} here</p>`);
  };

const messageOf = async (handler: Handler, options: Parameters<typeof clientFor>[1] = {}) => {
  const server = await startServer(handler);
  const error = await rejection(
    clientFor(server, { maxRetries: 0, ...options }).runs.get("t", "r"),
  );
  return error as Error;
};

describe("redaction of what a server echoes", () => {
  it("the key becomes [redacted] and the rest of the page is kept", async () => {
    const error = await messageOf(echoing(502, (auth) => auth));
    expect(error).toBeInstanceOf(ApiError);
    expect(error.message).toContain("refused; you sent Bearer [redacted] here");
    expect(error.message).not.toContain(KEY);
  });

  it("the key in its URL-encoded form is redacted too", async () => {
    const key = "sk+live/9f8e=7d6c";
    const error = await messageOf(
      echoing(400, () => `?api-key=${encodeURIComponent(key)}`),
      { apiKey: key },
    );
    expect(error.message).toContain("you sent ?api-key=[redacted] here");
    expect(error.message).not.toContain(encodeURIComponent(key));
  });

  it("a key of exactly 8 characters is redacted; a shorter one is not looked for", async () => {
    const eight = await messageOf(
      echoing(400, (auth) => auth.slice(7)),
      { apiKey: "k8-chars" },
    );
    expect(eight.message).toContain("you sent [redacted] here");
    const seven = await messageOf(
      echoing(400, (auth) => auth.slice(7)),
      { apiKey: "k7chars" },
    );
    expect(seven.message).toContain("you sent k7chars here");
  });

  it.each([
    ["with a scheme", "Basic dXNlcjpwYXNzd29yZA==", "dXNlcjpwYXNzd29yZA=="],
    ["without a scheme", "raw-token-0123456789", "raw-token-0123456789"],
    ["with spaces around it", "  Token  tok-0123456789  ", "tok-0123456789"],
  ])("a caller's own Authorization header %s is redacted", async (_how, header, secret) => {
    const error = await messageOf(
      echoing(403, () => secret),
      { headers: { authorization: header } },
    );
    expect(error.message).toContain("you sent [redacted] here");
    expect(error.message).not.toContain(secret);
  });

  it("a 200 that is not JSON and echoes the key: the InvalidResponseError quotes it redacted", async () => {
    const error = await messageOf(echoing(200, (auth) => auth));
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect(error.message).toContain("you sent Bearer [redacted] here");
    expect(error.message).not.toContain(KEY);
  });
});
