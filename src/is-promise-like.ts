/** Whether a callback's return value is a promise (or any thenable) to wait for or catch. */
export function isPromiseLike<T = unknown>(value: unknown): value is PromiseLike<T> {
  return typeof (value as PromiseLike<T> | null)?.then === "function";
}
