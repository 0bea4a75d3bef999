/**
 * What an answer's headers say about the server's request limit, read the way servers really send
 * it: OpenAI's `x-ratelimit-limit-requests` / `-remaining-requests` / `-reset-requests` (the reset a
 * Go duration such as `1s`, `17ms`, `6m0s`) on every answer, successful ones included; the generic
 * `x-ratelimit-limit` / `-remaining` / `-reset` of gateways; and on a 429, `retry-after-ms` or
 * `Retry-After` (seconds or an HTTP date). Web APIs only: the main entry imports this.
 */
import { serverWait } from "./retry.js";

export interface RateHeaders {
  /** The most requests the limit allows (`x-ratelimit-limit-requests`), or `undefined`. */
  limit: number | undefined;
  /** Requests left before the limit refuses (`x-ratelimit-remaining-requests`), or `undefined`. */
  remaining: number | undefined;
  /** ms until the limit is full again (`x-ratelimit-reset-requests`), or `undefined`. */
  resetMs: number | undefined;
  /** The wait a 429 asked for, in ms, or `undefined` when it named none. */
  retryAfterMs: number | undefined;
  /**
   * The wait was given in whole seconds or as a date (`Retry-After: 1`): the server only says
   * "within this long". On a fast token bucket the next request may pass after a few ms.
   */
  coarse: boolean;
}

/** Reads the rate-limit headers of one answer. `now` is for a `Retry-After` given as a date. */
export function readRateHeaders(headers: Headers, now: number = Date.now()): RateHeaders {
  const wait = serverWait(headers, now);
  // Precise: the wait came from `retry-after-ms` (not merely beside a blank or broken one), or
  // `Retry-After` has a fraction of a second (whole seconds and dates are upper bounds).
  const seconds = Number(headers.get("retry-after"));
  const fine =
    wait?.header === "retry-after-ms" || (Number.isFinite(seconds) && !Number.isInteger(seconds));
  return {
    limit: count(headers.get("x-ratelimit-limit-requests") ?? headers.get("x-ratelimit-limit")),
    remaining: count(
      headers.get("x-ratelimit-remaining-requests") ?? headers.get("x-ratelimit-remaining"),
    ),
    resetMs: resetIn(
      headers.get("x-ratelimit-reset-requests") ?? headers.get("x-ratelimit-reset"),
      now,
    ),
    retryAfterMs: wait?.ms,
    coarse: wait !== null && !fine,
  };
}

function count(value: string | null): number | undefined {
  if (value === null) return undefined;
  const n = Number(value.trim());
  return value.trim() !== "" && Number.isFinite(n) && n >= 0 ? n : undefined;
}

/**
 * A reset as servers send it: a Go duration (`6m0s`, `1.5s`, `17ms`, `250us`), a number of seconds
 * (`0.5`), or a Unix time in seconds (`1700000000`, GitHub style).
 */
function resetIn(value: string | null, now: number): number | undefined {
  if (value === null) return undefined;
  const text = value.trim();
  const seconds = Number(text);
  if (text !== "" && Number.isFinite(seconds) && seconds >= 0) {
    return seconds >= 1e9 ? Math.max(0, seconds * 1000 - now) : seconds * 1000;
  }
  return goDuration(text);
}

const UNIT_MS: Readonly<Record<string, number>> = {
  ns: 1e-6,
  us: 1e-3,
  µs: 1e-3,
  μs: 1e-3,
  ms: 1,
  s: 1000,
  m: 60_000,
  h: 3_600_000,
};

/** A Go `time.Duration` string in ms (`1h2m3.5s`, `17ms`), or `undefined` when it is not one. */
export function goDuration(text: string): number | undefined {
  const part = /(\d+(?:\.\d*)?|\.\d+)(ns|us|µs|μs|ms|s|m|h)/y;
  let total = 0;
  let at = 0;
  while (at < text.length) {
    part.lastIndex = at;
    const match = part.exec(text);
    if (match === null) return undefined;
    total += Number(match[1]) * (UNIT_MS[match[2] as string] as number);
    at = part.lastIndex;
  }
  return at === 0 ? undefined : total;
}
