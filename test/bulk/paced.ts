/**
 * A Pacer on a fake clock for unit tests: ask for attempts and see when each was let through,
 * and the ends the transport would hand it.
 */
import { Pacer, type Ticket } from "../../src/pacer.js";
import type { AttemptEnd } from "../../src/transport.js";
import { FakeClock } from "./limiter-sim.js";

/** How an attempt ended: a status (undefined: no answer, a reset), its headers, its retry delay. */
export function end(status: number | undefined, headers: Record<string, string> = {}, retry = 500) {
  const answer =
    status === undefined
      ? undefined
      : { ok: status < 300, status, statusText: "", headers: new Headers(headers) };
  return {
    answer,
    retryDelayMs: status === undefined || status >= 400 ? retry : undefined,
    retries: 1,
  } satisfies AttemptEnd;
}

/** A pacer on a fake clock, and a way to ask for attempts and see when each was let through. */
export function paced(options: { concurrency?: number; maxRequestsPerSecond?: number } = {}) {
  const clock = new FakeClock();
  const pacer = new Pacer({ concurrency: options.concurrency ?? 32, clock, ...options });
  const startedAt: number[] = [];
  const request = (): Promise<Ticket> =>
    Promise.resolve(pacer.beforeAttempt()).then((ticket) => {
      startedAt.push(clock.now());
      return ticket;
    });
  /** One attempt, the clock moving until it is let through. */
  const ask = async (): Promise<Ticket> => {
    let ticket: Ticket | undefined;
    const asked = request().then((t) => (ticket = t));
    await clock.run(() => ticket !== undefined);
    await asked;
    return ticket as Ticket;
  };
  /** Several attempts at once, the clock moving until all are let through. */
  const askMany = async (n: number): Promise<Ticket[]> => {
    let done = 0;
    const asked = Array.from({ length: n }, () => request().finally(() => done++));
    await clock.run(() => done === n);
    return Promise.all(asked);
  };
  /** Workers that each answer 200 at once and ask again, until `untilMs`. */
  const busy = async (workers: number, untilMs: number) => {
    const work = async () => {
      while (clock.now() < untilMs) {
        const ticket = await request();
        pacer.afterAttempt(ticket, end(200));
      }
    };
    const running = Array.from({ length: workers }, work);
    await clock.run(() => false);
    await Promise.all(running);
  };
  return { clock, pacer, ask, askMany, request, startedAt, busy };
}

/**
 * A pacer that has learnt a cap of `limit` in flight (unless `capped` is false: then it is still in
 * its slow start, at `limit`) and the timing of its answers: `answers` admitted `latencyMs` after
 * their send, refusals `refusedMs` after theirs. The lead grows 0.005 ms per admitted answer, up to the refusals' round trip (and half the
 * admitted one). The pace is far above what a test sends: the rate side holds nothing back.
 */
export async function pacedUnderCap(
  learnt: {
    limit?: number;
    capped?: boolean;
    latencyMs?: number;
    refusedMs?: number;
    answers?: number;
  } = {},
) {
  const { limit = 4, capped = true, latencyMs = 20, refusedMs = 2, answers = 400 } = learnt;
  const job = paced();
  const { pacer, clock } = job;
  pacer.slots.refused(refusedMs);
  for (let i = 0; i < answers; i++) pacer.slots.admitted(latencyMs);
  pacer.concurrency.limit = limit;
  // Found as the pacer finds it: a silent 429 just above the limit (which ends the slow start).
  if (capped) pacer.concurrency.refused(limit + 1, clock.now(), true);
  pacer.rate.rate = 1e6;
  await wait(clock, 1);
  return job;
}

/** How a `beforeAttempt` settled so far: its ticket, its rejection's message, or pending. */
export function watch(asked: Ticket | Promise<Ticket>) {
  const state: { ticket?: Ticket; error?: string } = {};
  Promise.resolve(asked).then(
    (ticket) => (state.ticket = ticket),
    (error: unknown) => (state.error = (error as Error).message),
  );
  return state;
}

/** Moves the fake clock forward by `ms`. */
export async function wait(clock: FakeClock, ms: number): Promise<void> {
  void clock.sleep(ms);
  await clock.run(() => false);
}
