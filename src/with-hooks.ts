/**
 * Attaching more attempt hooks to the run operations: a bulk job gets its own view of
 * `client.runs` whose every request passes its pacer (and its per-item bookkeeping). The method is
 * keyed by a symbol the package does not export, so it stays off the public API, and bulk.ts can
 * reach it without importing runs.ts (the data flows one way: runs.ts → bulk.ts).
 */
import type { AttemptHooks } from "./transport.js";

/** The key of `Runs`'s internal method `(hooks) => Runs`. */
export const WITH_HOOKS: unique symbol = Symbol("threadrun.withHooks");

/**
 * Hooks that call `first`'s, then `second`'s (awaiting the first when it answers a promise); the
 * result is the last one's.
 */
export function combineHooks(first: AttemptHooks | undefined, second: AttemptHooks): AttemptHooks {
  if (first === undefined) return second;
  type Hook = (...args: unknown[]) => unknown;
  const combined: Record<string, Hook> = { ...(first as Record<string, Hook>) };
  for (const [name, hook] of Object.entries(second as Record<string, Hook | undefined>)) {
    if (hook === undefined) continue;
    const earlier = combined[name];
    combined[name] =
      earlier === undefined
        ? hook
        : (...args) => {
            const result = earlier(...args);
            return isPromiseLike(result) ? result.then(() => hook(...args)) : hook(...args);
          };
  }
  return combined as AttemptHooks;
}

function isPromiseLike(value: unknown): value is PromiseLike<unknown> {
  return typeof (value as PromiseLike<unknown> | null)?.then === "function";
}
