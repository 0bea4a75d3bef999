// This file is generated: do not edit it by hand.
// Source:  spec/openapi.yaml (sha256 002d1d0f8c2a32723ad781692643da3b3714844ee89a168e5c7e50916c45566e)
// Command: npm run generate
/* eslint-disable */
/**
 * The runtime of the generated converters: the checks and conversions that `generated/model.ts`
 * calls. `npm run generate` copies this file, unchanged below its header, to
 * `generated/runtime.ts`, so it is type-checked and unit-tested here like any source file.
 *
 * It runs in browsers too: web APIs only. Every function is small and monomorphic on purpose;
 * converting a 100-run page must stay close to the cost of `JSON.parse`.
 */

/** A wire value that does not have the shape the spec promises. `path` names the field. */
export class WireShapeError extends Error {
  override readonly name = "WireShapeError";
  /** The path of the field, for example `tools[1].function.name`; `""` for the value itself. */
  readonly path: string;
  /** What the spec promises there, for example `a string`. */
  readonly expected: string;
  /** The value found. */
  readonly received: unknown;
  constructor(path: string, expected: string, received: unknown) {
    super(`${path || "(root)"}: expected ${expected}, got ${describe(received)}`);
    this.path = path;
    this.expected = expected;
    this.received = received;
  }
}

/** A JSON object as it comes off the wire or goes back onto it. */
export type WireObject = Record<string, unknown>;

/** A value as a message shows it: short strings quoted, structures by kind. */
export function describe(value: unknown): string {
  if (value === undefined) return "nothing (field missing)";
  if (typeof value === "string") {
    return JSON.stringify(value.length > 40 ? value.slice(0, 40) + "…" : value);
  }
  if (Array.isArray(value)) return "an array";
  if (value === null) return "null";
  if (value instanceof Date) return "a Date";
  if (typeof value === "object") return "an object";
  if (typeof value === "function") return "a function";
  return String(value);
}

/** The path of `key` below `path` (`usage` + `prompt_tokens` → `usage.prompt_tokens`). */
export function at(path: string, key: string): string {
  return path === "" ? key : path + "." + key;
}

/** Throws the {@link WireShapeError} for `key` of the object at `path` (or `path` itself). */
export function fail(path: string, key: string, expected: string, value: unknown): never {
  throw new WireShapeError(key === "" ? path : at(path, key), expected, value);
}

export function isObject(value: unknown): value is WireObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** A model object: an object that is neither an array nor a Date. */
export function isModelObject(value: unknown): value is WireObject {
  return isObject(value) && !(value instanceof Date);
}

/**
 * `object[key]` if the object has that key of its own. Used for keys that every object inherits
 * (`constructor`, `toString`, `__proto__`, ...), so that they read as absent when they are.
 */
export function own(object: WireObject, key: string): unknown {
  return Object.hasOwn(object, key) ? object[key] : undefined;
}

