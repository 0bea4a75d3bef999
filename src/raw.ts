/**
 * The openapi-fetch client typed from the spec, for calls the ergonomic layer does not wrap. It
 * sends through the same transport: same credentials, headers, retries and time limits.
 */
import createFetchClient from "openapi-fetch";
import type { RawClient } from "../generated/client-types.js";
import type { ResolvedOptions } from "./options.js";
import type { Transport } from "./transport.js";

export type { RawClient };

export function createRawClient(resolved: ResolvedOptions, transport: Transport): RawClient {
  return createFetchClient({ baseUrl: resolved.baseUrl, fetch: transport.fetchRaw });
}
