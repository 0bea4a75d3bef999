/**
 * The shared option validators: one wording for every entry (the client, its methods,
 * `threadrun/testing`, `threadrun/node` and the CLI). Each message names the parameter, the rule
 * and the value as given (`timeoutMs must be a number of ms > 0, got the string "1000"`).
 * Web APIs only: the main entry imports this.
 */

/** A value as a message shows it: `-1`, `the string "1000"`, `null`, `an object`, `a function`. */
export function describe(value: unknown): string {
  if (value === null) return "null";
  switch (typeof value) {
    case "undefined":
      return "undefined";
    case "string":
      return `the string ${JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value)}`;
    case "number":
      return Object.is(value, -0) ? "-0" : String(value);
    case "bigint":
      return `the bigint ${String(value)}n`;
    case "boolean":
      return String(value);
    case "symbol":
      return "a symbol";
    case "function":
      return "a function";
    default:
      return Array.isArray(value) ? "an array" : "an object";
  }
}

/**
 * Refuses anything but a plain options object (or `undefined`): the classic misuse is an id or a
 * string where the options go.
 */
export function checkOptionsObject(value: unknown, label: string): void {
  if (value === undefined) return;
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new TypeError(`${label} must be an object, got ${describe(value)}`);
  }
}

/**
 * Other libraries' spellings of our options, so a pasted configuration is caught with the right
 * name: the `openai` package's `baseURL`, `timeout`, `defaultHeaders`, `maxRetries` is the same.
 */
const KNOWN_ALIASES: Readonly<Record<string, string>> = {
  baseURL: "baseUrl",
  baseurl: "baseUrl",
  endpoint: "baseUrl",
  url: "baseUrl",
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

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current[j] = Math.min(
        (previous[j] as number) + 1,
        (current[j - 1] as number) + 1,
        substitution,
      );
    }
    previous = current;
  }
  return previous[b.length] as number;
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
