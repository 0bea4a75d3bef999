/**
 * `client.raw`: openapi-fetch's request API (`GET` / `POST` with `params` and `body`, answering
 * `{ data, error, response }`), typed from the spec by openapi-fetch's own types, for calls the
 * ergonomic layer does not wrap. The runtime is ours, a few hundred bytes instead of openapi-fetch's
 * 2.7 kB, and it sends through the same transport (credentials, headers, retries, time limits).
 * It also guards path parameters like the rest of the client: openapi-fetch's own serializer sends
 * `{ thread_id: ".." }` as-is, which turns a cancel into another request.
 */
import type { RawClient } from "../generated/client-types.js";
import { rawMethods } from "../generated/operations.js";
import { encodePathId } from "./ids.js";
import type { RequestOptions } from "./options.js";
import type { Transport } from "./transport.js";

export type { RawClient };

/** What the raw methods accept of openapi-fetch's request options. */
interface RawInit {
  params?: {
    path?: Record<string, unknown>;
    query?: Record<string, unknown>;
    header?: Record<string, unknown>;
  };
  body?: unknown;
  headers?: Record<string, string>;
  signal?: AbortSignal;
  parseAs?: "json" | "text";
}

export function createRawClient(transport: Transport): RawClient {
  const client: Record<string, unknown> = {};
  for (const method of rawMethods) {
    client[method] = (template: string, init: RawInit = {}) =>
      send(transport, method, template, init);
  }
  return client as unknown as RawClient;
}

async function send(transport: Transport, method: string, template: string, init: RawInit) {
  if (init.parseAs !== undefined && init.parseAs !== "json" && init.parseAs !== "text") {
    throw new TypeError(
      `client.raw: parseAs must be "json" or "text", got ${JSON.stringify(init.parseAs)}`,
    );
  }
  const { path = {}, query, header } = init.params ?? {};
  const suffix =
    template.replace(/\{([^{}]+)\}/g, (_match, name: string) => encodePathId(path[name], name)) +
    queryString(query);
  const headers: Record<string, string> = {
    ...stringValues(header, "params.header"),
    ...init.headers,
  };
  let body: string | undefined;
  if (init.body !== undefined) {
    body = JSON.stringify(init.body);
    headers["content-type"] ??= "application/json";
  }
  const options: RequestOptions = init.signal ? { signal: init.signal } : {};
  const { response, text } = await transport.exchange(method, suffix, {
    headers,
    ...(body === undefined ? {} : { body }),
    options,
  });
  const parsed = init.parseAs === "text" || text === "" ? text : tryJson(text);
  const answer = new Response(text === "" ? null : text, {
    status: response.status,
    statusText: response.statusText,
    headers: response.headers,
  });
  // openapi-fetch's contract: data for a 2xx (undefined when empty), error otherwise.
  return response.ok
    ? { data: text === "" ? undefined : parsed, error: undefined, response: answer }
    : { data: undefined, error: parsed, response: answer };
}

function tryJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** `form` style, as openapi-fetch sends it: `key=value`, arrays as repeated keys. */
function queryString(query: Record<string, unknown> | undefined): string {
  const parts: string[] = [];
  for (const [name, value] of Object.entries(query ?? {})) {
    if (value === undefined || value === null) continue;
    for (const item of Array.isArray(value) ? value : [value]) {
      if (typeof item === "object")
        throw new TypeError(
          `client.raw: query parameter ${name} must be a primitive or an array of them`,
        );
      parts.push(`${encodeURIComponent(name)}=${encodeURIComponent(String(item))}`);
    }
  }
  return parts.length > 0 ? `?${parts.join("&")}` : "";
}

function stringValues(
  values: Record<string, unknown> | undefined,
  label: string,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(values ?? {})) {
    if (value === undefined || value === null) continue;
    if (typeof value === "object")
      throw new TypeError(`client.raw: ${label}.${name} must be a primitive`);
    out[name.toLowerCase()] = String(value);
  }
  return out;
}
