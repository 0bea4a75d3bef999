/**
 * `npm run demo`: threadrun against the embedded reference server (no network, no key needed).
 * Cancels one run and waits for it, clears a thread with cancelActive, then bulk-cancels a few
 * hundred runs under a rate limit with a live progress line, and prints what happened. Exits
 * non-zero if anything is off.
 */
import { createClient, type CancelItem } from "../src/index.js";
import { TERMINAL_STATUSES, startRunsServer } from "../src/testing/index.js";

const RATE = 200;
const BULK = 400;
const problems: string[] = [];
const check = (ok: boolean, problem: string) => void (ok || problems.push(problem));
const log = (line: string) => void process.stdout.write(`${line}\n`);

const server = await startRunsServer({
  rateLimit: { requestsPerSecond: RATE, burst: 20 },
  cancelDelayMs: 150,
});
const client = createClient({
  apiKey: "test-key",
  baseUrl: server.url,
  // A rate-limited server answers 429 now and then: retry politely rather than fail.
  maxRetries: 8,
  retryBaseDelayMs: 50,
});
const started = performance.now();
log(`reference server at ${server.url}, limited to ${RATE} requests/s`);

try {
  // 1. One run: cancel, then wait until it has really stopped.
  const one = server.createRun({ threadId: "thread_demo_one", status: "in_progress" });
  log(`\n1. cancelAndWait ${one.id}`);
  const statuses: string[] = [];
  const stopped = await client.runs.cancelAndWait(one.thread_id, one.id, {
    intervalMs: 50,
    onStatus: (run) => {
      statuses.push(run.status);
      log(`   status: ${statuses.join(" → ")}`);
    },
  });
  check(stopped.status === "cancelled", `cancelAndWait ended ${stopped.status}`);

  // 2. A busy thread: 250 runs over three pages, 100 of them still active.
  const threadId = "thread_demo_busy";
  server.createRuns(150, { threadId, status: "completed" });
  server.createRuns(60, { threadId, status: "in_progress" });
  server.createRuns(40, { threadId, status: "queued" });
  log(`\n2. cancelActive ${threadId} (250 runs, 100 active, listed 100 per page)`);
  const t2 = performance.now();
  const cleared = await client.runs.cancelActive(threadId, { intervalMs: 100, concurrency: 8 });
  const stillActive = server.runs(threadId).filter((r) => !TERMINAL_STATUSES.has(r.status));
  log(`   stopped ${cleared.length} runs in ${ms(t2)}; active runs left: ${stillActive.length}`);
  check(cleared.length === 100, `cancelActive stopped ${cleared.length} runs, expected 100`);
  check(stillActive.length === 0, `${stillActive.length} runs still active on ${threadId}`);

  // 3. An incident: bulk-cancel 400 runs spread over 8 threads, under the rate limit.
  const items: CancelItem[] = [];
  for (let t = 0; t < 8; t++) {
    for (const run of server.createRuns(BULK / 8, { threadId: `thread_demo_${t}` })) {
      items.push({ threadId: run.thread_id, runId: run.id });
    }
  }
  log(`\n3. cancelMany: ${BULK} runs, concurrency 16, server limit ${RATE}/s`);
  server.resetStats();
  const t3 = performance.now();
  const progress = progressLine();
  const seen = new Set<string>();
  let failed = 0;
  for await (const result of client.runs.cancelMany(items, {
    concurrency: 16,
    onProgress: progress.update,
  })) {
    seen.add(result.item.runId);
    if (!result.ok) failed++;
  }
  progress.end();
  const bulkMs = performance.now() - t3;
  const stats = server.stats;
  log(`   ${seen.size} items, ${failed} failed, in ${ms(t3)}`);
  log(
    `   requests sent: ${stats.requests}, answered 429: ${stats.rateLimited}, ` +
      `achieved ${Math.round((stats.requests * 1000) / bulkMs)}/s (ideal ${RATE}/s)`,
  );
  check(seen.size === BULK, `${seen.size} distinct results, expected ${BULK}`);
  check(failed === 0, `${failed} items failed`);

  // Cancelling runs become cancelled after the server's delay.
  await new Promise((r) => setTimeout(r, 300));
  const notStopped = server.runs().filter((r) => !TERMINAL_STATUSES.has(r.status));
  check(notStopped.length === 0, `${notStopped.length} runs are not terminal`);

  log(`\nsummary: 1 run cancelled and waited, ${cleared.length} cleared from a thread,`);
  log(`         ${BULK} bulk-cancelled with ${failed} failed items; total ${ms(started)}`);
} catch (error) {
  problems.push(`unexpected error: ${error instanceof Error ? error.stack : String(error)}`);
} finally {
  await server.close();
}

if (problems.length > 0) {
  for (const problem of problems) process.stderr.write(`demo: FAILED: ${problem}\n`);
  process.exitCode = 1;
} else {
  log("demo: ok");
}

function ms(since: number): string {
  return `${((performance.now() - since) / 1000).toFixed(2)} s`;
}

/** `\r`-updated on a terminal; on a pipe or in CI, a line every 100 items. */
function progressLine() {
  const tty = process.stderr.isTTY === true;
  let lastLine = 0;
  return {
    update: (p: { done: number; failed: number; total: number | undefined }) => {
      const text = `   progress: ${p.done}/${p.total ?? "?"} done, ${p.failed} failed`;
      if (tty) process.stderr.write(`\r${text}`);
      else if (p.done - lastLine >= 100 || p.done === p.total) {
        lastLine = p.done;
        process.stderr.write(`${text}\n`);
      }
    },
    end: () => void (tty && process.stderr.write("\n")),
  };
}
