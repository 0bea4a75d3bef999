/**
 * Attaching more attempt hooks to the run operations: a bulk job gets its own view of
 * `client.runs` whose every request passes its pacer (and its per-item bookkeeping). The method is
 * keyed by a symbol the package does not export, so it stays off the public API, and bulk.ts can
 * reach it without importing runs.ts (the data flows one way: runs.ts → bulk.ts).
 */
import type { AttemptEnd, AttemptHooks } from "./transport.js";

/** The key of `Runs`'s internal method `(hooks) => Runs`. */
export const WITH_HOOKS: unique symbol = Symbol("threadrun.withHooks");

/** How an attempt "ended" that never went out: a later hook refused it after an earlier one let it through. */
const NOT_SENT: AttemptEnd = { answer: undefined, retryDelayMs: undefined, retries: 0 };

/**
 * Hooks that call `first`'s, then `second`'s. Each keeps its own ticket: `beforeAttempt` answers
 * both (awaiting `first`'s before calling `second`'s), and `afterAttempt` hands each hook its own,
 * so a pacer's slot is matched to its release. When `second` refuses an attempt that `first` let
 * through, `first` is told at once that it ended unsent (a pacer's slot is not leaked). Of two
 * waits chosen by `afterAttempt`, `second`'s wins.
 */
export function combineHooks(first: AttemptHooks | undefined, second: AttemptHooks): AttemptHooks {
  if (first === undefined) return second;
  const release = (ticket: unknown) => first.afterAttempt?.(ticket, NOT_SENT);
  const thenSecond = (firstTicket: unknown, signal: AbortSignal | undefined): unknown => {
    let secondTicket: unknown;
    try {
      secondTicket = second.beforeAttempt?.(signal);
    } catch (error) {
      release(firstTicket);
      throw error;
    }
    if (!isPromiseLike(secondTicket)) return [firstTicket, secondTicket];
    return Promise.resolve(secondTicket).then(
      (ticket) => [firstTicket, ticket],
      (error: unknown) => {
        release(firstTicket);
        throw error;
      },
    );
  };
  return {
    beforeAttempt(signal) {
      const firstTicket = first.beforeAttempt?.(signal);
      return isPromiseLike(firstTicket)
        ? Promise.resolve(firstTicket).then((ticket) => thenSecond(ticket, signal))
        : thenSecond(firstTicket, signal);
    },
    afterAttempt(tickets, end) {
      const [firstTicket, secondTicket] = tickets as [unknown, unknown];
      const firstWait = first.afterAttempt?.(firstTicket, end);
      const secondWait = second.afterAttempt?.(secondTicket, end);
      return secondWait ?? firstWait;
    },
  };
}

function isPromiseLike(value: unknown): value is PromiseLike<unknown> {
  return typeof (value as PromiseLike<unknown> | null)?.then === "function";
}
