/**
 * The retry decision as a table: what one failed attempt (its status and headers, or no answer at
 * all) leads to, for a given attempt number, policy and jitter draw. Exact values, because every
 * row is a promise users rely on: how many requests a failure costs and how long each wait is.
 * The transport tests (retry.test.ts) check that the decision is what goes over the wire.
 */
import { describe, expect, it } from "vitest";
import { decideRetry, type AttemptOutcome, type RetryPolicy } from "../../src/retry.js";

/** The client's defaults: 2 retries, backoff 500 ms doubling up to 8 s, server waits up to 60 s. */
const DEFAULTS: RetryPolicy = {
  maxRetries: 2,
  baseDelayMs: 500,
  maxDelayMs: 8_000,
  maxRetryAfterMs: 60_000,
};

/** A fixed "now" on a whole second, so an HTTP date (whole seconds) is an exact number of ms away. */
const NOW = Date.UTC(2026, 0, 15, 12, 0, 0);
const inSeconds = (s: number): string => new Date(NOW + s * 1000).toUTCString();

/** Just under 1: the largest jitter `Math.random` can draw. */
const ALMOST_ONE = 1 - 2 ** -53;

interface Row {
  reason: string;
  /** The attempt that failed, from 1; attempt `maxRetries + 1` is the last. */
  attempt: number;
  /** A status with its headers, or no answer (a connection error or a timeout). */
  outcome: AttemptOutcome;
  policy?: Partial<RetryPolicy>;
  /** The jitter draw. @default 0 (no jitter: the full backoff) */
  random?: number;
  expected: { retry: true; delayMs: number } | { retry: false; retryAfterMs: number | null };
}

const answer = (status: number, headers: Record<string, string> = {}): AttemptOutcome => ({
  kind: "status",
  status,
  headers: new Headers(headers),
});
const NO_ANSWER: AttemptOutcome = { kind: "no-answer" };
const retryAfter = (value: string): Record<string, string> => ({ "retry-after": value });
const retryAfterMs = (value: string): Record<string, string> => ({ "retry-after-ms": value });

const retried = (delayMs: number) => ({ retry: true, delayMs }) as const;
const final = (retryAfterMs: number | null = null) => ({ retry: false, retryAfterMs }) as const;

const statusRows: Row[] = [
  ...[408, 409, 429, 500, 502, 503, 504].map((status): Row => ({
    reason: `${status} is retried after the base delay`,
    attempt: 1,
    outcome: answer(status),
    expected: retried(500),
  })),
  ...[400, 401, 403, 404, 422].map((status): Row => ({
    reason: `${status} is final`,
    attempt: 1,
    outcome: answer(status),
    expected: final(),
  })),
  {
    reason: "a status the table does not name (501) is final",
    attempt: 1,
    outcome: answer(501),
    expected: final(),
  },
  {
    reason: "no answer (connection error or timeout) is retried after the base delay",
    attempt: 1,
    outcome: NO_ANSWER,
    expected: retried(500),
  },
  {
    reason: "no answer on the second attempt waits twice as long",
    attempt: 2,
    outcome: NO_ANSWER,
    expected: retried(1000),
  },
];

const lastAttemptRows: Row[] = [
  {
    reason: "a 503 on the last attempt is final",
    attempt: 3,
    outcome: answer(503),
    expected: final(),
  },
  {
    reason: "no answer on the last attempt is final",
    attempt: 3,
    outcome: NO_ANSWER,
    expected: final(),
  },
  {
    reason: "a 429 on the last attempt is final and still carries the wait asked for",
    attempt: 3,
    outcome: answer(429, retryAfterMs("20")),
    expected: final(20),
  },
  {
    reason: "maxRetries 0: the first attempt is the last",
    attempt: 1,
    outcome: answer(503),
    policy: { maxRetries: 0 },
    expected: final(),
  },
  {
    reason: "maxRetries 5: the fifth attempt is not the last",
    attempt: 5,
    outcome: answer(503),
    policy: { maxRetries: 5 },
    expected: retried(8000),
  },
];

