/**
 * The `hooks` option: plain objects handed to the caller before every attempt, after every
 * attempt, and before every retry, with fetch and with `nodeHttp()` alike. A hook that throws or
 * rejects never breaks the request: its error is logged at `error`.
 */
import type { DelaySource } from "./retry.js";
import { checkKnownKeys, checkOptionsObject, keysOf, optionalFunction } from "./validate.js";

export type { DelaySource } from "./retry.js";

/**
 * An attempt about to be sent, as {@link ClientHooks.onRequest} receives it.
 * @category Client
 */
export interface RequestEvent {
  /** `GET` or `POST`. */
  method: string;
  /** The full URL, query included. A credential never appears (query values named like a key are `[redacted]`). */
  url: string;
  /** The attempt's number, from 1. */
  attempt: number;
  /** Retries before this attempt: `attempt - 1`, as the `x-threadrun-retry-count` header says. */
  retryCount: number;
  /**
   * The call this attempt belongs to: the same number on every event of one call, retries
   * included, and a different one for every call (of any client in this JavaScript realm), so
   * that hooks can tell concurrent calls apart (one tracing span per call).
   */
  callId: number;
}

/**
 * How an attempt ended, as {@link ClientHooks.onResponse} receives it: a `status`, or, when no
 * response came (a connection error, a time-out, an abort), the `error` instead.
 * @category Client
 */
export interface ResponseEvent extends RequestEvent {
  /** The HTTP status; absent when no response came. */
  status?: number;
  /** Why no response came (a `ConnectionError`, a `TimeoutError`, an abort's reason); absent when one came. */
  error?: unknown;
  /** The `x-request-id` header, or `null` (always `null` without a response). */
  requestId: string | null;
  /** From sending the request to the end of its body, in ms. */
  durationMs: number;
  /**
   * Whether this ends the call: `true` exactly once per call, on its last event (a success, an
   * error not retried, the last retry used up, a connection error past its retries); `false`
   * when a retry follows (so always `false` on a {@link RetryEvent}). A call that ends while it
   * waits for a retry (an abort, or a credential function that fails before the next attempt)
   * gets one more `onResponse` for its last attempt, with `final: true`, `error` the reason,
   * no `status` and `durationMs` 0: nothing more was sent.
   */
  final: boolean;
}

/**
 * A retry about to wait, as {@link ClientHooks.onRetry} receives it: the attempt that failed and
 * what comes next.
 * @category Client
 */
export interface RetryEvent extends ResponseEvent {
  /** The wait before the next attempt, in ms. */
  delayMs: number;
  /** Why the attempt is retried: its status, or the name of the error when no response came. */
  reason: { status: number } | { error: string };
  /** Where the wait came from: a server header, the client's backoff, or the bulk pacer. */
  delaySource: DelaySource;
}

/**
 * Callbacks that see what the client sends and receives, for logs, metrics or tracing. Each
 * receives one plain object. They are the client's (set on `createClient`; per-call options have
 * none). A hook that throws or rejects does not break the request: its error is logged at `error`
 * (dropped at `logLevel: "off"`). A promise a hook returns is not awaited.
 * @category Client
 */
export interface ClientHooks {
  /** Before every attempt is sent, retries included. @default undefined */
  onRequest?: ((event: RequestEvent) => void) | undefined;
  /** After every attempt: its status, or the error when no response came. @default undefined */
  onResponse?: ((event: ResponseEvent) => void) | undefined;
  /** Before every wait for a retry, after the failed attempt's `onResponse`. @default undefined */
  onRetry?: ((event: RetryEvent) => void) | undefined;
}

const HOOK_NAMES = keysOf<ClientHooks>({ onRequest: true, onResponse: true, onRetry: true });

/** Checks the `hooks` option; `undefined` when no hook is set, so that nothing is built for none. */
export function checkHooks(hooks: unknown, label: string): ClientHooks | undefined {
  checkOptionsObject(hooks, `${label}: hooks`);
  if (hooks === undefined) return undefined;
  checkKnownKeys(hooks, HOOK_NAMES, `${label}: hooks`);
  const given = hooks as Record<string, unknown>;
  const checked: ClientHooks = {};
  for (const name of HOOK_NAMES) {
    const hook = optionalFunction(given[name], `${label}: hooks.${name}`);
    if (hook) checked[name as keyof ClientHooks] = hook as never;
  }
  return Object.keys(checked).length > 0 ? checked : undefined;
}
