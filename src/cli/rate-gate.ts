/**
 * `--max-rps`: a ceiling on the requests per second of the whole command, every request counted
 * (cancels, their retries, the GETs after a refusal, the looks and polls of the waits), kept at
 * the sender: requests leave one at a time, each at least 1/N s after the one before, measured
 * when it really left, so a stalled event loop cannot make up for lost time with a burst. The
 * server's own limit is the pacer's business; this leaves headroom for other traffic on the key.
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
