/**
 * The shared option validators: one wording for every entry (the client, its methods,
 * `threadrun/testing`, `threadrun/node` and the CLI). Each message names the parameter, the rule
 * and the value as given (`timeoutMs must be a number of ms > 0, got the string "1000"`).
 * Web APIs only: the main entry imports this.
 */

/** A value as a message shows it: `-1`, `the string "1000"`, `null`, `an object`, `an AbortController`. */
export function describe(value: unknown, { secret = false }: { secret?: boolean } = {}): string {
  if (value === null) return "null";
  switch (typeof value) {
    case "undefined":
      return "undefined";
    case "string":
      if (secret) return "a string (not shown)";
      // Long enough for an Azure project endpoint: a URL cut short hides where it went wrong.
      return `the string ${JSON.stringify(value.length > 160 ? `${value.slice(0, 157)}...` : value)}`;
    case "number":
      if (secret) return "a number (not shown)";
      return Object.is(value, -0) ? "-0" : String(value);
    case "bigint":
      return secret ? "a bigint (not shown)" : `the bigint ${String(value)}n`;
    case "boolean":
      return String(value);
    case "symbol":
      return "a symbol";
    case "function":
      return "a function";
    default:
      return Array.isArray(value) ? "an array" : describeObject(value);
  }
}

/** `an object` for a plain one; else its class (`a Date`, `an AbortController`), the usual mix-up. */
function describeObject(value: object): string {
  const prototype = Object.getPrototypeOf(value) as { constructor?: unknown } | null;
  if (prototype === null || prototype === Object.prototype) return "an object";
  const name = typeof prototype.constructor === "function" ? prototype.constructor.name : "";
  if (!/^[A-Za-z_$][\w$]*$/.test(name)) return "an object";
  return `${/^[AEIOU]/i.test(name) ? "an" : "a"} ${name}`;
}

/**
 * Refuses anything but a plain options object (or `undefined`): the classic misuse is an id or a
 * string where the options go.
 */
export function checkOptionsObject(
  value: unknown,
  label: string,
  { secret = false }: { secret?: boolean } = {},
): asserts value is object | undefined {
  if (value === undefined) return;
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new TypeError(`${label} must be an object, got ${describe(value, { secret })}`);
  }
}

/**
 * The keys of an options type as a runtime list, from a record that must name every key of `T` and
 * nothing else (the compiler checks both), so the list of known options cannot drift from the type.
 */
export function keysOf<T>(keys: Record<keyof T, true>): readonly string[] {
  return Object.keys(keys);
}

/**
 * Other libraries' spellings of our options, so a pasted configuration is caught with the right
 * name: the `openai` package's `baseURL`, `timeout`, `defaultHeaders` (its `maxRetries` is ours).
 */
const KNOWN_ALIASES: Readonly<Record<string, string>> = {
  baseURL: "baseUrl",
  baseurl: "baseUrl",
  apiBase: "baseUrl",
  endpoint: "baseUrl",
  url: "baseUrl",
  key: "apiKey",
  token: "apiKey",
  timeout: "timeoutMs",
  defaultHeaders: "headers",
  interval: "intervalMs",
  pollIntervalMs: "intervalMs",
  maxInterval: "maxIntervalMs",
  abortSignal: "signal",
  onprogress: "onProgress",
  onstatus: "onStatus",
  retries: "maxRetries",
  parallel: "concurrency",
  limit: "concurrency",
};

/**
 * Throws a `TypeError` naming the first own key of `options` that is not in `known`, with the
 * closest known name when there is one: `createClient: "baseURL" is not an option; did you mean
 * "baseUrl"?`. A misspelt option silently ignored can send a key to the wrong host.
 */
export function checkKnownKeys(options: object, known: readonly string[], label: string): void {
  for (const key of Object.keys(options)) {
    if (known.includes(key)) continue;
    const hint = closest(key, known);
    throw new TypeError(
      `${label}: ${JSON.stringify(key)} is not an option` +
        (hint === undefined
          ? ` (the options are ${known.map((k) => JSON.stringify(k)).join(", ")})`
          : `; did you mean ${JSON.stringify(hint)}?`),
    );
  }
}

/** The known name a mistyped key most likely meant, or `undefined` when none is close. */
export function closest(key: string, known: readonly string[]): string | undefined {
  const alias = Object.hasOwn(KNOWN_ALIASES, key) ? KNOWN_ALIASES[key] : undefined;
  if (alias !== undefined && known.includes(alias)) return alias;
  const lower = key.toLowerCase();
  let best: string | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const name of known) {
    if (name.toLowerCase() === lower) return name;
    const distance = editDistance(lower, name.toLowerCase());
    if (distance < bestDistance) {
      bestDistance = distance;
      best = name;
    }
  }
  // Two edits for names of 6 letters or more, one for shorter ones: beyond that it is a guess.
  return bestDistance <= (key.length >= 6 ? 2 : 1) ? best : undefined;
}

