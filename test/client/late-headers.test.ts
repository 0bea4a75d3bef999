/**
 * Headers that arrive after the attempt's time limit: the call has already failed with its
 * TimeoutError, and the late answer's connection is let go at once instead of being held open
 * by a body nobody will read.
 */
import { describe, expect, it } from "vitest";
import { TimeoutError } from "../../src/index.js";
import { clientFor, rejection } from "../support/client.js";
import { type Handler, idsFrom, startServer, wireRun } from "../support/scripted-server.js";
import { sleep, until } from "../support/time.js";

/** Answers after `delayMs` with headers and half a run, then stalls. */
const lateThenStall =
  (delayMs: number): Handler =>
  async (req, res) => {
    await sleep(delayMs);
    const text = JSON.stringify(wireRun(idsFrom(req.path)));
    res.writeHead(200, { "content-type": "application/json", "content-length": text.length });
    res.write(text.slice(0, text.length >> 1));
  };

describe("headers after the time limit", () => {
  it("the call times out, and the late answer's connection is closed", async () => {
    const server = await startServer(lateThenStall(250));
    const error = await rejection(
      clientFor(server, { timeoutMs: 30, maxRetries: 0 }).runs.get("t", "r"),
    );
    expect(error).toBeInstanceOf(TimeoutError);
    expect(server.closedAt).toEqual([]);
    // The headers come later; the client cancels that body instead of leaving it stalled.
    await until(() => server.closedAt.length === 1, 2000);
    expect(server.requests).toHaveLength(1);
  });
});
