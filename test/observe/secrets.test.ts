/**
 * The key never appears in anything the client hands out while observing: every log line (at
 * debug, the most talkative level), every hook's object, every history entry and the final
 * error, even when the server echoes the Authorization header in its error bodies and the base
 * URL carries the key in its query. With fetch and with nodeHttp().
 */
import { describe, expect, it } from "vitest";
import { responseInfo, type ClientOptions } from "../../src/index.js";
import { nodeHttp } from "../../src/node/index.js";
import { KEY, clientFor, rejection } from "../support/client.js";
import { captureLogger, everythingIn } from "../support/logger.js";
import {
  json,
  okRun,
  resetBeforeHeaders,
  sequence,
  startServer,
  type Handler,
} from "../support/scripted-server.js";

/** An error answer whose body repeats the request's Authorization header and URL. */
const echo =
  (code: number): Handler =>
  (req, res) =>
    json(
      res,
      code,
      {
        error: { message: `denied for ${req.headers.authorization} at ${req.url}` },
      },
      { "retry-after-ms": "1" },
    );

describe.each([
  ["fetch", (): Partial<ClientOptions> => ({})],
  ["nodeHttp()", (): Partial<ClientOptions> => ({ http: nodeHttp() })],
])("with %s", (_name, sender) => {
  it("no log line, hook object, history entry or error holds the key", async () => {
    const server = await startServer(sequence(resetBeforeHeaders, echo(503), echo(500), echo(401)));
    const logger = captureLogger();
    const handed: unknown[] = [];
    const keep = (event: unknown) => void handed.push(event);
    const client = clientFor(
      { url: `${server.url}?api-key=${KEY}&tenant=a` },
      {
        ...sender(),
        maxRetries: 3,
        logger,
        logLevel: "debug",
        hooks: { onRequest: keep, onResponse: keep, onRetry: keep },
      },
    );
    const error = await rejection(client.runs.cancel("t", "r"));
    // The key did go out (header and query): the test would prove nothing otherwise.
    expect(server.requests[1]!.headers.authorization).toBe(`Bearer ${KEY}`);
    expect(server.requests[1]!.query.get("api-key")).toBe(KEY);
    expect(logger.lines).toHaveLength(11);
    expect(handed).toHaveLength(11);
    const everything = everythingIn([logger.lines, handed, error]);
    expect(everything).toContain("denied for Bearer [redacted]");
    expect(everything).toContain("api-key=[redacted]");
    expect(everything).not.toContain(KEY);
    expect(everything).not.toContain(encodeURIComponent(KEY));
  });

  it("a successful call after an echoed error: its history and the log hold no key", async () => {
    const server = await startServer(sequence(echo(503), okRun()));
    const logger = captureLogger();
    const client = clientFor(server, { ...sender(), logger, logLevel: "debug" });
    const run = await client.runs.cancel("t", "r");
    expect(responseInfo(run)?.history).toHaveLength(2);
    expect(everythingIn([logger.lines, responseInfo(run)?.history])).not.toContain(KEY);
  });
});