const shouldRetryRows: Row[] = [
  {
    reason: "x-should-retry: true makes a 400 retryable",
    attempt: 1,
    outcome: answer(400, { "x-should-retry": "true" }),
    expected: retried(500),
  },
  {
    reason: "x-should-retry: true makes a 404 retryable",
    attempt: 2,
    outcome: answer(404, { "x-should-retry": "true" }),
    expected: retried(1000),
  },
  {
    reason: "x-should-retry: false makes a 503 final",
    attempt: 1,
    outcome: answer(503, { "x-should-retry": "false" }),
    expected: final(),
  },
  {
    reason: "x-should-retry: false on a 429 is final and still carries the wait asked for",
    attempt: 1,
    outcome: answer(429, { "x-should-retry": "false", ...retryAfterMs("20") }),
    expected: final(20),
  },
  {
    reason: "x-should-retry: true does not go past maxRetries",
    attempt: 3,
    outcome: answer(400, { "x-should-retry": "true" }),
    expected: final(),
  },
  {
    reason: "x-should-retry with another value leaves a 503 to its status (retried)",
    attempt: 1,
    outcome: answer(503, { "x-should-retry": "maybe" }),
    expected: retried(500),
  },
  {
    reason: "x-should-retry with another value leaves a 400 to its status (final)",
    attempt: 1,
    outcome: answer(400, { "x-should-retry": "yes" }),
    expected: final(),
  },
];

const hintRows: Row[] = [
  {
    reason: "retry-after-ms: 20 waits 20 ms",
    attempt: 1,
    outcome: answer(429, retryAfterMs("20")),
    expected: retried(20),
  },
  {
    reason: "retry-after-ms wins over Retry-After",
    attempt: 1,
    outcome: answer(429, { ...retryAfterMs("20"), ...retryAfter("30") }),
    expected: retried(20),
  },
  {
    reason: "a fractional retry-after-ms is rounded up, never down to a busier retry",
    attempt: 1,
    outcome: answer(429, retryAfterMs("20.2")),
    expected: retried(21),
  },
  {
    reason: "Retry-After: 1 is one second",
    attempt: 1,
    outcome: answer(429, retryAfter("1")),
    expected: retried(1000),
  },
  {
    reason: "Retry-After: 2 on a 503 is two seconds",
    attempt: 2,
    outcome: answer(503, retryAfter("2")),
    expected: retried(2000),
  },
  {
    reason: "Retry-After as an HTTP date 5 s ahead waits 5 s",
    attempt: 1,
    outcome: answer(429, retryAfter(inSeconds(5))),
    expected: retried(5000),
  },
  {
    reason: "Retry-After as an HTTP date in the past retries at once",
    attempt: 1,
    outcome: answer(429, retryAfter(inSeconds(-30))),
    expected: retried(0),
  },
  {
    reason: "Retry-After in the obsolete RFC 850 date form is read as GMT",
    attempt: 1,
    outcome: answer(503, retryAfter("Thursday, 15-Jan-26 12:00:05 GMT")),
    expected: retried(5000),
  },
  {
    reason: "Retry-After in the obsolete asctime form is read as GMT",
    attempt: 1,
    outcome: answer(503, retryAfter("Thu Jan 15 12:00:05 2026")),
    expected: retried(5000),
  },
  {
    reason: "a server's wait is not clamped by maxDelayMs (it is the server's word)",
    attempt: 1,
    outcome: answer(429, retryAfterMs("20000")),
    expected: retried(20_000),
  },
  {
    reason: "a server's wait gets no jitter",
    attempt: 1,
    outcome: answer(429, retryAfterMs("20")),
    random: ALMOST_ONE,
    expected: retried(20),
  },
  {
    reason: "a hint on a non-retryable status does not make it retryable",
    attempt: 1,
    outcome: answer(400, retryAfterMs("20")),
    expected: final(20),
  },
];

