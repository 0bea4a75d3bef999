/**
 * The shared pacer of a bulk cancel: one per `cancelMany` call, handed to every request as its
 * attempt hooks. Before an attempt it holds the request until there is both a slot in flight
 * (pacer-concurrency.ts) and a slot in time (pacer-rate.ts), first come first served; after the
 * attempt it learns from the answer, whatever it was. So the workers together stay just under
 * the server's limit instead of each one discovering it by being refused.
 *
 * A 429 is "slow down" for everyone: the pacer decides when the refused request goes again (no
 * `Retry-After` sleep of its own). A 5xx or a connection reset is "try this one again": only that
 * request waits, a short backoff that doubles per retry, and nobody else slows down.
 *
 * No more go in flight than the pace needs (Little's law, with room): more would only pile up
 * while the server stalls and reach its limiter all at once. Under a cap on requests in flight,
 * one request may go beyond the limit when an earlier one should have freed its slot on the
 * server, before its answer is back (SlotTiming): waiting for every answer would leave each slot
 * idle for a round trip.
 */
import { ConcurrencyLimit, SlotTiming } from "./pacer-concurrency.js";
import { PacerRate } from "./pacer-rate.js";
import { readRateHeaders } from "./rate-headers.js";
import { sleep } from "./sleep.js";
import type { AttemptEnd, AttemptHooks } from "./transport.js";

/** Time as the pacer sees it; tests pass a fake one. */
export interface Clock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

export interface PacerOptions {
  /** The most attempts in flight (the job's workers). */
  concurrency: number;
  /** The user's ceiling in requests per second. @default Infinity */
  maxRequestsPerSecond?: number | undefined;
  /** @default performance.now() and timers */
  clock?: Clock | undefined;
}

/** What an attempt the pacer let through carries to its end. */
export interface Ticket {
  /** The attempt's number, in the order they were let through. */
  seq: number;
  /** Attempts in flight when it was sent, itself included. */
  level: number;
  /** When it was sent (the pacer's clock). */
  sentAt: number;
  /** Sent beyond the concurrency limit, counting on a slot the server has freed by then. */
  early: boolean;
}

/** The first retry after a 5xx or a reset waits about this long; it doubles with each retry. */
const FAULT_BACKOFF_MS = 25;
/** The fewest in flight the pace allows, whatever the round trip. */
const PACE_IN_FLIGHT_MIN = 4;
/** Under a cap, at most this many go early, beyond the limit. */
const MAX_EARLY = 1;

const realClock: Clock = {
  now() {
    return performance.now();
  },
  sleep(ms) {
    return sleep(ms);
  },
};

interface Waiter {
  resolve(ticket: Ticket): void;
  signal: AbortSignal | undefined;
  onAbort: (() => void) | undefined;
}

export class Pacer implements AttemptHooks {
  readonly rate: PacerRate;
  readonly concurrency: ConcurrencyLimit;
  readonly slots = new SlotTiming();
  /** 429 answers seen. */
  rateLimited = 0;
  private inFlight = 0;
  /** When each attempt in flight was sent, by its seq (a cap frees their slots in that order). */
  private readonly sentAt = new Map<number, number>();
  private seq = 0;
  /** The last attempt sent when the pacer last reacted to a 429, and what it blamed. */
  private reactedSeq = 0;
  private blamedConcurrency = false;
  /** The last dispatch stopped because the next slot in time was not due yet. */
  private heldByRate = false;
  private readonly waiting: Waiter[] = [];
  /** When the armed timer fires, or Infinity. */
  private timerDue = Number.POSITIVE_INFINITY;
  private readonly clock: Clock;

  constructor(options: PacerOptions) {
    this.clock = options.clock ?? realClock;
    this.rate = new PacerRate(
      options.maxRequestsPerSecond ?? Number.POSITIVE_INFINITY,
      this.clock.now(),
    );
    this.concurrency = new ConcurrencyLimit(options.concurrency);
  }

  /** Resolves when this attempt may start; rejects with the signal's reason on an abort. */
  beforeAttempt(signal?: AbortSignal): Ticket | Promise<Ticket> {
    if (this.waiting.length === 0) {
      const now = this.clock.now();
      if (this.slotFreeAt(now) <= now && this.rate.dueAt(now) <= now) return this.grant(now);
    }
    if (signal?.aborted) return Promise.reject(signal.reason);
    return new Promise<Ticket>((resolve, reject) => {
      const waiter: Waiter = { resolve, signal, onAbort: undefined };
      if (signal) {
        waiter.onAbort = () => {
          const at = this.waiting.indexOf(waiter);
          if (at !== -1) this.waiting.splice(at, 1);
          reject(signal.reason);
        };
        signal.addEventListener("abort", waiter.onAbort, { once: true });
      }
      this.waiting.push(waiter);
      this.dispatch();
    });
  }

