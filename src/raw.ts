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
import { mergeHeaders, type HeaderValues, type RequestOptions } from "./options.js";
import type { Transport } from "./transport.js";
import {
  checkKnownKeys,
  checkOptionsObject,
  describe,
  keysOf,
  oneOf,
  optionalSignal,
} from "./validate.js";

export type { RawClient };

/** What the raw methods honour of openapi-fetch's request options; anything else is refused. */
interface RawInit {
  params?: {
    path?: Record<string, unknown>;
    query?: Record<string, unknown>;
    header?: Record<string, unknown>;
  };
  body?: unknown;
  /** openapi-fetch's `HeadersOptions`: a `Headers`, pairs, or a record (`null` removes). */
  headers?: unknown;
  signal?: AbortSignal;
  parseAs?: "json" | "text";
}

const RAW_OPTION_KEYS = keysOf<RawInit>({
  params: true,
  body: true,
  headers: true,
  signal: true,
  parseAs: true,
});
const PARAMS_KEYS = keysOf<NonNullable<RawInit["params"]>>({
  path: true,
  query: true,
  header: true,
});

/**
 * openapi-fetch's per-call options that this client does not honour, and what to do instead.
 * Ignoring them would be worse: a per-call `baseUrl` would send the request (and the key) elsewhere.
 */
const NOT_PER_CALL: Readonly<Record<string, string>> = {
  baseUrl: "set it on createClient",
  fetch: "set fetch or http on createClient",
  middleware: "threadrun's raw client has no middleware",
  querySerializer: "the query is serialised in openapi-fetch's default form style",
  bodySerializer: "the body is sent as JSON",
  pathSerializer: "path parameters are percent-encoded and checked like the rest of the client's",
};

export function createRawClient(transport: Transport): RawClient {
  const client: Record<string, unknown> = {};
  for (const method of rawMethods) {
    const label = `client.raw.${method}`;
    client[method] = async (template: string, init?: unknown) =>
      send(transport, method, template, checkInit(init, label), label);
  }
  return client as unknown as RawClient;
}

/** Checks a call's options completely, before anything is sent. */
function checkInit(init: unknown, label: string): RawInit {
  checkOptionsObject(init, `${label}: options`);
  if (init === undefined) return {};
  for (const key of Object.keys(init)) {
    if (Object.hasOwn(NOT_PER_CALL, key)) {
      throw new TypeError(
        `${label}: ${JSON.stringify(key)} is not supported per call (${NOT_PER_CALL[key]!})`,
      );
    }
  }
  checkKnownKeys(init, RAW_OPTION_KEYS, label);
  const { params, signal, parseAs } = init as RawInit;
  checkOptionsObject(params, `${label}: params`);
  if (params !== undefined) checkKnownKeys(params, PARAMS_KEYS, `${label}: params`);
  optionalSignal(signal, `${label}: signal`);
  oneOf(parseAs, `${label}: parseAs`, ["json", "text"], "json");
  return init as RawInit;
}

async function send(
  transport: Transport,
  method: string,
  template: string,
  init: RawInit,
  label: string,
) {
  const { path = {}, query, header } = init.params ?? {};
  const suffix =
    template.replace(/\{([^{}]+)\}/g, (_match, name: string) => encodePathId(path[name], name)) +
    queryString(query);
  // Lower-cased, so that a header differently cased replaces the client's instead of doubling it.
  const headers: Record<string, unknown> = stringValues(header, "params.header");
  for (const [name, value] of headerEntries(init.headers, label)) {
    headers[name.toLowerCase()] = value;
  }
  let body: string | undefined;
  if (init.body !== undefined) {
    body = JSON.stringify(init.body);
    if (!Object.hasOwn(headers, "content-type")) headers["content-type"] = "application/json";
  }
  // Checked here, with this call's name; the transport applies them (`null` removes a default).
  mergeHeaders({}, headers as HeaderValues, `${label}: headers`);
  const options: RequestOptions = {};
  if (init.signal) options.signal = init.signal;
  if (Object.keys(headers).length > 0) options.headers = headers as HeaderValues;
  const { response, text } = await transport.exchange(method, suffix, {
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

/**
 * openapi-fetch's `HeadersOptions` as pairs: a `Headers`, `[name, value]` pairs, or a record whose
 * values are strings, numbers, booleans or arrays of them (joined with ", "), `null` to remove a
 * default header and `undefined` to leave it. Anything else is left for `mergeHeaders` to refuse.
 */
function headerEntries(given: unknown, label: string): [string, unknown][] {
  if (given === undefined) return [];
  if (given instanceof Headers) return [...given];
  if (Array.isArray(given)) {
    // Not through `new Headers()`: its error would quote a bad value, and values may be secrets.
    return given.map((pair: unknown) => {
      if (!Array.isArray(pair) || pair.length !== 2 || typeof pair[0] !== "string") {
        throw new TypeError(`${label}: headers must be [name, value] pairs, got ${describe(pair)}`);
      }
      return [pair[0], pair[1]];
    });
  }
  checkOptionsObject(given, `${label}: headers`);
  return Object.entries(given as Record<string, unknown>).map(([name, value]) => [
    name,
    Array.isArray(value)
      ? value.map(String).join(", ")
      : typeof value === "number" || typeof value === "boolean"
        ? String(value)
        : value,
  ]);
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