/** Sets `object[key]` as an own data property, also for `__proto__` (never the prototype). */
export function setOwn(object: WireObject, key: string, value: unknown): void {
  if (key === "__proto__") {
    Object.defineProperty(object, key, {
      value,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  } else {
    object[key] = value;
  }
}

export function str(value: unknown, path: string, key: string): string {
  return typeof value === "string" ? value : fail(path, key, "a string", value);
}

export function strOrNull(value: unknown, path: string, key: string): string | null {
  return value == null
    ? null
    : typeof value === "string"
      ? value
      : fail(path, key, "a string or null", value);
}

export function num(value: unknown, path: string, key: string): number {
  return typeof value === "number" ? value : fail(path, key, "a number", value);
}

export function numOrNull(value: unknown, path: string, key: string): number | null {
  return value == null
    ? null
    : typeof value === "number"
      ? value
      : fail(path, key, "a number or null", value);
}

export function bool(value: unknown, path: string, key: string): boolean {
  return typeof value === "boolean" ? value : fail(path, key, "a boolean", value);
}

export function boolOrNull(value: unknown, path: string, key: string): boolean | null {
  return value == null
    ? null
    : typeof value === "boolean"
      ? value
      : fail(path, key, "a boolean or null", value);
}

export function obj(value: unknown, path: string, key: string): WireObject {
  return isObject(value) ? value : fail(path, key, "an object", value);
}

export function objOrNull(value: unknown, path: string, key: string): WireObject | null {
  return value == null
    ? null
    : isObject(value)
      ? value
      : fail(path, key, "an object or null", value);
}

export function arr(value: unknown, path: string, key: string): unknown[] {
  return Array.isArray(value) ? value : fail(path, key, "an array", value);
}

/** Checks every item of a list with `check` (which throws on a bad one) and keeps the list. */
export function checkList(
  value: unknown,
  path: string,
  key: string,
  check: (value: unknown, path: string) => unknown,
): unknown[] {
  if (!Array.isArray(value)) return fail(path, key, "an array", value);
  const itemPath = key === "" ? path : at(path, key);
  for (let i = 0; i < value.length; i++) check(value[i], itemPath + "[" + i + "]");
  return value;
}

/** Checks every value of a map with `check` (which throws on a bad one) and keeps the map. */
export function checkMap(
  value: unknown,
  path: string,
  key: string,
  check: (value: unknown, path: string) => unknown,
): WireObject {
  if (!isObject(value)) return fail(path, key, "an object", value);
  const mapPath = key === "" ? path : at(path, key);
  for (const name of Object.keys(value)) check(value[name], at(mapPath, name));
  return value;
}

/** The one place where Unix seconds from the wire become a Date. */
export function date(value: unknown, path: string, key: string): Date {
  if (typeof value === "number") {
    const d = new Date(value * 1000);
    // NaN, Infinity and values beyond the Date range (±8.64e12 s) give an Invalid Date: refused.
    if (d.getTime() === d.getTime()) return d;
  }
  return fail(path, key, "integer seconds", value);
}

export function dateOrNull(value: unknown, path: string, key: string): Date | null {
  return value == null ? null : date(value, path, key);
}

/** The one place where a Date becomes Unix seconds for the wire. */
export function unix(value: Date, field: string): number {
  const ms = value instanceof Date ? value.getTime() : Number.NaN;
  if (Number.isNaN(ms))
    throw new TypeError(`${field}: expected a valid Date, got ${describe(value)}`);
  return Math.floor(ms / 1000);
}

/** A list, each item converted by `item` (given the item and its path). */
export function list<T>(
  value: unknown,
  path: string,
  key: string,
  item: (value: unknown, path: string) => T,
): T[] {
  if (!Array.isArray(value)) return fail(path, key, "an array", value);
  const itemPath = key === "" ? path : at(path, key);
  const out = new Array<T>(value.length);
  for (let i = 0; i < value.length; i++) out[i] = item(value[i], itemPath + "[" + i + "]");
  return out;
}

export function listToWire<T>(value: readonly T[], item: (value: T) => unknown): unknown[] {
  const out = new Array<unknown>(value.length);
  for (let i = 0; i < value.length; i++) out[i] = item(value[i] as T);
  return out;
}

/** A map (user keys, never renamed), each value converted by `convert`. */
export function map<T>(
  value: unknown,
  path: string,
  key: string,
  convert: (value: unknown, path: string) => T,
): Record<string, T> {
  if (!isObject(value)) return fail(path, key, "an object", value);
  const mapPath = key === "" ? path : at(path, key);
  const out: Record<string, T> = {};
  for (const name of Object.keys(value)) {
    setOwn(out, name, convert(value[name], at(mapPath, name)));
  }
  return out;
}

export function mapToWire<T>(
  value: Readonly<Record<string, T>>,
  convert: (value: T) => unknown,
): WireObject {
  const out: WireObject = {};
  for (const name of Object.keys(value)) setOwn(out, name, convert(value[name] as T));
  return out;
}

/** Copies fields this version does not know, under their own names, so a round trip keeps them. */
export function keepUnknown(from: WireObject, to: WireObject, known: ReadonlySet<string>): void {
  for (const key of Object.keys(from)) {
    if (!known.has(key) && !Object.hasOwn(to, key)) setOwn(to, key, from[key]);
  }
}
