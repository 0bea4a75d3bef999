/**
 * Live progress of a long command on stderr. On a terminal: one line redrawn in place (done/total,
 * failed, requests per second, 429s, ETA). Elsewhere (a CI log, a file): a plain line every few
 * seconds, since carriage returns would pile up there. Other lines (a failed run) go through
 * {@link Progress.note}, which keeps the live line below them.
 */

export interface ProgressCounts {
  /** Items finished, failed ones included. */
  done: number;
  failed: number;
  /** How many items there are, once known. */
  total: number | undefined;
}

/** Where progress is written: `process.stderr`, or a stand-in in tests. */
export interface ProgressStream {
  isTTY?: boolean;
  columns?: number;
  write(text: string): unknown;
}

export interface ProgressOptions {
  /** Starts each line: `cancel-many`. */
  label: string;
  counts: () => ProgressCounts;
  /** Requests sent and 429s answered so far. */
  traffic: { readonly requests: number; readonly rateLimited: number };
  stream: ProgressStream;
  /** @default performance.now */
  now?: () => number;
  /**
   * Between two plain lines when the stream is not a terminal, in ms.
   * @default 5000
   */
  plainEveryMs?: number;
  /**
   * Between two redraws on a terminal, in ms.
   * @default 250
   */
  ttyEveryMs?: number;
}

interface Sample {
  at: number;
  done: number;
  requests: number;
}

/** Rates are measured over about this much of the recent past. */
const WINDOW_MS = 5_000;
const CLEAR_LINE = "\r\x1b[K";

export class Progress {
  readonly #options: ProgressOptions;
  readonly #now: () => number;
  readonly #tty: boolean;
  #samples: Sample[] = [];
  #timer: ReturnType<typeof setInterval> | undefined;
  /** Whether the live line is on the terminal now. */
  #shown = false;

  constructor(options: ProgressOptions) {
    this.#options = options;
    this.#now = options.now ?? (() => performance.now());
    this.#tty = options.stream.isTTY === true;
    this.#sample();
  }

  /** Redraws (terminal) or prints (otherwise) on a timer that never keeps the process alive. */
  start(): void {
    const every = this.#tty
      ? (this.#options.ttyEveryMs ?? 250)
      : (this.#options.plainEveryMs ?? 5_000);
    this.#timer = setInterval(() => this.tick(), every);
    this.#timer.unref();
  }

  /** One redraw or plain line, with the counts as they are now. */
  tick(): void {
    this.#sample();
    if (this.#tty) this.#draw();
    else this.#options.stream.write(`${this.line()}\n`);
  }

  /** Writes `text` as a line of its own, above the live line. */
  note(text: string): void {
    if (this.#tty && this.#shown) {
      this.#options.stream.write(`${CLEAR_LINE}${text}\n`);
      this.#draw();
    } else {
      this.#options.stream.write(`${text}\n`);
    }
  }

  /** Stops the timer and takes the live line away, so that a summary can follow. */
  stop(): void {
    clearInterval(this.#timer);
    this.#timer = undefined;
    if (this.#shown) this.#options.stream.write(CLEAR_LINE);
    this.#shown = false;
  }

  /** `cancel-many: 1,200/5,000 done, 3 failed, 498 req/s, 12 × 429, ETA 8 s`. */
  line(): string {
    const { done, failed, total } = this.#options.counts();
    const { rateLimited } = this.#options.traffic;
    const parts = [
      total === undefined ? `${count(done)} done` : `${count(done)}/${count(total)} done`,
      `${count(failed)} failed`,
    ];
    const rates = this.#rates();
    if (rates !== undefined) parts.push(`${count(Math.round(rates.requests))} req/s`);
    parts.push(`${count(rateLimited)} × 429`);
    if (rates !== undefined && total !== undefined && done < total && rates.done > 0) {
      parts.push(`ETA ${span((total - done) / rates.done)}`);
    }
    return `${this.#options.label}: ${parts.join(", ")}`;
  }

  #draw(): void {
    // A terminal that does not say how wide it is (0 under `script`) gets the classic 80.
    const columns = this.#options.stream.columns || 80;
    const width = Math.max(20, columns - 1);
    const text = this.line();
    this.#options.stream.write(`${CLEAR_LINE}${text.length > width ? text.slice(0, width) : text}`);
    this.#shown = true;
  }

  #sample(): void {
    const now = this.#now();
    this.#samples.push({
      at: now,
      done: this.#options.counts().done,
      requests: this.#options.traffic.requests,
    });
    // Keep one sample at least WINDOW_MS old, so that rates span the whole window.
    while (this.#samples.length > 2 && this.#samples[1]!.at <= now - WINDOW_MS) {
      this.#samples.shift();
    }
  }

  /** Per second over the window; `undefined` until it spans enough time to mean anything. */
  #rates(): { done: number; requests: number } | undefined {
    const first = this.#samples[0]!;
    const last = this.#samples[this.#samples.length - 1]!;
    const seconds = (last.at - first.at) / 1000;
    if (seconds < 0.5) return undefined;
    return {
      done: (last.done - first.done) / seconds,
      requests: (last.requests - first.requests) / seconds,
    };
  }
}

const count = (n: number): string => n.toLocaleString("en-US");

/** `8 s`, `2 min 5 s`, `1 h 3 min`. */
export function span(seconds: number): string {
  const s = Math.max(1, Math.round(seconds));
  if (s < 60) return `${s} s`;
  if (s < 3600) return `${Math.floor(s / 60)} min ${s % 60} s`;
  return `${Math.floor(s / 3600)} h ${Math.floor((s % 3600) / 60)} min`;
}
