/**
 * The fields that let a hook group attempts into calls (one tracing span per call): `callId`, the
 * same on every event of one call and different between calls, concurrent ones included; and
 * `final` on `onResponse`, true exactly once per call, on the event that ends it, however it
 * ends (success, an error not retried, retries used up, a connection error, an abort while
 * waiting for a retry).
 */
import { describe, expect, it } from "vitest";
import type { ClientHooks, RequestEvent, ResponseEvent } from "../../src/index.js";
import { clientFor, rejection } from "../support/client.js";
import {
  okRun,
  resetBeforeHeaders,
  sequence,
  startServer,
  status,
} from "../support/scripted-server.js";
import { until } from "../support/time.js";
import { SENDERS } from "../support/senders.js";

type Seen = ["request", RequestEvent] | ["response", ResponseEvent] | ["retry", ResponseEvent];

/** Hooks that record every event, in order. */
function recorder(): { hooks: ClientHooks; seen: Seen[]; finals: () => ResponseEvent[] } {
  const seen: Seen[] = [];
  return {
    seen,
    hooks: {
      onRequest: (event) => void seen.push(["request", event]),
      onResponse: (event) => void seen.push(["response", event]),
      onRetry: (event) => void seen.push(["retry", event]),
    },
    finals: () =>
      seen.flatMap(([kind, event]) =>
        kind === "response" && (event as ResponseEvent).final ? [event as ResponseEvent] : [],
      ),
  };
}

/** The `final` flags of the `onResponse` events, in order. */
const finalFlags = (seen: Seen[]) =>
  seen.flatMap(([kind, event]) => (kind === "response" ? [(event as ResponseEvent).final] : []));

