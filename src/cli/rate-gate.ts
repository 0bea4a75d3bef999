/**
 * `--max-rps`: a ceiling on the requests per second of the whole command, every request counted
 * (cancels, their retries, the GETs after a refusal, the polls of --wait), kept at the sender by
 * spacing their starts 1/N s apart. The server's own limit is cancelMany's pacer's business; this
 * leaves headroom for other traffic on the same key.
 */
import { setTimeout as sleep } from "node:timers/promises";
import type { HttpSender } from "../index.js";

export function rateGate(sender: HttpSender, perSecond: number): HttpSender {
  const spacing = 1000 / perSecond;
  let next = Number.NEGATIVE_INFINITY;
  return async (url, init) => {
    const now = performance.now();
    const at = Math.max(now, next);
    next = at + spacing;
    if (at > now) await sleep(at - now, undefined, { signal: init.signal });
    return sender(url, init);
  };
}
