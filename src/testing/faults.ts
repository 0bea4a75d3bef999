import type { ChaosSettings } from "./options.js";

/**
 * The operations a fault can target.
 * @category Testing
 */
export type Operation = "cancelRun" | "getRun" | "listRuns";

/**
 * Which requests a fault applies to; every given field must match. @default any request
 * @category Testing
 */
export interface FaultMatch {
  /** HTTP method, case-insensitive. */
  method?: string;
  /** The routed operation; requests to unknown routes never match it. */
  operation?: Operation;
  /** The decoded run id of a cancel or get. */
  runId?: string;
}

/**
 * A misbehaviour queued with `server.inject()`. Each is consumed by the next `times` matching
 * requests (`times` @default 1), in the order injected.
 * @category Testing
 */
export type Fault =
  /** Answer `status` with `body` (@default the wire error JSON for that status) without handling. */
  | {
      kind: "status";
      status: number;
      times?: number;
      body?: string;
      headers?: Record<string, string>;
      match?: FaultMatch;
    }
  /**
   * Destroy the connection: before any answer, or with `afterHeaders` after the headers and half
   * of the body (a mid-body reset; the request was handled).
   */
  | { kind: "reset"; times?: number; afterHeaders?: boolean; match?: FaultMatch }
  /** Answer 200 with a body that is not JSON. */
  | { kind: "malformed"; times?: number; match?: FaultMatch }
  /**
   * Handle the request, then hold the headers back `ms`, and/or send the headers and first half of
   * the body and stall the rest `bodyDelayMs`.
   */
  | { kind: "delay"; ms: number; times?: number; bodyDelayMs?: number; match?: FaultMatch }
  /**
   * Handle the request for real (a cancel lands) but answer `status` with a wire error: a lost
   * response, so a retried cancel meets "already cancelling".
   */
  | { kind: "handle-then-status"; status: number; times?: number; match?: FaultMatch };

/**
 * Random faults for load tests, drawn from a seeded PRNG so a run can be replayed.
 * @category Testing
 */
export interface ChaosOptions {
  /** Share of requests answered 500 or 503 (half each), 0 to 1. @default 0 */
  errorRate?: number | undefined;
  /** Share of requests whose connection is destroyed before any answer, 0 to 1. @default 0 */
  resetRate?: number | undefined;
  /** PRNG seed, a whole number from 0 to 2³²−1. @default 1 */
  seed?: number | undefined;
}

/** The request facts a fault is matched against. */
export interface FaultTarget {
  method: string;
  operation: Operation | undefined;
  runId: string | undefined;
}

interface Pending {
  fault: Fault;
  remaining: number;
}

/** Injected faults in order; O(1) when empty, which is the benchmark case. */
export class FaultQueue {
  #pending: Pending[] = [];

  get size(): number {
    return this.#pending.length;
  }

  push(fault: Fault): void {
    const times = fault.times ?? 1;
    if (!Number.isInteger(times) || times < 1) {
      throw new RangeError(`fault.times must be a positive integer, got ${String(times)}`);
    }
    this.#pending.push({ fault, remaining: times });
  }

  /** Consumes one use of the first fault matching `target`, if any. */
  take(target: FaultTarget): Fault | undefined {
    if (this.#pending.length === 0) return undefined;
    for (let i = 0; i < this.#pending.length; i++) {
      const pending = this.#pending[i]!;
      if (!matches(pending.fault.match, target)) continue;
      if (--pending.remaining === 0) this.#pending.splice(i, 1);
      return pending.fault;
    }
    return undefined;
  }

  clear(): void {
    this.#pending = [];
  }
}

function matches(match: FaultMatch | undefined, target: FaultTarget): boolean {
  if (match === undefined) return true;
  if (match.method !== undefined && match.method.toUpperCase() !== target.method) return false;
  if (match.operation !== undefined && match.operation !== target.operation) return false;
  if (match.runId !== undefined && match.runId !== target.runId) return false;
  return true;
}

/** Draws chaos faults; `undefined` means "behave". */
export class Chaos {
  readonly #errorRate: number;
  readonly #resetRate: number;
  readonly #random: () => number;

  /** `settings` are already checked (see options.ts). */
  constructor(settings: ChaosSettings) {
    this.#errorRate = settings.errorRate;
    this.#resetRate = settings.resetRate;
    this.#random = mulberry32(settings.seed);
  }

  draw(): Fault | undefined {
    const roll = this.#random();
    if (roll < this.#resetRate) return { kind: "reset" };
    if (roll < this.#resetRate + this.#errorRate) {
      return { kind: "status", status: this.#random() < 0.5 ? 500 : 503 };
    }
    return undefined;
  }
}

/**
 * mulberry32: tiny, fast, good enough to spread faults; deterministic for a given seed. The
 * benchmarks' limiters and resampling use it too.
 * @internal
 */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
