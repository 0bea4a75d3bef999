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
 */
import { ConcurrencyLimit } from "./pacer-concurrency.js";
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
}

/** The first retry after a 5xx or a reset waits about this long; it doubles with each retry. */
const FAULT_BACKOFF_MS = 25;

const realClock: Clock = { now: () => performance.now(), sleep: (ms) => sleep(ms) };

interface Waiter {
  resolve(ticket: Ticket): void;
  signal: AbortSignal | undefined;
  onAbort: (() => void) | undefined;
}

export class Pacer implements AttemptHooks {
  readonly rate: PacerRate;
  readonly concurrency: ConcurrencyLimit;
  /** 429 answers seen. */
  rateLimited = 0;
  private inFlight = 0;
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
    if (this.waiting.length === 0 && this.inFlight < this.concurrency.limit) {
      const now = this.clock.now();
      if (this.rate.dueAt(now) <= now) return this.grant(now);
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
    const now = this.clock.now();
    const { answer } = end;
    let wait: number | undefined;
    if (answer === undefined) {
      wait = faultBackoff(end);
    } else {
      const headers = readRateHeaders(answer.headers);
      if (answer.status === 429) {
        this.rateLimited++;
        // A 429 for an attempt sent before the pacer last reacted was in flight then: the same
        // event, blamed on what that one was blamed on.
        const fresh = ticket.seq > this.reactedSeq;
        if (fresh) this.reactedSeq = this.seq;
        if (fresh ? this.concurrency.refused(ticket.level, now) : this.blamedConcurrency) {
          this.blamedConcurrency = true;
        } else {
          this.blamedConcurrency = false;
          this.rate.refused(ticket.seq, this.seq, headers, now);
        }
        wait = 0; // the pacer holds it back with everyone else
      } else {
        this.concurrency.passed(ticket.level, now);
        this.rate.passed(ticket.seq, this.seq, headers, now);
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
    return { seq, level: this.inFlight };
  }

  /** Lets waiting attempts go while there are slots in flight and in time. */
  private dispatch(): void {
    while (this.waiting.length > 0) {
      if (this.inFlight >= this.concurrency.limit) {
        this.concurrency.held = true;
        this.heldByRate = false;
        return;
      }
      const now = this.clock.now();
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
