/**
 * The client's log: a logger (`console`, pino, anything with the four methods) and a level. Every
 * line is one short message with a structured object as the second argument. A logger that
 * throws never breaks a request.
 */
import { describe, oneOf } from "./validate.js";

/**
 * How much the client logs, from nothing to every request:
 * - `"error"`: a hook that threw;
 * - `"warn"`: also a server wait over `maxRetryAfterMs` (not waited out) and a bulk job slowed
 *   down by 429s;
 * - `"info"`: also every retry (attempt, reason, wait and its source, request id);
 * - `"debug"`: also every request and response (method, path, status, request id, duration).
 * @category Client
 */
export type LogLevel = "off" | "error" | "warn" | "info" | "debug";

/**
 * Where log lines go: any object with `debug`, `info`, `warn` and `error` methods taking a message
 * and a structured object (`console` and pino both fit).
 * @category Client
 */
export interface Logger {
  debug(message: string, data?: object): void;
  info(message: string, data?: object): void;
  warn(message: string, data?: object): void;
  error(message: string, data?: object): void;
}

const LOG_LEVELS: readonly LogLevel[] = ["off", "error", "warn", "info", "debug"];

/** The client's logger at its level: what the transport writes to. */
export interface ClientLog {
  /** Whether lines of `level` are written. */
  on(level: Exclude<LogLevel, "off">): boolean;
  /** Writes one line if the level is on; a logger that throws is ignored. */
  write(level: Exclude<LogLevel, "off">, message: string, data: object): void;
}

/** A plain object, not a class: no class-field boilerplate in the browser bundle. */
function clientLog(logger: Logger, level: LogLevel): ClientLog {
  const rank = LOG_LEVELS.indexOf(level);
  const on = (at: Exclude<LogLevel, "off">) => LOG_LEVELS.indexOf(at) <= rank;
  return {
    on,
    write(at, message, data) {
      if (!on(at)) return;
      try {
        logger[at](`threadrun: ${message}`, data);
      } catch {
        // The logger's failure must not become the request's.
      }
    },
  };
}

/**
 * Checks `logger` and `logLevel` and applies the defaults: `console`, and the level of the
 * `THREADRUN_LOG` variable (read where `process` exists), else `"warn"`.
 */
export function resolveLog(logger: unknown, logLevel: unknown, label: string): ClientLog {
  const fromEnv = globalThis.process?.env?.["THREADRUN_LOG"] || undefined;
  const level =
    logLevel === undefined
      ? oneOf(fromEnv?.trim().toLowerCase(), `${label}: THREADRUN_LOG`, LOG_LEVELS, "warn")
      : oneOf(logLevel, `${label}: logLevel`, LOG_LEVELS, "warn");
  if (logger === undefined) return clientLog(console, level);
  for (const method of LOG_LEVELS.slice(1)) {
    const value = (logger as Record<string, unknown> | null)?.[method];
    if (typeof value !== "function") {
      throw new TypeError(
        `${label}: logger.${method} must be a function (a logger has debug, info, warn and error methods: console and pino fit), got ${describe(value)}`,
      );
    }
  }
  return clientLog(logger as Logger, level);
}
