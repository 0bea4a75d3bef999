/** The reason requests in flight were aborted: Ctrl-C a second time. */
export class InterruptedError extends Error {
  override name = "InterruptedError";
}
