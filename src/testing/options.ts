/**
 * The reference server's options: documented with their defaults, checked completely once with the
 * shared validators (unknown keys with the name meant, every value), and resolved into
 * {@link ServerSettings} so nothing downstream re-checks or re-defaults them.
 */
import {
  checkKnownKeys,
  checkOptionsObject,
  describe,
  duration,
  finiteNumber,
  nonEmptyString,
  optionalBoolean,
  wholeNumber,
} from "../validate.js";
import type { AdminOptions } from "./admin.js";
import type { ChaosOptions } from "./faults.js";
import type { RateLimitOptions } from "./rate-limit.js";

/**
 * How to start a reference server. Every field is optional; `undefined` means the default.
 * @category Testing
 */
export interface RunsServerOptions {
  /** Interface to listen on. @default "127.0.0.1" */
  host?: string | undefined;
  /** Port to listen on; 0 picks a free one. @default 0 */
  port?: number | undefined;
  /**
   * Every request must send `Authorization: Bearer <apiKey>`, else 401 (`invalid_api_key`).
   * `null` turns the check off. @default "test-key"
   */
  apiKey?: string | null | undefined;
  /** When set, every request must carry `?api-version=<value>`, else 400. @default undefined (not checked) */
  apiVersion?: string | undefined;
  /** After a cancel answers `cancelling`, the run becomes `cancelled` this much later (0 = next turn of the event loop). @default 50 */
  cancelDelayMs?: number | undefined;
  /** Delay before handling (and so answering) every request. @default 0 */
  latencyMs?: number | undefined;
  /** Token bucket; requests over it get 429 with `Retry-After` and `retry-after-ms`. @default undefined (no limit) */
  rateLimit?: RateLimitOptions | undefined;
  /** When set, run retrievals carry `openai-poll-after-ms: <n>`. @default undefined */
  pollAfterMs?: number | undefined;
  /** Random 500/503 answers and connection resets for load tests (seeded). @default undefined (off) */
  chaos?: ChaosOptions | undefined;
  /** Keep the last requests in {@link RunsServer.requests}. @default true */
  recordRequests?: boolean | undefined;
  /** How many requests {@link RunsServer.requests} keeps (a ring: older ones drop out). @default 10_000 */
  maxRecordedRequests?: number | undefined;
  /**
   * Serve the admin routes under `/__admin/` (create runs, set statuses, inject faults, read the
   * counters, reset) as plain HTTP without a key, for tests in other languages (`threadrun
   * serve`); `{ seed }` gives runs created there reproducible ids. @default false
   */
  admin?: boolean | AdminOptions | undefined;
}

/** The token bucket as the server runs it. */
export interface RateLimitSettings {
  requestsPerSecond: number;
  burst: number;
}

/** Chaos as the server runs it. */
export interface ChaosSettings {
  errorRate: number;
  resetRate: number;
  seed: number;
}

/** {@link RunsServerOptions} checked and defaulted. */
export interface ServerSettings {
  host: string;
  port: number;
  apiKey: string | null;
  apiVersion: string | undefined;
  cancelDelayMs: number;
  latencyMs: number;
  rateLimit: RateLimitSettings | undefined;
  pollAfterMs: number | undefined;
  chaos: ChaosSettings | undefined;
  recordRequests: boolean;
  maxRecordedRequests: number;
  /** `undefined` when the admin routes are off. */
  admin: AdminOptions | undefined;
}

const LABEL = "startRunsServer";

// Written as records over the option types, so a new option cannot be forgotten here.
const SERVER_KEYS = Object.keys({
  host: 0,
  port: 0,
  apiKey: 0,
  apiVersion: 0,
  cancelDelayMs: 0,
  latencyMs: 0,
  rateLimit: 0,
  pollAfterMs: 0,
  chaos: 0,
  recordRequests: 0,
  maxRecordedRequests: 0,
  admin: 0,
} satisfies Record<keyof RunsServerOptions, 0>);
const RATE_LIMIT_KEYS = Object.keys({
  requestsPerSecond: 0,
  burst: 0,
} satisfies Record<keyof RateLimitOptions, 0>);
const CHAOS_KEYS = Object.keys({
  errorRate: 0,
  resetRate: 0,
  seed: 0,
} satisfies Record<keyof ChaosOptions, 0>);

