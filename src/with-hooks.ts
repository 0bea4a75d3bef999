/**
 * Attaching a shared pacer's attempt hooks to the run operations: a bulk job gets its own view of
 * `client.runs` whose every request passes its pacer (and, per item, a view with its
 * bookkeeping). The methods are keyed by symbols the package does not export, so they stay off
 * the public API, and bulk.ts can reach them without importing runs.ts (the data flows one way:
 * runs.ts → bulk.ts). The bulk-only rule that a paced 429 does
 * not use up a request's retries lives here, not in the transport.
 */
import { isPromiseLike } from "./is-promise-like.js";
import type { ClientLog } from "./logging.js";
import type { AttemptEnd, AttemptHooks, ResponseHead } from "./transport.js";

/** The key of `Runs`'s internal method `(pacer) => Runs`: a view whose requests pass a shared pacer. */
export const WITH_HOOKS: unique symbol = Symbol("threadrun.withHooks");

/** The key of `Runs`'s internal method `(hooks) => Runs`: a view with one item's own hooks (no pacer rules). */
export const WITH_ITEM_HOOKS: unique symbol = Symbol("threadrun.withItemHooks");

/** 429s of one request retried without using up `maxRetries` when a shared pacer spaces the requests. */
export const PACED_429_RETRIES = 50;

/** How an attempt "ended" that never went out: a later hook refused it after an earlier one let it through. */
const NOT_SENT: AttemptEnd = { answer: undefined, retryDelayMs: undefined, retries: 0 };

/**
 * A shared pacer's hooks, with its rule on retries: a 429 is the pacer's business (it slows every
 * worker down), not the request's failure, so up to {@link PACED_429_RETRIES} of them per request
 * are retried for free. The first 429 of the job is logged at `warn`: the whole job slows down.
 */
export function sharedPacer(pacer: AttemptHooks, log?: ClientLog): AttemptHooks {
  let warned = false;
  return {
    beforeAttempt: (signal) => pacer.beforeAttempt?.(signal),
    afterAttempt(ticket, end) {
      if (end.answer?.status === 429 && !warned) {
        warned = true;
        log?.write(
          "warn",
          "bulk job slowed down by a 429: the pacer spaces every worker's requests",
          {
            status: 429,
            requestId: end.answer.headers.get("x-request-id"),
          },
        );
      }
      return pacer.afterAttempt?.(ticket, end);
    },
    isFreeRetry: (answer: ResponseHead, freeSoFar: number) =>
      answer.status === 429 && freeSoFar < PACED_429_RETRIES,
  };
}

/**
 * Hooks that call `first`'s, then `second`'s. Each keeps its own ticket: `beforeAttempt` answers
 * both (awaiting `first`'s before calling `second`'s), and `afterAttempt` hands each hook its own,
 * so a pacer's slot is matched to its release. When `second` refuses an attempt that `first` let
 * through, `first` is told at once that it ended unsent (a pacer's slot is not leaked). Of two
 * waits chosen by `afterAttempt`, `second`'s wins. Free retries are judged by the first of them
 * that judges them (the pacer's).
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
  const combined: AttemptHooks = {
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
  const free = first.isFreeRetry ?? second.isFreeRetry;
  if (free) combined.isFreeRetry = free;
  return combined;
}
