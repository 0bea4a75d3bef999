import { applyStatus, buildRun } from "./factory.js";
import type { CreateRunInit } from "./factory.js";
import { randomId } from "./ids.js";
import type { RunStore } from "./store.js";
import type { TimerSet } from "./timers.js";
import type { WireRun } from "./wire.js";
import { CANCELLABLE_STATUSES } from "./wire.js";

/** What a cancel did: moved the run to `cancelling`, or was refused because of its status. */
export type CancelOutcome = { ok: true } | { ok: false; status: string };

/**
 * How runs move on their own: seeding with scheduled transitions, and cancel → cancelling →
 * cancelled. Every scheduled transition re-checks the status when it fires, so whatever happened
 * first (a cancel, a test's setStatus) wins.
 */
export class Lifecycle {
  readonly #store: RunStore;
  readonly #timers: TimerSet;
  readonly #cancelDelayMs: number;

  constructor(store: RunStore, timers: TimerSet, cancelDelayMs: number) {
    this.#store = store;
    this.#timers = timers;
    this.#cancelDelayMs = cancelDelayMs;
  }

  create(init: CreateRunInit, threadId = init.threadId ?? randomId("thread")): WireRun {
    const run = buildRun(init, threadId, init.id ?? randomId("run"));
    this.#store.add(run);
    if (init.startAfterMs !== undefined) {
      this.#timers.later(init.startAfterMs, () => {
        if (run.status === "queued") applyStatus(run, "in_progress");
      });
    }
    if (init.requiresActionAfterMs !== undefined) {
      this.#timers.later(init.requiresActionAfterMs, () => {
        if (run.status === "queued" || run.status === "in_progress") {
          applyStatus(run, "requires_action");
        }
      });
    }
    // A run seeded as `cancelling` finishes its cancel like one cancelled over HTTP.
    if (run.status === "cancelling") this.#finishCancel(run);
    if (init.completeAfterMs !== undefined) {
      this.#timers.later(init.completeAfterMs, () => {
        if (CANCELLABLE_STATUSES.has(run.status)) applyStatus(run, "completed");
      });
    }
    return run;
  }

  /**
   * The cancel endpoint's effect: an active run answers `cancelling` now and becomes `cancelled`
   * after the configured delay; anything else (already cancelling, terminal, unknown) is refused.
   */
  cancel(run: WireRun): CancelOutcome {
    if (!CANCELLABLE_STATUSES.has(run.status)) return { ok: false, status: run.status };
    applyStatus(run, "cancelling");
    this.#finishCancel(run);
    return { ok: true };
  }

  #finishCancel(run: WireRun): void {
    this.#timers.later(this.#cancelDelayMs, () => {
      if (run.status === "cancelling") applyStatus(run, "cancelled");
    });
  }
}
