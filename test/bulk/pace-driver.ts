/**
 * Drives the pacer's rate side (PacerRate) the way the pacer does, on exact virtual time: requests
 * go as soon as the pace lets them, each answered at once, so a test can say what the pace does
 * after given answers without timers or sockets.
 */
import { PacerRate } from "../../src/pacer-rate.js";
import { readRateHeaders } from "../../src/rate-headers.js";

/** What the server answers a request: admitted (with headers, if any) or a 429 with headers. */
export type Answer = { refused: boolean; headers?: Record<string, string> };
export const ADMIT: Answer = { refused: false };
export const refuse = (headers: Record<string, string> = {}): Answer => ({
  refused: true,
  headers,
});

export class PaceDriver {
  readonly pace: PacerRate;
  /** Virtual ms now, and the last request's number. */
  now = 0;
  seq = 0;
  /** When each request went. */
  readonly sentAt: number[] = [];

  constructor(ceiling = Number.POSITIVE_INFINITY) {
    this.pace = new PacerRate(ceiling, 0);
  }

  /**
   * One request, as soon as the pace lets it go (not before `earliest`), answered at once (`null`:
   * not answered yet; `answer()` it later).
   */
  send(answer: Answer | null = ADMIT, earliest = this.now): number {
    // As the pacer does: ask when it is due, wake then, and ask again (a pause may hold it longer).
    let at = Math.max(this.now, earliest);
    let held = false;
    for (let due = this.pace.dueAt(at); due > at; due = this.pace.dueAt(at)) {
      at = due;
      held = true;
    }
    this.now = at;
    const seq = ++this.seq;
    this.pace.take(this.now, held, seq);
    this.sentAt.push(this.now);
    if (answer !== null) this.answer(seq, answer);
    return seq;
  }

  /** The answer to request `seq`, arriving now. */
  answer(seq: number, answer: Answer): void {
    const headers = readRateHeaders(new Headers(answer.headers ?? {}), 0);
    if (answer.refused) this.pace.refused(seq, this.seq, headers, this.now);
    else this.pace.passed(seq, this.seq, headers, this.now, this.sentAt[seq - 1] as number);
  }

  /** Requests as fast as the pace allows until `until`, each answered by `answer`. */
  sendUntil(until: number, answer: (seq: number) => Answer | null = () => ADMIT): void {
    while (this.pace.dueAt(this.now) < until) this.send(answer(this.seq + 1));
    this.now = Math.max(this.now, until);
  }

  /** Requests sent in [from, to). */
  sentBetween(from: number, to: number): number {
    return this.sentAt.filter((t) => t >= from && t < to).length;
  }
}