  /** Learns from how the attempt ended; chooses the wait before its retry. */
  afterAttempt(ticket: Ticket, end: AttemptEnd): number | undefined {
    this.inFlight--;
    this.sentAt.delete(ticket.seq);
    const now = this.clock.now();
    const { answer } = end;
    let wait: number | undefined;
    if (answer === undefined) {
      wait = faultBackoff(end);
    } else {
      const headers = readRateHeaders(answer.headers);
      if (answer.status === 429) {
        this.rateLimited++;
        this.slots.refused(now - ticket.sentAt);
        // A 429 for an attempt sent before the pacer last reacted was in flight then: the same
        // event, blamed on what that one was blamed on.
        const fresh = ticket.seq > this.reactedSeq;
        if (ticket.early && this.slots.refusedEarly()) {
          // Sent too soon after a slot was expected to free: the timing's, not the cap's.
        } else {
          if (fresh) this.reactedSeq = this.seq;
          // A wait named (in ms or in seconds), or a count of what is left, is a rate limiter's
          // arithmetic: its refusal at a high level in flight is requests bunched up by a stall,
          // not a cap. A cap on connections answers 429 and nothing more.
          const silent = headers.retryAfterMs === undefined && headers.remaining === undefined;
          const blameCap = fresh
            ? silent && this.concurrency.refused(ticket.level, now, true)
            : this.blamedConcurrency;
          if (blameCap) {
            this.blamedConcurrency = true;
          } else {
            this.blamedConcurrency = false;
            this.rate.refused(ticket.seq, this.seq, headers, now);
          }
        }
        wait = 0; // the pacer holds it back with everyone else
      } else {
        this.slots.admitted(now - ticket.sentAt);
        this.concurrency.passed(ticket.level, now);
        this.rate.passed(ticket.seq, this.seq, headers, now, ticket.sentAt);
        // A 503 that names its own wait is honoured as it is.
        if (headers.retryAfterMs === undefined) wait = faultBackoff(end);
      }
    }
    this.dispatch();
    return wait;
  }

  private grant(now: number): Ticket {
    const seq = ++this.seq;
    this.rate.take(now, this.heldByRate, seq);
    this.inFlight++;
    this.sentAt.set(seq, now);
    return {
      seq,
      level: this.inFlight,
      sentAt: now,
      early: this.inFlight > this.concurrency.limit,
    };
  }

  /**
   * What the pace needs in flight, with room to spare: twice the pace times the usual round trip
   * (Little's law), and PACE_IN_FLIGHT_MIN at least. More is no faster; it only piles up while the
   * server stalls, and then reaches the server's limiter all at once, where a small bucket admits
   * a few and refuses the rest (which the pace would then take for a slower server).
   */
  private paceInFlight(): number {
    const usual = this.slots.usualMs;
    if (Number.isNaN(usual)) return Number.POSITIVE_INFINITY;
    return Math.max(PACE_IN_FLIGHT_MIN, Math.ceil((2 * this.rate.rate * usual) / 1000) + 2);
  }

  /**
   * When the next attempt may start as far as the number in flight goes: now below the limit;
   * under a cap the server enforces, also when fewer than the limit still hold a slot on the
   * server (SlotTiming), the next time one stops holding it; else Infinity (until an answer).
   */
  private slotFreeAt(now: number): number {
    const limit = Math.min(this.concurrency.limit, this.paceInFlight());
    if (this.inFlight < limit) return now;
    if (!this.concurrency.capped || this.inFlight >= limit + MAX_EARLY) {
      return Number.POSITIVE_INFINITY;
    }
    const holdMs = this.slots.holdMs();
    if (Number.isNaN(holdMs)) return Number.POSITIVE_INFINITY;
    let holding = 0;
    let firstFree = Number.POSITIVE_INFINITY;
    for (const sentAt of this.sentAt.values()) {
      if (sentAt + holdMs <= now) continue;
      holding++;
      firstFree = Math.min(firstFree, sentAt + holdMs);
    }
    return holding < limit ? now : firstFree;
  }

  /** Lets waiting attempts go while there are slots in flight and in time. */
  private dispatch(): void {
    while (this.waiting.length > 0) {
      const now = this.clock.now();
      const free = this.slotFreeAt(now);
      if (free > now) {
        this.concurrency.held = true;
        this.heldByRate = false;
        return free === Number.POSITIVE_INFINITY ? undefined : this.wakeAt(free, now);
      }
      const due = this.rate.dueAt(now);
      if (due > now) {
        this.heldByRate = true;
        return this.wakeAt(due, now);
      }
      const waiter = this.waiting.shift() as Waiter;
      if (waiter.onAbort) waiter.signal?.removeEventListener("abort", waiter.onAbort);
      waiter.resolve(this.grant(now));
    }
    this.heldByRate = false;
  }

  private wakeAt(due: number, now: number): void {
    if (due >= this.timerDue) return;
    this.timerDue = due;
    void this.clock.sleep(due - now).then(() => {
      if (this.timerDue === due) this.timerDue = Number.POSITIVE_INFINITY;
      this.dispatch();
    });
  }
}

/** A short backoff for one request's fault, never longer than the transport's own. */
function faultBackoff(end: AttemptEnd): number | undefined {
  if (end.retryDelayMs === undefined) return undefined;
  const backoff = FAULT_BACKOFF_MS * 2 ** Math.max(0, end.retries - 1);
  return Math.min(end.retryDelayMs, Math.round(backoff * (1 - 0.25 * Math.random())));
}
