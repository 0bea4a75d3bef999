/**
 * A pause hint that is no number a wait can follow (negative, not a number, only no-break spaces,
 * which Number reads as 0) is no hint: the wait's own interval applies. On a fake clock, with an
 * interval longer than the deadline: the wait polls once and ends exactly at its deadline. The
 * loopback tests of the same, with the hints that are followed, are in poll-pause-hints.test.ts.
 */
import { afterEach, expect, it } from "vitest";
import { TimeoutError } from "../../src/index.js";
import { fakeClockClient, jsonAnswer, settleWithin, stopFakeClock } from "../support/fake-clock.js";
import { wireRun } from "../support/wire.js";

afterEach(stopFakeClock);

it.each([
  ["openai-poll-after-ms of no-break spaces", { "openai-poll-after-ms": "\u00a0\u00a0" }],
  ["openai-poll-after-ms: -1", { "openai-poll-after-ms": "-1" }],
  ["openai-poll-after-ms: soon", { "openai-poll-after-ms": "soon" }],
  [
    "openai-poll-after-ms: -1 beside a blank Retry-After",
    { "openai-poll-after-ms": "-1", "retry-after": " " },
  ],
])("%s is no hint: the interval applies", async (_name, headers) => {
  const { client, requests, startedAt } = await fakeClockClient(() =>
    jsonAnswer(wireRun({ id: "run_1", status: "in_progress" }), { ...headers }),
  );
  const outcome = await settleWithin(
    client.runs.wait("thread_1", "run_1", { intervalMs: 60_000, timeoutMs: 1_500 }),
    1_500,
  );
  expect(outcome.at - startedAt).toBe(1_500);
  const error = !outcome.ok && outcome.error;
  expect(error).toBeInstanceOf(TimeoutError);
  expect((error as TimeoutError).run?.status).toBe("in_progress");
  expect(requests).toHaveLength(1);
});
