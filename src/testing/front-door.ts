import type { IncomingHttpHeaders } from "node:http";
import type { TokenBucket } from "./rate-limit.js";
import { badEncoding, parseRoute, unknownRoute, wrongMethod } from "./routes.js";
import type { Answer, Route } from "./routes.js";
import type { Operation } from "./faults.js";
import { errorBody } from "./wire.js";

/**
 * The checks that need nothing but the request head, made before a byte of the body is read: the
 * key, the api-version, the rate limit, the route and the method. A request refused here never
 * has its body read, so a client streaming 300 MB with a wrong key costs the server nothing.
 */

/** What the front door checks against. */
export interface FrontDoorRules {
  /** The exact `Authorization` value required, or `undefined` (no check). */
  expectedAuth: string | undefined;
  /** The `api-version` query value required, or `undefined` (no check). */
  apiVersion: string | undefined;
  bucket: TokenBucket | undefined;
}

/** A request let in: its route (method matched) and query. */
export interface Admitted {
  route: Extract<Route, { operation: Operation }>;
  query: URLSearchParams | undefined;
}

/** A request refused, with the answer; `rateLimited` when the bucket refused it. */
export interface Refused {
  refused: Answer;
  rateLimited: boolean;
}

export function admit(
  rules: FrontDoorRules,
  method: string,
  url: string,
  headers: IncomingHttpHeaders,
): Admitted | Refused {
  const q = url.indexOf("?");
  const path = q === -1 ? url : url.slice(0, q);
  const query = q === -1 ? undefined : new URLSearchParams(url.slice(q + 1));

  if (rules.expectedAuth !== undefined) {
    const auth = headers.authorization;
    if (auth !== rules.expectedAuth) return refuse(unauthorized(auth));
  }
  if (rules.apiVersion !== undefined) {
    const given = query?.get("api-version");
    if (given !== rules.apiVersion) return refuse(badApiVersion(given, rules.apiVersion));
  }
  if (rules.bucket !== undefined) {
    const limited = rules.bucket.take();
    if (limited !== undefined)
      return { refused: rateLimited(limited.retryAfterMs), rateLimited: true };
  }
  const route = parseRoute(path);
  if (route.operation === undefined) {
    return refuse(route.problem === "encoding" ? badEncoding(path) : unknownRoute(method, path));
  }
  if (method !== route.method) return refuse(wrongMethod(method, path, route.method));
  return { route, query };
}

const refuse = (answer: Answer): Refused => ({ refused: answer, rateLimited: false });

function unauthorized(given: string | undefined): Answer {
  // The key is never echoed back, not even masked: answers end up in logs.
  const message =
    given === undefined
      ? "You didn't provide an API key. Send it in an Authorization header using Bearer auth (Authorization: Bearer YOUR_KEY)."
      : "Incorrect API key provided.";
  return {
    status: 401,
    body: errorBody(message, "invalid_request_error", null, "invalid_api_key"),
  };
}

function badApiVersion(given: string | null | undefined, expected: string): Answer {
  const message =
    given == null
      ? `Missing required query parameter 'api-version' (expected '${expected}').`
      : `Unsupported 'api-version' '${given}' (expected '${expected}').`;
  return { status: 400, body: errorBody(message, "invalid_request_error", "api-version") };
}

function rateLimited(retryAfterMs: number): Answer {
  return {
    status: 429,
    headers: {
      "retry-after": String(Math.max(1, Math.ceil(retryAfterMs / 1000))),
      "retry-after-ms": String(retryAfterMs),
    },
    body: errorBody(
      `Rate limit reached for requests. Please try again in ${retryAfterMs}ms.`,
      "requests",
      null,
      "rate_limit_exceeded",
    ),
  };
}