/** Malformed hints mean "no hint": the usual backoff, never NaN, never a zero-delay retry. */
const malformedRows: Row[] = [
  ...["", "   ", "soon", "20ms", "-5", "NaN"].map((value): Row => ({
    reason: `retry-after-ms ${JSON.stringify(value)} is ignored: backoff`,
    attempt: 1,
    outcome: answer(429, retryAfterMs(value)),
    expected: retried(500),
  })),
  ...["", "   ", "soon", "5 seconds", "-1", "NaN", "later 5", "1,5", "foo 2030"].map(
    (value): Row => ({
      reason: `Retry-After ${JSON.stringify(value)} is ignored: backoff`,
      attempt: 1,
      outcome: answer(429, retryAfter(value)),
      expected: retried(500),
    }),
  ),
  {
    reason: "a malformed retry-after-ms falls back to a good Retry-After",
    attempt: 1,
    outcome: answer(429, { ...retryAfterMs("soon"), ...retryAfter("3") }),
    expected: retried(3000),
  },
  {
    reason: "a malformed Retry-After on a 400 does not make it retryable",
    attempt: 1,
    outcome: answer(400, retryAfter("soon")),
    expected: final(),
  },
  {
    reason: "retry-after-ms: 0 is the server saying now: one immediate retry",
    attempt: 1,
    outcome: answer(429, retryAfterMs("0")),
    expected: retried(0),
  },
  {
    reason: "Retry-After: 0 is the server saying now: one immediate retry",
    attempt: 1,
    outcome: answer(503, retryAfter("0")),
    expected: retried(0),
  },
  {
    reason: "retry-after-ms: 0 still stops at the last attempt (no busy loop)",
    attempt: 3,
    outcome: answer(429, retryAfterMs("0")),
    expected: final(0),
  },
  {
    reason: "a huge Retry-After fails at once, carrying the wait",
    attempt: 1,
    outcome: answer(429, retryAfter("99999999999")),
    expected: final(99_999_999_999_000),
  },
  ...(
    [
      ["Retry-After of 400 digits", retryAfter("9".repeat(400))],
      ["Retry-After: Infinity", retryAfter("Infinity")],
      ["retry-after-ms: 1e400", retryAfterMs("1e400")],
    ] as const
  ).map(([name, headers]): Row => ({
    reason: `${name} (too long to represent) fails at once, carrying the largest safe wait`,
    attempt: 1,
    outcome: answer(429, headers),
    expected: final(Number.MAX_SAFE_INTEGER),
  })),
];

const capRows: Row[] = [
  {
    reason: "a wait equal to maxRetryAfterMs is waited",
    attempt: 1,
    outcome: answer(429, retryAfterMs("60000")),
    expected: retried(60_000),
  },
  {
    reason: "a wait 1 ms over maxRetryAfterMs fails at once",
    attempt: 1,
    outcome: answer(429, retryAfterMs("60001")),
    expected: final(60_001),
  },
  {
    reason: "Retry-After: 61 (s) is over the 60 s cap: fails at once",
    attempt: 1,
    outcome: answer(429, retryAfter("61")),
    expected: final(61_000),
  },
  {
    reason: "an HTTP date 2 minutes ahead is over the cap: fails at once",
    attempt: 1,
    outcome: answer(503, retryAfter(inSeconds(120))),
    expected: final(120_000),
  },
  {
    reason: "maxRetryAfterMs 1000: Retry-After: 1 is waited",
    attempt: 1,
    outcome: answer(429, retryAfter("1")),
    policy: { maxRetryAfterMs: 1000 },
    expected: retried(1000),
  },
  {
    reason: "maxRetryAfterMs 999: Retry-After: 1 fails at once",
    attempt: 1,
    outcome: answer(429, retryAfter("1")),
    policy: { maxRetryAfterMs: 999 },
    expected: final(1000),
  },
  {
    reason: "maxRetryAfterMs 0: only an immediate retry is allowed",
    attempt: 1,
    outcome: answer(429, retryAfterMs("1")),
    policy: { maxRetryAfterMs: 0 },
    expected: final(1),
  },
];

