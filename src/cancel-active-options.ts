/**
 * cancelActive's options, checked at the call. Kept apart from its machinery (cancel-active.ts),
 * which `Runs` loads on first use, as bulk-options.ts is from bulk.ts.
 */
import { BULK_KEYS, bulkSettings, type BulkSettings, type CancelProgress } from "./bulk-options.js";
import { optionsOf } from "./call-options.js";
import type { ThreadRun } from "./model.js";
import type { RequestOptions } from "./options.js";
import { optionalFunction } from "./validate.js";
import { pollTiming, type PollTiming } from "./wait.js";

/**
 * Options of {@link Runs.cancelActive}. All are checked at the call.
 * @category Waiting and bulk
 */
export interface CancelActiveOptions {
  /**
   * Cancels in flight at once, 1 to 1024.
   * @default 16
   */
  concurrency?: number | undefined;
  /**
   * Retries of each request (cancels and lists) for 5xx, 408, 409, timeouts and connection errors;
   * 429s do not use them up, as in {@link Runs.cancelMany}.
   * @default 10
   */
  maxRetries?: number | undefined;
  /**
   * A ceiling on requests per second (cancels and lists, retries included), below whatever the
   * server allows: room left for other traffic on the same key.
   * @default Infinity (only the server's limit)
   */
  maxRequestsPerSecond?: number | undefined;
  /**
   * The first pause between two looks at the thread, in ms. It grows by half after each look that
   * shows no change, up to `maxIntervalMs`, and starts again at a change. Lower than `wait`'s
   * default: one look covers 100 runs, and runs just cancelled usually stop within a fraction of
   * a second. A server's `openai-poll-after-ms` on the list answer overrides it.
   * @default 100
   */
  intervalMs?: number | undefined;
  /**
   * The longest pause between two looks, in ms.
   * @default 5000
   */
  maxIntervalMs?: number | undefined;
  /**
   * The deadline for the whole call, in ms. Runs still stopping then are failures with a
   * {@link TimeoutError} carrying the last state seen; no cancel starts after it (one in flight is
   * not cut short). When the thread could not be listed even once before it, the call rejects
   * with a {@link TimeoutError}.
   * @default 600000 (10 minutes)
   */
  timeoutMs?: number | undefined;
  /** Stops the call (not the runs): no request after it; rejects with the signal's reason. */
  signal?: AbortSignal | undefined;
  /**
   * Called for each run once per status it is seen in, the first one included. A promise it
   * returns is awaited. If it throws or rejects, the call rejects with that error (cancels in
   * flight finish; no new one is sent).
   * @default undefined
   */
  onStatus?: ((run: ThreadRun) => void) | undefined;
  /**
   * Called after each cancel, with the counts so far: `total` is the number of active runs found
   * so far. If it throws or rejects, the call rejects with that error.
   * @default undefined
   */
  onProgress?: ((progress: CancelProgress) => void) | undefined;
  /**
   * The options of each request (its time limit, headers); `signal` and `maxRetries` are the ones
   * above.
   * @default the client's
   */
  request?: Omit<RequestOptions, "signal" | "maxRetries"> | undefined;
}

/** Checked cancelActive options. */
export interface CancelActiveSettings {
  bulk: BulkSettings;
  timing: PollTiming;
  onStatus: ((run: ThreadRun) => void) | undefined;
}

const KEYS: readonly string[] = [
  ...BULK_KEYS,
  "intervalMs",
  "maxIntervalMs",
  "timeoutMs",
  "onStatus",
];

/** Checks cancelActive's options completely and applies their defaults. */
export function cancelActiveSettings(options: unknown): CancelActiveSettings {
  const given = optionsOf(options, KEYS, "cancelActive");
  return {
    bulk: bulkSettings(given),
    timing: pollTiming(given, 100),
    onStatus: optionalFunction(given["onStatus"], "onStatus"),
  };
}
