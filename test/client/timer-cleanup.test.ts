/**
 * A call that ended leaves no timer behind: its time limit is cleared with it, so that a script
 * making a call with a long `timeoutMs` can exit as soon as the call is done, not when the limit
 * would have passed.
 */
import { describe, expect, it } from "vitest";
import { clientFor, rejection } from "../support/client.js";
import { okRun, sequence, startServer, status } from "../support/scripted-server.js";
import { SENDERS } from "../support/senders.js";

const timers = () => process.getActiveResourcesInfo().filter((kind) => kind === "Timeout").length;

describe.each(SENDERS)("time limits with %s", (_name, sender) => {
  it("ten ended calls with a one-hour limit leave no timer running", async () => {
    const server = await startServer(sequence(okRun(), status(404), okRun()));
    const client = clientFor(server, { ...sender(), timeoutMs: 3_600_000 });
    await client.runs.get("t", "r");
    const before = timers();
    await rejection(client.runs.get("t", "r"));
    for (let i = 0; i < 9; i++) await client.runs.get("t", "r");
    expect(timers() - before).toBeLessThan(5);
  });
});
