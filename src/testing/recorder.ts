/**
 * One request as the server saw it. Bodies are not kept whole: a load test must not grow the
 * heap, so only the first {@link RECORDED_BODY_BYTES} are, with the size and whether that is all.
 * @category Testing
 */
export interface RecordedRequest {
  method: string;
  /** Path with the query string, as sent (still percent-encoded). */
  path: string;
  /** Header names lower-case; repeated headers joined with ", ". */
  headers: Record<string, string>;
  /**
   * The body's first 4 KiB ({@link RECORDED_BODY_BYTES}) as UTF-8, without a character cut at the
   * end; "" when there was none or it was not read. The whole body when `bodyTruncated` is false.
   */
  body: string;
  /**
   * Body bytes the server read. A request refused before its body (a wrong key, api-version, rate
   * limit, route or method, or a Content-Length over 1 MiB) reads 0; one over 1 MiB stops just
   * past 1 MiB; one the client cut short counts what came.
   */
  bodyBytes: number;
  /**
   * `true` when `body` is not the whole body: longer than 4 KiB, refused before or while it was
   * read, or cut short by the client.
   */
  bodyTruncated: boolean;
  /** Arrival time, `Date.now()` milliseconds. */
  at: number;
}

/** How much of each body {@link RecordedRequest.body} keeps. */
export const RECORDED_BODY_BYTES = 4096;

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

/**
 * Counters since start or the last `resetStats()`.
 * @category Testing
 */
export interface RunsServerStats {
  /**
   * Requests received (every one, including those refused, faulted or reset). Bytes the HTTP
   * parser refuses before they make a request (a broken request line, oversized headers) are not.
   */
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

/**
 * One request's place in the counters: it leaves `inFlight` exactly once, however it ends, so a
 * request that is aborted, reset or fails half-way cannot leave the counters off by one.
 */
export interface RequestTally {
  /** An answer was sent with this status. */
  answered(status: number): void;
  /** The server destroyed the connection on purpose (a reset fault or chaos). */
  reset(): void;
  /** The client went away (or the connection broke) before an answer could be sent. */
  abandoned(): void;
  readonly settled: boolean;
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

  /** Counts an arriving request; the answer says how it ended, once (later calls do nothing). */
  arrive(nowMs: number): RequestTally {
    this.#arrive(nowMs);
    let settled = false;
    const once = (count: () => void): void => {
      if (settled) return;
      settled = true;
      count();
    };
    return {
      answered: (status) => once(() => this.#answered(status)),
      reset: () => once(() => this.#reset()),
      abandoned: () => once(() => this.#abandoned()),
      get settled() {
        return settled;
      },
    };
  }

  #arrive(nowMs: number): void {
    this.requests++;
    if (++this.inFlight > this.maxConcurrent) this.maxConcurrent = this.inFlight;
    const second = Math.floor(nowMs / 1000);
    if (second !== this.#second) {
      this.#second = second;
      this.#inSecond = 0;
    }
    if (++this.#inSecond > this.#peakPerSecond) this.#peakPerSecond = this.#inSecond;
  }

  #answered(status: number): void {
    this.inFlight--;
    this.byStatus[status] = (this.byStatus[status] ?? 0) + 1;
  }

  #reset(): void {
    this.inFlight--;
    this.resets++;
  }

  connected(): void {
    if (++this.connections > this.maxConnections) this.maxConnections = this.connections;
  }

  disconnected(): void {
    this.connections--;
  }

  #abandoned(): void {
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