/**
 * Edits between two names (insert, delete, substitute, or swap two neighbours: `wiat` is one edit
 * from `wait`), the optimal-string-alignment distance. Names are short: a full table is fine.
 */
function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  const at = (i: number, j: number): number => d[i]![j]!;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        best = Math.min(best, at(i - 2, j - 2) + 1);
      }
      d[i]![j] = best;
    }
  }
  return at(a.length, b.length);
}

/** The bounds of a whole-number option. */
export interface WholeNumberRule {
  min: number;
  /** @default Number.MAX_SAFE_INTEGER */
  max?: number;
}

/**
 * A whole number within `[min, max]`, or `fallback` for `undefined`:
 * `concurrency must be a whole number from 1 to 1024, got -1`.
 */
export function wholeNumber(
  value: unknown,
  name: string,
  fallback: number,
  rule: WholeNumberRule,
): number {
  if (value === undefined) return fallback;
  const max = rule.max ?? Number.MAX_SAFE_INTEGER;
  if (typeof value !== "number" || !Number.isInteger(value) || value < rule.min || value > max) {
    const range = max === Number.MAX_SAFE_INTEGER ? `>= ${rule.min}` : `from ${rule.min} to ${max}`;
    const error = typeof value === "number" ? RangeError : TypeError;
    throw new error(`${name} must be a whole number ${range}, got ${describe(value)}`);
  }
  return value;
}

/**
 * A duration in ms: a finite number > 0 (or >= 0 with `zeroOk`), or `fallback` for `undefined`:
 * `timeoutMs must be a number of ms > 0, got the string "1000"`.
 */
export function duration(
  value: unknown,
  name: string,
  fallback: number,
  { zeroOk = false }: { zeroOk?: boolean } = {},
): number {
  if (value === undefined) return fallback;
  if (
    typeof value !== "number" ||
    !Number.isFinite(value) ||
    value < 0 ||
    (!zeroOk && value === 0)
  ) {
    const error = typeof value === "number" ? RangeError : TypeError;
    throw new error(
      `${name} must be a number of ms ${zeroOk ? ">= 0" : "> 0"}, got ${describe(value)}`,
    );
  }
  return value;
}

/**
 * A finite number > 0 (a rate, a factor), or `fallback` for `undefined`:
 * `maxRequestsPerSecond must be a finite number > 0, got 0`.
 */
export function positiveNumber(value: unknown, name: string, fallback: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== "number" || !Number.isFinite(value) || value <= 0) {
    const error = typeof value === "number" ? RangeError : TypeError;
    throw new error(`${name} must be a finite number > 0, got ${describe(value)}`);
  }
  return value;
}

/** A callback, or `undefined`: `onProgress must be a function, got the string "x"`. */
export function optionalFunction<F extends (...args: never[]) => unknown>(
  value: unknown,
  name: string,
): F | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== "function") {
    throw new TypeError(`${name} must be a function, got ${describe(value)}`);
  }
  return value as F;
}

/** An `AbortSignal`, or `undefined`. */
export function optionalSignal(value: unknown, name: string): AbortSignal | undefined {
  if (value === undefined) return undefined;
  if (
    typeof value !== "object" ||
    value === null ||
    typeof (value as AbortSignal).aborted !== "boolean" ||
    typeof (value as AbortSignal).addEventListener !== "function"
  ) {
    throw new TypeError(`${name} must be an AbortSignal, got ${describe(value)}`);
  }
  return value as AbortSignal;
}

/** A non-empty string, or `fallback` for `undefined`. */
export function nonEmptyString<T extends string | undefined>(
  value: unknown,
  name: string,
  fallback: T,
): string | T {
  if (value === undefined) return fallback;
  if (typeof value !== "string" || value === "") {
    throw new TypeError(`${name} must be a non-empty string, got ${describe(value)}`);
  }
  return value;
}

/**
 * One of a fixed set of strings, or `fallback` for `undefined`:
 * `order must be one of "asc", "desc", got the string "up"`, with the close one when there is one.
 */
export function oneOf<const T extends string>(
  value: unknown,
  name: string,
  choices: readonly T[],
  fallback: T,
): T {
  if (value === undefined) return fallback;
  if (typeof value === "string" && (choices as readonly string[]).includes(value))
    return value as T;
  const hint = typeof value === "string" ? closest(value, choices) : undefined;
  throw new TypeError(
    `${name} must be one of ${choices.map((c) => JSON.stringify(c)).join(", ")}, got ${describe(value)}` +
      (hint === undefined ? "" : `; did you mean ${JSON.stringify(hint)}?`),
  );
}

/**
 * An absolute http(s) URL, parsed. A URL without its scheme (`localhost:8080/v1`, which `URL`
 * reads as the scheme `localhost:`) gets the likely one suggested: http for this machine, https
 * elsewhere. A user name or password is refused and never shown (`https://***@host`): it would
 * not be sent, and the message may end up in a log. A fragment is refused: it would be dropped.
 */
