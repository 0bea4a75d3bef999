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

/** Moves the fake clock forward by `ms`. */
export async function wait(clock: FakeClock, ms: number): Promise<void> {
  void clock.sleep(ms);
  await clock.run(() => false);
}
