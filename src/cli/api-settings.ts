/**
 * The flags of the commands that call the API, checked with the shared validators before the key
 * is even looked at: a usage mistake is reported as one (exit 2), and nothing is sent.
 */
import { MAX_CONCURRENCY } from "../bulk-options.js";
import { duration, finiteNumber, httpUrl, nonEmptyString, wholeNumber } from "../validate.js";
import { numberFlag, type Flags } from "./args.js";
import { cancelManySettings, type CancelManySettings } from "./commands/cancel-many.js";
import { listQuery, type ListQuery } from "./commands/list.js";
import type { CommandName } from "./help.js";

export interface ApiSettings {
  /** `--timeout-ms`: the whole command. */
  timeoutMs: number | undefined;
  /** `--request-timeout-ms`: each attempt (the client's `timeoutMs`). */
  requestTimeoutMs: number | undefined;
  maxRetries: number | undefined;
  apiVersion: string | undefined;
  baseUrl: string | undefined;
  concurrency: number | undefined;
  /** `--max-rps`: a ceiling on every request of the command (see main.ts for how it is kept). */
  maxRps: number | undefined;
  /** list's `--limit` and `--order`. */
  query: ListQuery;
  /** cancel-many's own flags and its FILE. */
  many: Omit<CancelManySettings, "concurrency" | "maxRps"> | undefined;
}

export function apiSettings(command: CommandName, args: string[], values: Flags): ApiSettings {
  const number = <T>(flag: keyof Flags, check: (value: unknown) => T): T | undefined =>
    values[flag] === undefined ? undefined : check(numberFlag(values[flag] as string));
  const baseUrl = values["base-url"] ?? process.env["OPENAI_BASE_URL"];
  if (baseUrl !== undefined) {
    httpUrl(baseUrl, values["base-url"] !== undefined ? "--base-url" : "OPENAI_BASE_URL");
  }
  return {
    timeoutMs: number("timeout-ms", (v) => duration(v, "--timeout-ms", 0)),
    requestTimeoutMs: number("request-timeout-ms", (v) => duration(v, "--request-timeout-ms", 0)),
    maxRetries: number("max-retries", (v) => wholeNumber(v, "--max-retries", 0, { min: 0 })),
    apiVersion: nonEmptyString(values["api-version"], "--api-version", undefined),
    baseUrl,
    concurrency: number("concurrency", (v) =>
      wholeNumber(v, "--concurrency", 16, { min: 1, max: MAX_CONCURRENCY }),
    ),
    maxRps: number("max-rps", (v) =>
      finiteNumber(v, "--max-rps", "required", { min: 0, exclusiveMin: true }),
    ),
    query: command === "list" ? listQuery(values) : {},
    many: command === "cancel-many" ? cancelManySettings(values, args[0]) : undefined,
  };
}
