import { describe, expect, it } from "vitest";
import { call, runPath, serve } from "../support/reference-server.js";
import { sleep } from "../support/time.js";

describe("rate limit", () => {
  it("answers 429 with Retry-After and retry-after-ms beyond the burst, and counts them", async () => {
    const server = await serve({ rateLimit: { requestsPerSecond: 2, burst: 5 } });
    const { id, thread_id } = server.createRun();
    const answers = await Promise.all(
      Array.from({ length: 12 }, () => call(server, runPath(thread_id, id))),
    );
    const limited = answers.filter((r) => r.status === 429);
    expect(answers.filter((r) => r.status === 200)).toHaveLength(5);
    expect(limited).toHaveLength(7);
    for (const res of limited) {
      const seconds = Number(res.headers.get("retry-after"));
      const ms = Number(res.headers.get("retry-after-ms"));
      expect(Number.isInteger(seconds)).toBe(true);
      expect(seconds).toBeGreaterThanOrEqual(1);
      expect(ms).toBeGreaterThan(0);
      expect(ms).toBeLessThanOrEqual(500);
      expect(res.headers.get("x-request-id")).toMatch(/^req_/);
      expect(res.headers.get("content-type")).toBe("application/json");
      expect(await res.json()).toMatchObject({ error: { code: "rate_limit_exceeded" } });
    }
    await Promise.all(answers.filter((r) => !r.bodyUsed).map((r) => r.arrayBuffer()));
    expect(server.stats).toMatchObject({
      requests: 12,
      rateLimited: 7,
      byStatus: { 200: 5, 429: 7 },
    });

    // The bucket refills at requestsPerSecond.
    await sleep(550);
    expect((await call(server, runPath(thread_id, id))).status).toBe(200);
  });

  it("defaults the burst to requestsPerSecond, at least 1", async () => {
    // A slow refill (one token per 2 s) keeps the count exact on a busy machine.
    const server = await serve({ rateLimit: { requestsPerSecond: 0.5 } });
    const { id, thread_id } = server.createRun();
    const statuses = await Promise.all(
      Array.from({ length: 3 }, async () => (await call(server, runPath(thread_id, id))).status),
    );
    expect(statuses.filter((s) => s === 429)).toHaveLength(2);
    await expect(serve({ rateLimit: { requestsPerSecond: 0 } })).rejects.toThrow(RangeError);
  });
});
