/**
 * The base of every error threadrun throws on purpose, so one `instanceof` check catches them all.
 * Bad arguments are the exception: they throw the built-in `TypeError` or `RangeError`, before
 * any request is sent.
 * @category Errors
 */
export class ThreadRunError extends Error {
  override name = "ThreadRunError";
}
