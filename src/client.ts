import { resolveOptions, type ClientOptions } from "./options.js";
import { createRawClient, type RawClient } from "./raw.js";
import { Runs } from "./runs.js";
import { createTransport } from "./transport.js";

/**
 * What {@link createClient} returns.
 * @category Client
 */
export interface ThreadRunClient {
  /** cancel, get, list, wait, cancelAndWait, cancelActive and cancelMany. */
  readonly runs: Runs;
  /**
   * openapi-fetch's request API typed from the spec (`client.raw.POST("/threads/{thread_id}/runs/{run_id}/cancel", …)`),
   * with the same credentials, headers, retries and time limits. Error answers come back as
   * `{ error }`, the openapi-fetch way.
   */
  readonly raw: RawClient;
}

/**
 * Creates a client. Every option is optional; see {@link ClientOptions} for the defaults.
 *
 * ```ts
 * const client = createClient({ apiKey: process.env.OPENAI_API_KEY });
 * const run = await client.runs.cancelAndWait("thread_abc", "run_abc");
 * ```
 * @throws `TypeError` / `RangeError` naming the option when an option is invalid or the key is missing.
 * @category Client
 */
export function createClient(options?: ClientOptions): ThreadRunClient {
  const resolved = resolveOptions(options);
  const transport = createTransport(resolved);
  const runs = new Runs(transport);
  let raw: RawClient | undefined;
  return {
    runs,
    // Built on first use: most applications never need it.
    get raw() {
      return (raw ??= createRawClient(transport));
    },
  };
}
