import type { WireRun } from "./wire.js";

/**
 * A deep copy of a stored run, so tests cannot change server state by mutating what they got.
 * Spreading the top level first keeps V8's fixed shape; only object-valued fields recurse. About
 * 10× faster than structuredClone, which matters for createRuns(100_000).
 */
export function copyRun(run: WireRun): WireRun {
  const copy: Record<string, unknown> = { ...run };
  for (const key in copy) {
    const value = copy[key];
    if (value !== null && typeof value === "object") copy[key] = copyJson(value);
  }
  return copy as unknown as WireRun;
}

/** A deep copy of a JSON-like value (plain objects, arrays, primitives). */
export function copyJson(value: unknown): unknown {
  if (value === null || typeof value !== "object") return value;
  if (Array.isArray(value)) return value.map(copyJson);
  const out: Record<string, unknown> = {};
  for (const key in value) out[key] = copyJson((value as Record<string, unknown>)[key]);
  return out;
}
