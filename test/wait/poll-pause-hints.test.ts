/**
 * A server may say when to poll next: `openai-poll-after-ms` on the run's answer, else
 * `Retry-After`. A hint of 0 means "poll again now"; a hint that is blank, negative or not a finite
 * number is no hint, and the wait's own interval applies. The interval here is far longer than
 * the deadline, so a run that finishes on its third poll shows that the hint was followed, and a
 * TimeoutError after one poll shows that it was not.
 */
import { describe, expect, it } from "vitest";
import { TimeoutError } from "../../src/index.js";
import { clientFor, rejection } from "../support/client.js";
import { loopbackTwin } from "../support/fake-clock.js";
import { idsFrom, startServer, wireRun, type Handler } from "../support/scripted-server.js";

/** `in_progress` twice, then `completed`, each answer with `headers` (its body as bytes). */
function finishingOnThirdPoll(headers: Record<string, string>): Handler {
  let polls = 0;
  return (req, res) => {
    const status = ++polls < 3 ? "in_progress" : "completed";
    res.writeHead(200, { "content-type": "application/json", ...headers });
    res.end(Buffer.from(JSON.stringify(wireRun({ ...idsFrom(req.path), status }))));
  };
}

/** An interval no test waits out: only a server's hint can bring the next poll before the deadline. */
const SLOW = { intervalMs: 60_000, timeoutMs: 1_500 } as const;

describe("a server's pause hint on a poll", () => {
  it.each([
    ["openai-poll-after-ms: 0", { "openai-poll-after-ms": "0" }],
    ["openai-poll-after-ms: 5", { "openai-poll-after-ms": "5" }],
    ["Retry-After: 0", { "retry-after": "0" }],
    ["retry-after-ms: 5", { "retry-after-ms": "5" }],
    [
      "openai-poll-after-ms: Infinity (no hint), then Retry-After: 0",
      { "openai-poll-after-ms": "Infinity", "retry-after": "0" },
    ],
    [
      "a blank openai-poll-after-ms, then Retry-After: 0",
      { "openai-poll-after-ms": "\u00a0", "retry-after": "0" },
    ],
  ])("%s is followed", async (_name, headers) => {
    const server = await startServer(finishingOnThirdPoll(headers));
    const run = await clientFor(server).runs.wait("thread_1", "run_1", SLOW);
    expect(run.status).toBe("completed");
    expect(server.requests).toHaveLength(3);
  });

  // Their fake-clock twins (the end exactly at the deadline): poll-pause-no-hint.test.ts.
  loopbackTwin.each([
    [
      "openai-poll-after-ms of no-break spaces (which Number reads as 0)",
      { "openai-poll-after-ms": "\u00a0\u00a0" },
    ],
    ["openai-poll-after-ms: -1", { "openai-poll-after-ms": "-1" }],
    ["openai-poll-after-ms: soon", { "openai-poll-after-ms": "soon" }],
  ])("%s is no hint: the interval applies", async (_name, headers) => {
    const server = await startServer(finishingOnThirdPoll(headers));
    const error = await rejection(clientFor(server).runs.wait("thread_1", "run_1", SLOW));
    expect(error).toBeInstanceOf(TimeoutError);
    expect((error as TimeoutError).run?.status).toBe("in_progress");
    expect(server.requests).toHaveLength(1);
  });
});
