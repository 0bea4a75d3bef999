/**
 * The CLI's log: `--verbose` (`-v`) shows every retry (`info`), `-vv` every request and answer
 * too (`debug`). Lines go to stderr, never stdout, so that `--json` output stays machine-readable
 * whatever the level (the default `console` logger would write `info` and `debug` to stdout).
 */
import type { Logger, LogLevel } from "../index.js";

/**
 * The level the verbose flags ask for: none given leaves it to `THREADRUN_LOG` (else `warn`);
 * once is `info`, twice or more is `debug` (`-vvv` is `-vv`: there is nothing more to show).
 */
export function verboseLevel(count: number): LogLevel | undefined {
  if (count === 0) return undefined;
  return count === 1 ? "info" : "debug";
}

/** How many times `-v` / `--verbose` was given (parseArgs gives one entry per occurrence). */
export function verboseCount(given: readonly boolean[] | undefined): number {
  return given?.filter(Boolean).length ?? 0;
}

/**
 * A logger writing each message as one line on stderr (its structured object is left out: the
 * message says it all for a person). `through` lets a command with a live progress line put log
 * lines above it instead of through it.
 */
export class StderrLogger implements Logger {
  /** Where lines go instead of stderr directly, while a live progress line is shown. */
  through: ((line: string) => void) | undefined;

  readonly debug = (message: string) => this.#line(message);
  readonly info = (message: string) => this.#line(message);
  readonly warn = (message: string) => this.#line(message);
  readonly error = (message: string) => this.#line(message);

  #line(message: string): void {
    if (this.through) this.through(message);
    else process.stderr.write(`${message}\n`);
  }
}
