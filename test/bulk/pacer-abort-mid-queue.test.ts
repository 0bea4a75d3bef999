/**
 * An attempt aborted while it waits in the middle of the pacer's queue leaves it: the ones before
 * and after it keep their order, and no slot goes to the aborted one. On a fake clock.
 */
import { describe, expect, it } from "vitest";
import { end, paced, wait, watch } from "./paced.js";

describe("an abort in the middle of the pacer's queue", () => {
  it("takes out only that attempt: the one after it gets the slot after the one before it", async () => {
    const { clock, pacer, ask } = paced({ concurrency: 1 });
    const first = await ask();
    const before = watch(pacer.beforeAttempt());
    const controller = new AbortController();
    const aborted = watch(pacer.beforeAttempt(controller.signal));
    const after = watch(pacer.beforeAttempt());
    controller.abort(new Error("stop"));
    await wait(clock, 1);
    expect(aborted).toEqual({ error: "stop" });
    pacer.afterAttempt(first, end(200));
    await wait(clock, 50);
    expect(before.ticket?.seq).toBe(2);
    expect(after.ticket).toBeUndefined();
    pacer.afterAttempt(before.ticket!, end(200));
    await wait(clock, 50);
    expect(after.ticket).toMatchObject({ seq: 3, level: 1 });
  });
});
