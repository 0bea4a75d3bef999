/**
 * The openapi-fetch client typed from the spec, for calls the ergonomic layer does not wrap. It
 * sends through the same transport: same credentials, headers, retries and time limits.
 */
import createFetchClient from "openapi-fetch";
import type { RawClient } from "../generated/client-types.js";
import { encodePathId } from "./ids.js";
import type { ResolvedOptions } from "./options.js";
import type { Transport } from "./transport.js";

export type { RawClient };

export function createRawClient(resolved: ResolvedOptions, transport: Transport): RawClient {
  return createFetchClient({
    baseUrl: resolved.baseUrl,
    fetch: transport.fetchRaw,
    // openapi-fetch's own serializer encodes "." and ".." as-is, so `{ thread_id: ".." }` would
    // turn a cancel into another request. The spec's path parameters are all plain ids: guard them
    // as the ergonomic layer does (a TypeError naming the parameter, before any request).
    pathSerializer: (url, params) =>
      url.replace(/\{([^{}]+)\}/g, (_match, name: string) => encodePathId(params[name], name)),
  });
}
