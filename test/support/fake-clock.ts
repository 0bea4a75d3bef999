/**
 * A client on vitest's fake clock, for what depends on time: deadlines, pauses between looks,
 * time limits. The call runs in no real time and a test can assert the exact moment something
 * happened, where a loopback test could only bound it (and pay for it in real seconds). The server
 * is a fetch double that answers in the same turn, after a delay on the fake clock, or never.
 * The loopback tests of the same behaviour stay; these pin down its timing.
 */
import { it, vi } from "vitest";
import type { ClientOptions, ThreadRunClient } from "../../src/index.js";
import { clientFor } from "./client.js";
import { wireRun } from "./wire.js";

/**
 * A loopback test whose behaviour a fake-clock test pins down exactly: it runs in `npm test`, and
 * not in the mutation run (vitest.mutation.config.ts sets THREADRUN_MUTATION_RUN), where its real
 * seconds would be paid again for every mutant it covers.
 */
export const loopbackTwin: ReturnType<typeof it.skipIf> = it.skipIf(
  process.env["THREADRUN_MUTATION_RUN"] === "1",
);

/** One request as the double saw it, with the fake time it arrived at. */
export interface SeenRequest {
  method: string;
  path: string;
  at: number;
}

/** What the double answers: a JSON body (200), a Response, or STALL (never, until aborted). */
export type Answer = (request: SeenRequest) => unknown;

/** An answer that never comes: the request ends only when its signal aborts. */
export const STALL = Symbol("stall");

/** More timers than any call here sets before it ends. */
const MAX_TIMER_STEPS = 2_000;

/** The fake clock starts here (a plain epoch time; 0 would look like "never" to a reader). */
const START = Date.UTC(2026, 0, 1);

/**
 * Starts the fake clock and returns a client whose requests `answer` handles. The client loads
 * cancelActive and the bulk machinery on first use by a dynamic import, which takes real turns of
 * the event loop that fake timers do not advance: they are loaded here first.
 */
export async function fakeClockClient(
  answer: Answer,
  options: ClientOptions = {},
): Promise<{ client: ThreadRunClient; requests: SeenRequest[]; startedAt: number }> {
  await Promise.all([import("../../src/cancel-active.js"), import("../../src/bulk.js")]);
  vi.useFakeTimers({ now: START, toFake: ["setTimeout", "clearTimeout", "Date", "performance"] });
  const requests: SeenRequest[] = [];
  const fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const request = input instanceof Request ? input : undefined;
    const url = new URL(request ? request.url : String(input));
    const seen: SeenRequest = {
      method: init?.method ?? request?.method ?? "GET",
      path: url.pathname.replace(/^\/v1/, "") + url.search,
      at: Date.now(),
    };
    requests.push(seen);
    const signal = init?.signal ?? request?.signal ?? undefined;
    // A real fetch ends when its signal aborts, even while the server is still thinking.
    const body = await Promise.race([answer(seen), stalled(signal)]);
    if (body === STALL) return stalled(signal);
    if (body instanceof Response) return body;
    return jsonAnswer(body);
  };
  return {
    client: clientFor({ url: "http://fake-clock.test/v1" }, { ...options, fetch }),
    requests,
    startedAt: START,
  };
}

/** Resolves after `ms` on the fake clock. */
export function after<T>(ms: number, value: T): Promise<T> {
  return new Promise((resolve) => setTimeout(() => resolve(value), ms));
}

/**
 * Runs the fake clock until `promise` ends, from timer to timer, and answers how it ended and
 * when; it must end within `ms` of fake time. Between timers the real event loop turns a few
 * times: some steps of a call (a dynamic import, a body read) take real turns, and the clock must
 * not jump ahead of them.
 */
export async function settleWithin<T>(
  promise: Promise<T>,
  ms: number,
): Promise<{ ok: true; value: T; at: number } | { ok: false; error: unknown; at: number }> {
  const start = Date.now();
  let outcome:
    { ok: true; value: T; at: number } | { ok: false; error: unknown; at: number } | undefined;
  void promise.then(
    (value) => (outcome = { ok: true, value, at: Date.now() }),
    (error: unknown) => (outcome = { ok: false, error, at: Date.now() }),
  );
  // A call that keeps setting timers of 0 ms never moves the clock: give up after so many.
  for (let step = 0; step < MAX_TIMER_STEPS && Date.now() - start <= ms; step++) {
    for (let turn = 0; turn < 5; turn++) await new Promise((resolve) => setImmediate(resolve));
    if (outcome !== undefined) return outcome;
    if (vi.getTimerCount() === 0) break;
    await vi.advanceTimersToNextTimerAsync();
  }
  throw new Error(`the call had not ended after ${ms} ms of fake time`);
}

/** A fetch that never answers: it rejects with the signal's reason when that aborts. */
function stalled(signal: AbortSignal | undefined): Promise<never> {
  return new Promise((_resolve, reject) => {
    if (signal?.aborted) reject(signal.reason);
    signal?.addEventListener("abort", () => reject(signal.reason), { once: true });
  });
}

/** Every test that starts the fake clock stops it (call in afterEach). */
export function stopFakeClock(): void {
  vi.useRealTimers();
}

/**
 * A thread whose runs the double serves: a list shows every run, a cancel of an active run makes
 * it `cancelling` and answers it. `statuses` (run id → status) is live: a test may change it.
 */
export function fakeThread(threadId: string, statuses: Record<string, string>): Answer {
  return ({ method, path }) => {
    const cancel = /\/runs\/([^/]+)\/cancel$/.exec(path);
    if (method === "POST" && cancel?.[1] !== undefined) {
      const id = cancel[1];
      if (statuses[id] === "queued" || statuses[id] === "in_progress") statuses[id] = "cancelling";
      return wireRun({ id, thread_id: threadId, status: statuses[id] });
    }
    const data = Object.entries(statuses).map(([id, status]) =>
      wireRun({ id, thread_id: threadId, status }),
    );
    return listPage(data);
  };
}

/** A JSON answer (200) with `headers` beside its content type. */
export function jsonAnswer(body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    headers: { "content-type": "application/json", ...headers },
  });
}

/** One page of a thread's runs, the only one. */
export function listPage(data: unknown[]): Record<string, unknown> {
  return { object: "list", data, first_id: null, last_id: null, has_more: false };
}