/** Checks `options` completely (throws `TypeError`/`RangeError` naming the option) and fills in the defaults. */
export function resolveServerOptions(options: unknown): ServerSettings {
  checkOptionsObject(options, `${LABEL} options`);
  const given = (options ?? {}) as Record<string, unknown>;
  checkKnownKeys(given, SERVER_KEYS, LABEL);
  return {
    host: nonEmptyString(given["host"], "host", "127.0.0.1"),
    port: wholeNumber(given["port"], "port", 0, { min: 0, max: 65_535 }),
    apiKey: apiKey(given["apiKey"]),
    apiVersion: nonEmptyString(given["apiVersion"], "apiVersion", undefined),
    cancelDelayMs: duration(given["cancelDelayMs"], "cancelDelayMs", 50, { zeroOk: true }),
    latencyMs: duration(given["latencyMs"], "latencyMs", 0, { zeroOk: true }),
    rateLimit: rateLimit(given["rateLimit"]),
    pollAfterMs:
      given["pollAfterMs"] === undefined
        ? undefined
        : duration(given["pollAfterMs"], "pollAfterMs", 0, { zeroOk: true }),
    chaos: chaos(given["chaos"]),
    recordRequests: optionalBoolean(given["recordRequests"], "recordRequests", true),
    maxRecordedRequests: wholeNumber(given["maxRecordedRequests"], "maxRecordedRequests", 10_000, {
      min: 0,
    }),
    admin: admin(given["admin"]),
  };
}

function apiKey(value: unknown): string | null {
  if (value === undefined) return "test-key";
  if (value === null || (typeof value === "string" && value !== "")) return value;
  throw new TypeError(`apiKey must be a non-empty string or null, got ${describe(value)}`);
}

function rateLimit(value: unknown): RateLimitSettings | undefined {
  if (value === undefined) return undefined;
  checkOptionsObject(value, "rateLimit");
  checkKnownKeys(value as object, RATE_LIMIT_KEYS, `${LABEL}: rateLimit`);
  const given = value as Record<string, unknown>;
  const requestsPerSecond = finiteNumber(
    given["requestsPerSecond"],
    "rateLimit.requestsPerSecond",
    "required",
    { min: 0, exclusiveMin: true },
  );
  // A bucket smaller than one token would refuse everything.
  const burst = wholeNumber(
    given["burst"],
    "rateLimit.burst",
    Math.max(1, Math.ceil(requestsPerSecond)),
    {
      min: 1,
    },
  );
  return { requestsPerSecond, burst };
}

function admin(value: unknown): AdminOptions | undefined {
  if (value === undefined || value === false) return undefined;
  if (value === true) return {};
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new TypeError(`admin must be true, false or { seed }, got ${describe(value)}`);
  }
  checkKnownKeys(value, ["seed"], `${LABEL}: admin`);
  const seed = (value as AdminOptions).seed;
  return seed === undefined
    ? {}
    : { seed: wholeNumber(seed, "admin.seed", 0, { min: 0, max: 0xffff_ffff }) };
}

function chaos(value: unknown): ChaosSettings | undefined {
  if (value === undefined) return undefined;
  checkOptionsObject(value, "chaos");
  checkKnownKeys(value as object, CHAOS_KEYS, `${LABEL}: chaos`);
  const given = value as Record<string, unknown>;
  const share = { min: 0, max: 1 };
  const errorRate = finiteNumber(given["errorRate"], "chaos.errorRate", 0, share);
  const resetRate = finiteNumber(given["resetRate"], "chaos.resetRate", 0, share);
  if (errorRate + resetRate > 1) {
    throw new RangeError(
      `chaos.errorRate + chaos.resetRate must be at most 1, got ${errorRate} + ${resetRate}`,
    );
  }
  const seed = wholeNumber(given["seed"], "chaos.seed", 1, { min: 0, max: 0xffff_ffff });
  return { errorRate, resetRate, seed };
}
