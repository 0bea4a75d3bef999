/**
 * The live progress line of cancel-many and cancel-active, driven by a fake clock: on a terminal
 * one line redrawn in place with done/total, failed, requests per second, 429s and an ETA; in a
 * log, plain lines; lines of their own (a failed run) above the live one.
 */
import { describe, expect, it } from "vitest";
import { Progress, span, type ProgressCounts } from "../../src/cli/progress.js";

function setup(tty: boolean, total: number | undefined) {
  let now = 0;
  const counts: ProgressCounts = { done: 0, failed: 0, total };
  const traffic = { requests: 0, rateLimited: 0 };
  const written: string[] = [];
  const progress = new Progress({
    label: "cancel-many",
    counts: () => counts,
    traffic,
    stream: { isTTY: tty, columns: 100, write: (text: string) => written.push(text) },
    now: () => now,
  });
  /** `seconds` pass at `perSecond` items (and 1.1 requests per item). */
  const advance = (seconds: number, perSecond: number) => {
    for (let i = 0; i < seconds * 4; i++) {
      now += 250;
      counts.done += perSecond / 4;
      traffic.requests += (perSecond * 1.1) / 4;
      progress.tick();
    }
  };
  return { progress, counts, traffic, written, advance };
}

describe("Progress", () => {
  it("on a terminal: one line redrawn in place, with done/total, failed, req/s, 429s and ETA", () => {
    const { progress, counts, traffic, written, advance } = setup(true, 5_000);
    traffic.rateLimited = 12;
    counts.failed = 3;
    advance(4, 500);
    const last = written.at(-1)!;
    expect(last.startsWith("\r\x1b[K")).toBe(true);
    expect(last).not.toContain("\n");
    expect(last.slice(4)).toBe(
      "cancel-many: 2,000/5,000 done, 3 failed, 550 req/s, 12 × 429, ETA 6 s",
    );
    // Every write redraws the same line: no newline was ever written.
    expect(written.join("")).not.toContain("\n");
    progress.stop();
    expect(written.at(-1)).toBe("\r\x1b[K");
  });

  it("a note goes above the live line, which is drawn again below it", () => {
    const { progress, written, advance } = setup(true, 100);
    advance(1, 10);
    written.length = 0;
    progress.note("failed: line 3 thread_a run_b: NotFoundError: 404 ...");
    expect(written[0]).toBe("\r\x1b[Kfailed: line 3 thread_a run_b: NotFoundError: 404 ...\n");
    expect(written[1]).toMatch(/^\r\x1b\[Kcancel-many: 10\/100 done/);
  });

  it("not a terminal: a plain line per tick, no carriage returns, no ETA while the total is unknown", () => {
    const { written, advance } = setup(false, undefined);
    advance(2, 100);
    expect(written).toHaveLength(8);
    expect(written.join("")).not.toContain("\r");
    expect(written.at(-1)).toBe("cancel-many: 200 done, 0 failed, 110 req/s, 0 × 429\n");
  });

  it("no rate before half a second of samples; a line cut to the terminal's width", () => {
    let now = 0;
    const written: string[] = [];
    const progress = new Progress({
      label: "cancel-many",
      counts: () => ({ done: 1, failed: 0, total: 10 }),
      traffic: { requests: 1, rateLimited: 0 },
      stream: { isTTY: true, columns: 30, write: (text: string) => written.push(text) },
      now: () => now,
    });
    now = 100;
    progress.tick();
    expect(progress.line()).toBe("cancel-many: 1/10 done, 0 failed, 0 × 429");
    expect(written.at(-1)).toBe(
      `\r\x1b[K${"cancel-many: 1/10 done, 0 failed, 0 × 429".slice(0, 29)}`,
    );
  });

  it("ETA spans read like a person would say them", () => {
    expect([span(0.2), span(8), span(125), span(3_780)]).toEqual([
      "1 s",
      "8 s",
      "2 min 5 s",
      "1 h 3 min",
    ]);
  });
});
