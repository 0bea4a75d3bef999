/**
 * Two attempt hooks on one view of `client.runs` (the bulk pacer, then per-item bookkeeping): each
 * must get back its own ticket, and a slot the first one granted must be released when the second
 * refuses the attempt, or a pacer would leak a slot in flight for every refused attempt.
 */
import { describe, expect, it } from "vitest";
import type { AttemptEnd, AttemptHooks } from "../../src/transport.js";
import { combineHooks } from "../../src/with-hooks.js";

/** A hook that hands out numbered tickets and records what comes back. */
function ticketing(name: string, log: string[], async = false): AttemptHooks {
  let next = 0;
  return {
    beforeAttempt: () => {
      const ticket = `${name}#${++next}`;
      log.push(`before ${ticket}`);
      return async ? Promise.resolve(ticket) : ticket;
    },
    afterAttempt: (ticket, end) => {
      log.push(
        `after ${String(ticket)} ${end.answer === undefined ? "unsent" : end.answer.status}`,
      );
      return name === "pacer" ? 7 : undefined;
    },
  };
}

const answered = (status: number): AttemptEnd =>
  ({ answer: { status, headers: new Headers() }, retryDelayMs: 100, retries: 0 }) as AttemptEnd;

describe("combineHooks", () => {
  it.each([false, true])("hands each hook its own ticket (async first hook: %s)", async (async) => {
    const log: string[] = [];
    const hooks = combineHooks(ticketing("pacer", log, async), ticketing("item", log));
    const tickets = await hooks.beforeAttempt!(undefined);
    const wait = hooks.afterAttempt!(tickets, answered(429));
    expect(log).toEqual([
      "before pacer#1",
      "before item#1",
      "after pacer#1 429",
      "after item#1 429",
    ]);
    // The item hook chose no wait, so the pacer's stands.
    expect(wait).toBe(7);
  });

  it("releases the first hook's slot when the second refuses the attempt", async () => {
    const log: string[] = [];
    const refusing: AttemptHooks = {
      beforeAttempt: () => {
        throw new Error("left the loop");
      },
    };
    const hooks = combineHooks(ticketing("pacer", log, true), refusing);
    await expect(hooks.beforeAttempt!(undefined)).rejects.toThrow("left the loop");
    expect(log).toEqual(["before pacer#1", "after pacer#1 unsent"]);
  });

  it("does not call the second hook when the first one refuses", async () => {
    const log: string[] = [];
    const hooks = combineHooks(
      { beforeAttempt: () => Promise.reject(new Error("aborted")) },
      ticketing("item", log),
    );
    await expect(hooks.beforeAttempt!(undefined)).rejects.toThrow("aborted");
    expect(log).toEqual([]);
  });
});
