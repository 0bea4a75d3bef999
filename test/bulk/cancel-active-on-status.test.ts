/**
 * cancelActive's onStatus is called for each run once per status it is seen in, the first one
 * included: the cancel's own answer (`cancelling`) counts as a sighting, and a later look that
 * shows the same status again calls nothing.
 */
import { describe, expect, it } from "vitest";
import { clientFor } from "../support/client.js";
import { serve } from "../support/reference-server.js";

describe("cancelActive: onStatus", () => {
  it("is called once per run and status: active, cancelling (the cancel's answer), cancelled", async () => {
    // The runs become cancelled at once after their cancel: only the cancel's answer says
    // `cancelling`, so a later look would not show it.
    const server = await serve({ cancelDelayMs: 0 });
    const threadId = "thread_statuses";
    const runs = server.createRuns(3, { threadId, status: "in_progress" });
    const seen = new Map<string, string[]>();
    const stopped = await clientFor(server).runs.cancelActive(threadId, {
      intervalMs: 20,
      onStatus: (run) => seen.set(run.id, [...(seen.get(run.id) ?? []), run.status]),
    });
    expect(stopped).toHaveLength(3);
    expect(Object.fromEntries(seen)).toEqual(
      Object.fromEntries(runs.map((r) => [r.id, ["in_progress", "cancelling", "cancelled"]])),
    );
  });

  it("is not called again when later looks show a run in the same status", async () => {
    // The runs stay cancelling for 150 ms: several looks (10 ms apart at first) see it again.
    const server = await serve({ cancelDelayMs: 150 });
    const threadId = "thread_same_status";
    const runs = server.createRuns(2, { threadId, status: "in_progress" });
    const seen = new Map<string, string[]>();
    await clientFor(server).runs.cancelActive(threadId, {
      intervalMs: 10,
      maxIntervalMs: 20,
      onStatus: (run) => seen.set(run.id, [...(seen.get(run.id) ?? []), run.status]),
    });
    expect(Object.fromEntries(seen)).toEqual(
      Object.fromEntries(runs.map((r) => [r.id, ["in_progress", "cancelling", "cancelled"]])),
    );
  });
});
