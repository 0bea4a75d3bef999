/**
 * Where the CLI writes: human lines and live status go to stderr, so that stdout carries only
 * what `--json` asks for and a script can pipe it into `jq` undisturbed.
 */
import { runToWire, type ThreadRun } from "../index.js";

export interface Output {
  json: boolean;
  /** A human line, on stderr. */
  say(line: string): void;
  /** Writes `value` as JSON on stdout (only with `--json`). */
  data(value: unknown): void;
  /** Writes `value` as one compact JSON line on stdout (only with `--json`): JSON lines. */
  line(value: unknown): void;
}

export function createOutput(json: boolean): Output {
  return {
    json,
    say: (line) => void process.stderr.write(`${line}\n`),
    data: (value) => void process.stdout.write(`${JSON.stringify(value, null, 2)}\n`),
    line: (value) => void process.stdout.write(`${JSON.stringify(value)}\n`),
  };
}

/**
 * `--json` prints runs in their wire form (snake_case, Unix seconds), exactly what the API
 * answers: the most script-friendly shape, and the same one `curl` would show.
 */
export function wire(run: ThreadRun): unknown {
  return runToWire(run);
}

/** One line per run: id, status, thread, creation time. */
export function describeRun(run: ThreadRun): string {
  return `${run.id}  ${run.status.padEnd(15)}  ${run.threadId}  created ${run.createdAt.toISOString()}`;
}

/**
 * Live status on stderr: the first status, then ` → next` as each change arrives, so a watcher
 * sees it move and a log file gets one readable line (`status: cancelling → cancelled`).
 */
export function statusLine(): { update(run: ThreadRun): void; end(): void } {
  let started = false;
  return {
    update(run) {
      process.stderr.write(started ? ` → ${run.status}` : `status: ${run.status}`);
      started = true;
    },
    end() {
      if (started) process.stderr.write("\n");
      started = false;
    },
  };
}