describe.each(SENDERS)("call events with %s", (_name, sender) => {
  it("every event of a call has its callId; concurrent calls have distinct ones", async () => {
    // Each run's first attempt is held until both calls have sent one, then answered 503.
    let firstAttempts = 0;
    const server = await startServer(async (req, res, attempt) => {
      if (req.headers["x-threadrun-retry-count"] === "0") {
        firstAttempts++;
        await until(() => firstAttempts >= 2);
        return status(503, "busy", { "retry-after-ms": "5" })(req, res, attempt);
      }
      return okRun()(req, res, attempt);
    });
    const { hooks, seen } = recorder();
    const client = clientFor(server, { ...sender(), hooks });
    await Promise.all([client.runs.get("t", "run_a"), client.runs.get("t", "run_b")]);
    // A later call of another client is a new call too.
    const other = recorder();
    await clientFor(server, { ...sender(), hooks: other.hooks }).runs.get("t", "run_c");

    const idsOf = (run: string) =>
      new Set(seen.filter(([, event]) => event.url.endsWith(run)).map(([, e]) => e.callId));
    const [a, b] = [idsOf("run_a"), idsOf("run_b")];
    expect(seen).toHaveLength(2 * 5); // request, response, retry, request, response each
    expect(a.size).toBe(1);
    expect(b.size).toBe(1);
    const [idA, idB] = [[...a][0]!, [...b][0]!];
    expect(idA).not.toBe(idB);
    // The calls overlapped: both first requests came before either answer.
    expect(seen.slice(0, 2).map(([kind]) => kind)).toEqual(["request", "request"]);
    for (const [, event] of seen) expect(Number.isInteger(event.callId)).toBe(true);
    const idC = other.seen[0]![1].callId;
    expect(other.seen.every(([, event]) => event.callId === idC)).toBe(true);
    expect([idA, idB]).not.toContain(idC);
  });

  it("final: true once, on a success at the first attempt", async () => {
    const server = await startServer(okRun());
    const { hooks, seen, finals } = recorder();
    await clientFor(server, { ...sender(), hooks }).runs.get("t", "r");
    expect(finalFlags(seen)).toEqual([true]);
    expect(finals()[0]).toMatchObject({ attempt: 1, status: 200 });
  });

  it("final: true once, on the attempt that succeeded after a retry; the retry event is not final", async () => {
    const server = await startServer(
      sequence(status(503, "busy", { "retry-after-ms": "5" }), okRun()),
    );
    const { hooks, seen, finals } = recorder();
    await clientFor(server, { ...sender(), hooks }).runs.get("t", "r");
    expect(finalFlags(seen)).toEqual([false, true]);
    expect(finals()[0]).toMatchObject({ attempt: 2, status: 200 });
    const retry = seen.find(([kind]) => kind === "retry")![1] as ResponseEvent;
    expect(retry.final).toBe(false);
  });

  it("final: true once, on an error status that is not retried", async () => {
    const server = await startServer(status(404, "no such run"));
    const { hooks, seen, finals } = recorder();
    await rejection(clientFor(server, { ...sender(), hooks }).runs.get("t", "r"));
    expect(finalFlags(seen)).toEqual([true]);
    expect(finals()[0]).toMatchObject({ attempt: 1, status: 404 });
  });

  it("final: true once, on the last attempt when retries are used up", async () => {
    const server = await startServer(status(503, "busy", { "retry-after-ms": "2" }));
    const { hooks, seen, finals } = recorder();
    await rejection(clientFor(server, { ...sender(), hooks, maxRetries: 2 }).runs.get("t", "r"));
    expect(finalFlags(seen)).toEqual([false, false, true]);
    expect(finals()[0]).toMatchObject({ attempt: 3, status: 503 });
  });

  it("final: true once, on the last attempt of a connection error", async () => {
    const server = await startServer(resetBeforeHeaders);
    const { hooks, seen, finals } = recorder();
    await rejection(clientFor(server, { ...sender(), hooks, maxRetries: 1 }).runs.get("t", "r"));
    expect(finalFlags(seen)).toEqual([false, true]);
    expect(finals()[0]).toMatchObject({ attempt: 2, requestId: null });
    expect((finals()[0]!.error as Error).name).toBe("ConnectionError");
  });

  it("final: true once for a call aborted while it waits for a retry, with the abort's reason", async () => {
    const server = await startServer(status(503, "busy", { "retry-after-ms": "30000" }));
    const { hooks, seen, finals } = recorder();
    const controller = new AbortController();
    const call = clientFor(server, { ...sender(), hooks, maxRetryAfterMs: 60_000 }).runs.get(
      "t",
      "r",
      { signal: controller.signal },
    );
    await until(() => seen.some(([kind]) => kind === "retry"));
    const reason = new Error("user gave up");
    controller.abort(reason);
    expect(await rejection(call)).toBe(reason);
    expect(finalFlags(seen)).toEqual([false, true]);
    expect(finals()[0]).toMatchObject({ attempt: 1, requestId: null, error: reason });
    // The attempt that was never sent has no onRequest.
    expect(seen.filter(([kind]) => kind === "request")).toHaveLength(1);
  });

  it("final: true once for a call whose credential function fails before its retry", async () => {
    const server = await startServer(
      sequence(status(503, "busy", { "retry-after-ms": "2" }), okRun()),
    );
    const { hooks, seen, finals } = recorder();
    let asked = 0;
    const refused = new Error("vault unreachable");
    const apiKey = async () => {
      if (++asked > 1) throw refused;
      return "sk-from-vault";
    };
    const call = clientFor(server, { ...sender(), hooks, apiKey }).runs.get("t", "r");
    expect(await rejection(call)).toBe(refused);
    expect(finalFlags(seen)).toEqual([false, true]);
    expect(finals()[0]).toMatchObject({ attempt: 1, error: refused, durationMs: 0 });
  });

  it("calls one after another on one client get distinct, increasing ids", async () => {
    const server = await startServer(okRun());
    const ids: number[] = [];
    const client = clientFor(server, {
      ...sender(),
      hooks: { onRequest: (event) => void ids.push(event.callId) },
    });
    for (let i = 0; i < 3; i++) await client.runs.get("t", "r");
    expect(new Set(ids).size).toBe(3);
    expect(ids).toEqual([...ids].sort((x, y) => x - y));
  });
});
