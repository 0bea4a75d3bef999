import type { ServerResponse } from "node:http";
import type { Answer } from "./routes.js";
import type { TimerSet } from "./timers.js";

/**
 * Writing answers to the socket, the well-behaved way and the deliberately broken ways. Every
 * answer carries `content-type: application/json` and a unique `x-request-id`, errors included.
 */
export class Responder {
  readonly #nextRequestId: () => string;
  readonly #timers: TimerSet;

  constructor(nextRequestId: () => string, timers: TimerSet) {
    this.#nextRequestId = nextRequestId;
    this.#timers = timers;
  }

  #head(answer: Answer, length: number): Record<string, string | number> {
    const head: Record<string, string | number> = {
      "content-type": "application/json",
      "content-length": length,
      "x-request-id": this.#nextRequestId(),
    };
    // Answer headers (a fault's, `retry-after`, ...) win, so a fault can send another content-type.
    return answer.headers === undefined ? head : Object.assign(head, answer.headers);
  }

  /** Sends `answer` at once. */
  send(res: ServerResponse, answer: Answer): void {
    res.writeHead(answer.status, this.#head(answer, Buffer.byteLength(answer.body)));
    res.end(answer.body);
  }

  /**
   * Sends the headers (with the full content-length) and the first half of the body, then
   * destroys the connection: the client sees a 2xx/4xx status and a body that never completes.
   */
  sendThenReset(res: ServerResponse, answer: Answer): void {
    const body = Buffer.from(answer.body);
    res.writeHead(answer.status, this.#head(answer, body.length));
    res.write(body.subarray(0, body.length >> 1), () => res.socket?.destroy());
  }

  /**
   * Holds the headers back `headerDelayMs`, then (with `bodyDelayMs`) sends the headers and half the
   * body and stalls the rest. Resolves `false` if the client went away meanwhile.
   */
  async sendDelayed(
    res: ServerResponse,
    answer: Answer,
    headerDelayMs: number,
    bodyDelayMs: number,
  ): Promise<boolean> {
    if (headerDelayMs > 0) await this.#timers.sleep(headerDelayMs);
    if (res.destroyed) return false;
    if (bodyDelayMs <= 0) {
      this.send(res, answer);
      return true;
    }
    const body = Buffer.from(answer.body);
    res.writeHead(answer.status, this.#head(answer, body.length));
    res.write(body.subarray(0, body.length >> 1));
    await this.#timers.sleep(bodyDelayMs);
    if (res.destroyed) return false;
    res.end(body.subarray(body.length >> 1));
    return true;
  }
}
