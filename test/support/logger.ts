/**
 * A logger that keeps every line, for tests of the client's log: `lines` in order, each with its
 * level, message and structured object. Also a serialisation of anything the client handed out
 * (log data, hook events, errors with their message, stack and cause), to scan for a secret.
 */
import type { Logger } from "../../src/index.js";

export interface LogLine {
  level: "debug" | "info" | "warn" | "error";
  message: string;
  data: unknown;
  /** How many arguments the logger was called with. */
  argumentCount: number;
}

export function captureLogger(): Logger & { lines: LogLine[] } {
  const lines: LogLine[] = [];
  const at =
    (level: LogLine["level"]) =>
    (...args: unknown[]) =>
      void lines.push({
        level,
        message: String(args[0]),
        data: args[1],
        argumentCount: args.length,
      });
  return { lines, debug: at("debug"), info: at("info"), warn: at("warn"), error: at("error") };
}

/** Everything in `value` as text, errors included (message, stack, cause, own fields). */
export function everythingIn(value: unknown, seen = new Set<unknown>()): string {
  if (value === null || typeof value !== "object") return String(value);
  if (seen.has(value)) return "";
  seen.add(value);
  const parts: string[] = [];
  if (value instanceof Error) parts.push(value.name, value.message, value.stack ?? "");
  if (value instanceof Headers) for (const [name, v] of value) parts.push(name, v);
  for (const key of Reflect.ownKeys(value)) {
    parts.push(String(key), everythingIn((value as Record<PropertyKey, unknown>)[key], seen));
  }
  if (value instanceof Error && value.cause !== undefined)
    parts.push(everythingIn(value.cause, seen));
  return parts.join(" ");
}
