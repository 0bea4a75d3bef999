/** One request as the server saw it. */
export interface RecordedRequest {
  method: string;
  /** Path with the query string, as sent (still percent-encoded). */
  path: string;
  /** Header names lower-case; repeated headers joined with ", ". */
  headers: Record<string, string>;
  /** The raw body ("" when none). */
  body: string;
  /** Arrival time, `Date.now()` milliseconds. */
  at: number;
}

/**
 * The last `capacity` requests in a ring, so a 100k-request benchmark keeps memory flat while a
 * test can still look at what the client sent.
 */
export class RequestRecorder {
  readonly #capacity: number;
  readonly #ring: RecordedRequest[] = [];
  #next = 0;

  constructor(capacity: number) {
    this.#capacity = Math.max(0, Math.floor(capacity));
  }

  add(request: RecordedRequest): void {
    if (this.#capacity === 0) return;
    if (this.#ring.length < this.#capacity) {
      this.#ring.push(request);
    } else {
      this.#ring[this.#next] = request;
    }
    this.#next = (this.#next + 1) % this.#capacity;
  }

  /** Oldest first. */
  list(): RecordedRequest[] {
    if (this.#ring.length < this.#capacity) return this.#ring.slice();
    return [...this.#ring.slice(this.#next), ...this.#ring.slice(0, this.#next)];
  }

  clear(): void {
    this.#ring.length = 0;
    this.#next = 0;
  }
}

/** Counters since start or the last `resetStats()`. */
export interface RunsServerStats {
  /** Requests received (every one, including those refused, faulted or reset). */
  requests: number;
  /** Requests answered 429 by the rate limiter (injected 429 faults are not counted here). */
  rateLimited: number;
  /** Answers sent, by HTTP status. */
  byStatus: Record<number, number>;
  /** Connections destroyed on purpose (reset faults and chaos). */
  resets: number;
  /** Injected or chaos faults applied. */
  faults: number;
  /** Requests being handled right now. */
  inFlight: number;
  /**
   * Most requests arrived and not yet answered at the same time. Handling is synchronous, so this
   * exceeds 1 only while answers are held back (latencyMs, delay faults); see maxConnections for
   * the client's parallelism.
   */
  maxConcurrent: number;
  /** Connections open right now. */
  connections: number;
  /** Most connections open at the same time: how parallel the client really was. */
  maxConnections: number;
  /** Most requests that arrived within one wall-clock second. */
  peakPerSecond: number;
}

/** Mutable counters behind {@link RunsServerStats}; the server hands out copies. */
export class StatsCounter {
  requests = 0;
  rateLimited = 0;
  byStatus: Record<number, number> = {};
  resets = 0;
  faults = 0;
  inFlight = 0;
  maxConcurrent = 0;
  connections = 0;
  maxConnections = 0;
  #second = 0;
  #inSecond = 0;
  #peakPerSecond = 0;

  arrive(nowMs: number): void {
    this.requests++;
    if (++this.inFlight > this.maxConcurrent) this.maxConcurrent = this.inFlight;
    const second = Math.floor(nowMs / 1000);
    if (second !== this.#second) {
      this.#second = second;
      this.#inSecond = 0;
    }
    if (++this.#inSecond > this.#peakPerSecond) this.#peakPerSecond = this.#inSecond;
  }

  answered(status: number): void {
    this.inFlight--;
    this.byStatus[status] = (this.byStatus[status] ?? 0) + 1;
  }

  reset(): void {
    this.inFlight--;
    this.resets++;
  }

  connected(): void {
    if (++this.connections > this.maxConnections) this.maxConnections = this.connections;
  }

  disconnected(): void {
    this.connections--;
  }

  /** The client went away before an (intentionally late) answer could be sent. */
  abandoned(): void {
    this.inFlight--;
  }

  snapshot(): RunsServerStats {
    return {
      requests: this.requests,
      rateLimited: this.rateLimited,
      byStatus: { ...this.byStatus },
      resets: this.resets,
      faults: this.faults,
      inFlight: this.inFlight,
      maxConcurrent: this.maxConcurrent,
      connections: this.connections,
      maxConnections: this.maxConnections,
      peakPerSecond: this.#peakPerSecond,
    };
  }

  clear(): void {
    this.requests = 0;
    this.rateLimited = 0;
    this.byStatus = {};
    this.resets = 0;
    this.faults = 0;
    // In-flight requests are still real; the peak restarts from them.
    this.maxConcurrent = this.inFlight;
    this.maxConnections = this.connections;
    this.#second = 0;
    this.#inSecond = 0;
    this.#peakPerSecond = 0;
  }
}
