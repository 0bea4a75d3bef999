/**
 * A server whose 429 carries a blank or broken `retry-after-ms` beside `Retry-After: 1`: the wait
 * is the whole second's, only an upper bound, so the job does not freeze for it.
 */
import { describe, expect, it } from "vitest";
import { end, paced } from "./paced.js";

describe("a 429 with a broken retry-after-ms beside Retry-After: 1", () => {
  it.each(["", "soon", "-5"])(
    "retry-after-ms %j: the next attempt goes within a few slots, not a second later",
    async (broken) => {
      const { clock, pacer, ask, busy } = paced();
      await busy(4, 300);
      const rate = pacer.rate.rate;
      const ticket = await ask();
      const refusedAt = clock.now();
      pacer.afterAttempt(ticket, end(429, { "retry-after-ms": broken, "retry-after": "1" }));
      await ask();
      expect(clock.now() - refusedAt).toBeLessThanOrEqual((2 * 1000) / rate + 1);
    },
  );
});