export function httpUrl(value: unknown, name: string): URL {
  const rule = `${name} must be an absolute http or https URL`;
  if (typeof value !== "string") throw new TypeError(`${rule}, got ${describe(value)}`);
  const shown = describe(hideUserInfo(value));
  const url = parseUrl(value);
  const suggestion = url && isHttp(url) ? undefined : suggestScheme(value);
  const meant =
    url && isHttp(url) ? url : suggestion === undefined ? undefined : parseUrl(suggestion);
  if (meant && (meant.username !== "" || meant.password !== "")) {
    throw new TypeError(`${name} must not contain a user name or password, got ${shown}`);
  }
  if (!url || !isHttp(url)) {
    throw new TypeError(
      `${rule}, got ${shown}` +
        (suggestion === undefined ? "" : `; did you mean ${JSON.stringify(suggestion)}?`),
    );
  }
  if (value.includes("#"))
    throw new TypeError(`${name} must not have a fragment (#...), got ${shown}`);
  return url;
}

function parseUrl(text: string): URL | undefined {
  try {
    return new URL(text);
  } catch {
    return undefined;
  }
}

const isHttp = (url: URL): boolean => url.protocol === "http:" || url.protocol === "https:";

/** `https://user:pw@host/v1` -> `https://***@host/v1` (the last `@` before the path ends it). */
function hideUserInfo(text: string): string {
  return text.replace(/^(\s*[a-z][a-z0-9+.-]*:\/\/)?[^/?#]*@/i, "$1***@");
}

/** What a URL without an http(s) scheme most likely meant, if it looks like one at all. */
function suggestScheme(text: string): string | undefined {
  const trimmed = text.trim();
  const withScheme = /^([a-z][a-z0-9+.-]*):\/\/(.*)$/is.exec(trimmed);
  let candidate: string | undefined;
  if (withScheme) {
    // A typo in the scheme (`htps://`); another scheme (`ftp://`) is not ours to guess about.
    const scheme = closest(withScheme[1]!.toLowerCase(), ["http", "https"]);
    if (scheme !== undefined) candidate = `${scheme}://${withScheme[2]!}`;
  } else {
    const missingColon = /^(https?)\/\/(.*)$/is.exec(trimmed);
    const rest = missingColon ? missingColon[2]! : trimmed.replace(/^\/\//, "");
    // host[:port] first, with an optional user name before it: `localhost:8080/v1`.
    const host = /^(?:[^/?#\s]*@)?(\[[0-9a-f:.]+\]|[a-z0-9.-]+)(?::\d{1,5})?(?=[/?#]|$)/i.exec(
      rest,
    );
    if (host) {
      const scheme = missingColon ? missingColon[1]! : isLocal(host[1]!) ? "http" : "https";
      candidate = `${scheme.toLowerCase()}://${rest}`;
    }
  }
  const parsed = candidate === undefined ? undefined : parseUrl(candidate);
  return parsed && isHttp(parsed) && parsed.hostname !== "" ? candidate : undefined;
}

/** This machine: a local server is reached over plain http. */
function isLocal(host: string): boolean {
  const name = host.toLowerCase();
  return (
    name === "localhost" ||
    name.endsWith(".localhost") ||
    /^127\.\d+\.\d+\.\d+$/.test(name) ||
    name === "0.0.0.0" ||
    name === "[::1]"
  );
}

/** `true` or `false`, or `fallback` for `undefined`: `recordRequests must be true or false, got the string "yes"`. */
export function optionalBoolean(value: unknown, name: string, fallback: boolean): boolean {
  if (value === undefined) return fallback;
  if (typeof value !== "boolean") {
    throw new TypeError(`${name} must be true or false, got ${describe(value)}`);
  }
  return value;
}

/** The bounds of a number option that is not a duration (a rate, a share). */
export interface NumberRule {
  min: number;
  /** @default Infinity (no upper bound; the number must still be finite) */
  max?: number;
  /** `min` itself is refused (`> 0` rather than `>= 0`). @default false */
  exclusiveMin?: boolean;
}

/**
 * A finite number within the rule, or `fallback` for `undefined` (`"required"`: no default):
 * `chaos.errorRate must be a number from 0 to 1, got 2`, `requestsPerSecond must be a number > 0, got 0`.
 */
export function finiteNumber(
  value: unknown,
  name: string,
  fallback: number | "required",
  rule: NumberRule,
): number {
  if (value === undefined && fallback !== "required") return fallback;
  const max = rule.max ?? Number.POSITIVE_INFINITY;
  const exclusive = rule.exclusiveMin ?? false;
  if (
    typeof value !== "number" ||
    !Number.isFinite(value) ||
    value < rule.min ||
    (exclusive && value === rule.min) ||
    value > max
  ) {
    const range =
      max === Number.POSITIVE_INFINITY
        ? `${exclusive ? ">" : ">="} ${rule.min}`
        : `from ${rule.min} to ${max}`;
    const error = typeof value === "number" ? RangeError : TypeError;
    throw new error(`${name} must be a number ${range}, got ${describe(value)}`);
  }
  return value;
}
