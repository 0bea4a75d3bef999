/**
 * `--max-rps` for `cancel-many --wait`, whose polls are sent outside cancelMany's pacer: a ceiling
 * on every request of the command, kept at the sender. Requests leave one at a time, each at least
 * 1/N s after the one before, measured when it really left, so a stalled event loop cannot make up
 * for lost time with a burst.
 */
import { setTimeout as sleep } from "node:timers/promises";
import type { HttpSender } from "../index.js";

export function rateGate(sender: HttpSender, perSecond: number): HttpSender {
  const spacing = 1000 / perSecond;
  let lastSent = Number.NEGATIVE_INFINITY;
  let queue: Promise<void> = Promise.resolve();
  return async (url, init) => {
    const turn = queue.then(async () => {
      const wait = lastSent + spacing - performance.now();
      if (wait > 0) await sleep(wait, undefined, { signal: init.signal });
      lastSent = performance.now();
    });
    // An aborted request gives its turn up; the next one's wait counts from the last real send.
    queue = turn.catch(() => {});
    await turn;
    return sender(url, init);
  };
}
