/**
 * Unhandled rejections seen during the current test. A test that passes while one happens is not a
 * pass: vitest reports it after the fact, and in a real program Node exits on it.
 */
import { expect, onTestFinished } from "vitest";
import { sleep } from "./time.js";

export interface UnhandledRejections {
  /** Waits for Node to report any rejection left unhandled so far, then asserts there was none. */
  expectNone(): Promise<void>;
}

/** Starts collecting for the current test; stops when it finishes. */
export function watchUnhandledRejections(): UnhandledRejections {
  const seen: unknown[] = [];
  const listener = (reason: unknown) => void seen.push(reason);
  process.on("unhandledRejection", listener);
  onTestFinished(() => void process.off("unhandledRejection", listener));
  return {
    async expectNone() {
      // Node reports an unhandled rejection once the microtask queue has drained: give it a turn.
      await sleep(20);
      expect(seen).toEqual([]);
    },
  };
}