const LONG = { maxRetries: 100 };
const backoffRows: Row[] = [
  { reason: "attempt 1: base delay", attempt: 1, random: 0, expected: retried(500) },
  { reason: "attempt 2: doubled", attempt: 2, random: 0, expected: retried(1000) },
  { reason: "attempt 3: doubled again", attempt: 3, random: 0, expected: retried(2000) },
  { reason: "attempt 4", attempt: 4, random: 0, expected: retried(4000) },
  { reason: "attempt 5 reaches maxDelayMs", attempt: 5, random: 0, expected: retried(8000) },
  { reason: "attempt 6 is clamped to maxDelayMs", attempt: 6, random: 0, expected: retried(8000) },
  { reason: "attempt 60 is still maxDelayMs", attempt: 60, random: 0, expected: retried(8000) },
  { reason: "jitter 0.5 takes an eighth off", attempt: 1, random: 0.5, expected: retried(438) },
  { reason: "jitter 0.5 on attempt 2", attempt: 2, random: 0.5, expected: retried(875) },
  { reason: "jitter 0.5 at the clamp", attempt: 6, random: 0.5, expected: retried(7000) },
  {
    reason: "the largest jitter takes a quarter off, no more",
    attempt: 1,
    random: ALMOST_ONE,
    expected: retried(375),
  },
  {
    reason: "the largest jitter at the clamp",
    attempt: 6,
    random: ALMOST_ONE,
    expected: retried(6000),
  },
].map((row): Row => ({ ...row, outcome: answer(503), policy: LONG }));

const policyRows: Row[] = [
  {
    reason: "a base delay over maxDelayMs is clamped from the first retry",
    attempt: 1,
    outcome: answer(503),
    policy: { baseDelayMs: 10_000 },
    expected: retried(8000),
  },
  {
    reason: "maxDelayMs 0 retries at once",
    attempt: 2,
    outcome: answer(503),
    policy: { maxDelayMs: 0 },
    expected: retried(0),
  },
  {
    reason: "baseDelayMs 0 retries at once",
    attempt: 2,
    outcome: NO_ANSWER,
    policy: { baseDelayMs: 0 },
    expected: retried(0),
  },
  {
    reason: "baseDelayMs 0 deep into a long retry budget is still 0, not NaN",
    attempt: 1100,
    outcome: NO_ANSWER,
    policy: { baseDelayMs: 0, maxRetries: 5000 },
    expected: retried(0),
  },
  {
    reason: "a huge attempt number is clamped, not Infinity",
    attempt: 4000,
    outcome: answer(503),
    policy: { maxRetries: 5000 },
    expected: retried(8000),
  },
];

const table: Row[] = [
  ...statusRows,
  ...lastAttemptRows,
  ...shouldRetryRows,
  ...hintRows,
  ...malformedRows,
  ...capRows,
  ...backoffRows,
  ...policyRows,
];

function decide(row: Row, attempt = row.attempt) {
  const policy = { ...DEFAULTS, ...row.policy };
  const random = row.random ?? 0;
  return decideRetry(row.outcome, attempt - 1, policy, NOW, () => random);
}

describe("decideRetry", () => {
  it.each(table)("$reason", (row) => {
    expect(decide(row)).toEqual(row.expected);
  });

  it("every row is final at its policy's last attempt, whatever the headers say", () => {
    for (const row of table) {
      const last = (row.policy?.maxRetries ?? DEFAULTS.maxRetries) + 1;
      expect(decide(row, last).retry, row.reason).toBe(false);
    }
  });

  it("jitter only ever shortens the backoff, by at most a quarter", () => {
    const policy = { ...DEFAULTS, maxRetries: 10 };
    for (let retriesDone = 0; retriesDone < 10; retriesDone++) {
      const full = Math.min(500 * 2 ** retriesDone, 8000);
      for (const random of [0, 0.1, 0.25, 0.5, 0.75, 0.9, ALMOST_ONE]) {
        const decision = decideRetry(NO_ANSWER, retriesDone, policy, NOW, () => random);
        if (!decision.retry) throw new Error("expected a retry");
        expect(decision.delayMs).toBeLessThanOrEqual(full);
        expect(decision.delayMs).toBeGreaterThanOrEqual(Math.floor(full * 0.75));
      }
    }
  });

  it("reads an asctime Retry-After as GMT whatever the local time zone", () => {
    // asctime dates carry no zone; read as local time, a wait would be off by hours.
    const zone = process.env.TZ;
    process.env.TZ = "America/New_York";
    try {
      const decision = decideRetry(
        answer(503, retryAfter("Thu Jan 15 12:00:05 2026")),
        0,
        DEFAULTS,
        NOW,
      );
      expect(decision).toEqual(retried(5000));
    } finally {
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    }
  });
});
