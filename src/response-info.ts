/**
 * What the answer to a successful call said besides its body: the request id above all, which a
 * provider's support asks for. Kept beside the result (not on it), so results stay plain data:
 * `JSON.stringify(run)` and deep equality see only the run.
 * @category Client
 */
export interface ResponseInfo {
  /** The `x-request-id` header, or `null` when the server sent none. */
  requestId: string | null;
  /** The HTTP status of the final attempt. */
  status: number;
  /** The headers of the final answer. */
  headers: Headers;
  /** Attempts made, retries included. */
  attempts: number;
  /** Every attempt, oldest first: the final one is last. */
  history: AttemptRecord[];
}

/**
 * One attempt of a call, as `responseInfo(result).history` and `ApiError.history` keep it.
 * @category Client
 */
export interface AttemptRecord {
  /** The attempt's number, from 1. */
  attempt: number;
  /** The HTTP status; absent when no response came (then `errorName` is set). */
  status?: number;
  /** The name of the error when no response came (`ConnectionError`, `TimeoutError`, `AbortError`). */
  errorName?: string;
  /** The `x-request-id` header, or `null`. */
  requestId: string | null;
  /** From sending the request to the end of its body, in ms. */
  durationMs: number;
  /** The wait the client chose before this attempt, in ms (0 for the first). */
  waitedMs: number;
}

const infos = new WeakMap<object, ResponseInfo>();

/** Records the answer a result came from. */
export function remember<T extends object>(result: T, info: ResponseInfo): T {
  infos.set(result, info);
  return result;
}

/**
 * The answer a result of `cancel`, `get`, `wait` or a list page came from, for example
 * `responseInfo(run)?.requestId`. `undefined` for an object threadrun did not return.
 * @category Client
 */
export function responseInfo(result: object): ResponseInfo | undefined {
  return infos.get(result);
}
