/**
 * The request target below the base URL, for the run operations and the raw client alike.
 */

/**
 * `target` (a path, percent-encoded, with or without its own query) with the base query added:
 * `api-version` and any query of the base URL. A parameter the target names itself (a raw call's
 * own `api-version`) wins over the base one; the other base parameters are still sent.
 */
export function withBaseQuery(target: string, baseQuery: string): string {
  if (baseQuery === "") return target;
  const mark = target.indexOf("?");
  if (mark === -1 || mark === target.length - 1)
    return `${target.slice(0, mark === -1 ? undefined : mark)}?${baseQuery}`;
  const own = new URLSearchParams(target.slice(mark + 1));
  const base = new URLSearchParams(baseQuery);
  for (const name of new Set(own.keys())) base.delete(name);
  const kept = base.toString();
  if (kept === "") return target;
  // The target's own query is kept byte for byte (it may encode values differently).
  return `${target.slice(0, mark)}?${kept}&${target.slice(mark + 1)}`;
}
