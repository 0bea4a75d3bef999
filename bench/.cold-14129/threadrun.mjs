// generated/operations.ts
var listRuns = {
  operationId: "listRuns",
  method: "GET",
  pathTemplate: "/threads/{thread_id}/runs",
  pathParams: ["thread_id"],
  query: { "limit": { "required": false, "type": "integer", "minimum": 1, "maximum": 100, "default": 20 }, "order": { "required": false, "type": "string", "enum": ["asc", "desc"], "default": "desc" }, "after": { "required": false, "type": "string", "minLength": 1 }, "before": { "required": false, "type": "string", "minLength": 1 }, "api-version": { "required": false, "type": "string", "minLength": 1 } },
  /** Builds the path from parameters that the caller has already checked and percent-encoded. */
  path: (threadId) => "/threads/" + threadId + "/runs"
};
var getRun = {
  operationId: "getRun",
  method: "GET",
  pathTemplate: "/threads/{thread_id}/runs/{run_id}",
  pathParams: ["thread_id", "run_id"],
  query: { "api-version": { "required": false, "type": "string", "minLength": 1 } },
  /** Builds the path from parameters that the caller has already checked and percent-encoded. */
  path: (threadId, runId) => "/threads/" + threadId + "/runs/" + runId
};
var cancelRun = {
  operationId: "cancelRun",
  method: "POST",
  pathTemplate: "/threads/{thread_id}/runs/{run_id}/cancel",
  pathParams: ["thread_id", "run_id"],
  query: { "api-version": { "required": false, "type": "string", "minLength": 1 } },
  /** Builds the path from parameters that the caller has already checked and percent-encoded. */
  path: (threadId, runId) => "/threads/" + threadId + "/runs/" + runId + "/cancel"
};
var defaultBaseUrl = "https://api.openai.com/v1";

// src/options.ts
var env = (name) => typeof process === "object" && process?.env ? process.env[name] : void 0;
function resolveOptions(options = {}) {
  if (typeof options !== "object" || options === null) {
    throw new TypeError("createClient: options must be an object");
  }
  const authorizationFromHeaders = typeof options.headers === "object" && options.headers !== null && Object.keys(options.headers).some((name) => name.toLowerCase() === "authorization");
  let apiKey = options.apiKey === void 0 ? env("OPENAI_API_KEY") : options.apiKey;
  if (apiKey === void 0 && authorizationFromHeaders) apiKey = null;
  if (apiKey === void 0 || apiKey === "") {
    throw new TypeError(
      "createClient: apiKey is missing: pass { apiKey } or set OPENAI_API_KEY (apiKey: null sends no credential)"
    );
  }
  if (apiKey !== null && typeof apiKey !== "string" && typeof apiKey !== "function") {
    throw new TypeError("createClient: apiKey must be a string, a function returning one, or null");
  }
  if (typeof apiKey === "string") apiKey = checkCredential(apiKey, "createClient: apiKey");
  const rawBase = options.baseUrl ?? env("OPENAI_BASE_URL") ?? defaultBaseUrl;
  let url;
  try {
    url = new URL(rawBase);
  } catch {
    throw new TypeError(`createClient: baseUrl is not an absolute URL: ${JSON.stringify(rawBase)}`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new TypeError(`createClient: baseUrl must be http or https, got ${url.protocol}`);
  }
  const query = new URLSearchParams(url.search);
  if (options.apiVersion !== void 0) {
    if (typeof options.apiVersion !== "string" || options.apiVersion === "") {
      throw new TypeError("createClient: apiVersion must be a non-empty string");
    }
    query.set("api-version", options.apiVersion);
  }
  const headers = {
    accept: "application/json",
    "openai-beta": "assistants=v2"
  };
  mergeHeaders(headers, options.headers, "createClient: headers");
  if (options.fetch !== void 0 && typeof options.fetch !== "function") {
    throw new TypeError("createClient: fetch must be a function");
  }
  return {
    baseUrl: `${url.origin}${url.pathname.replace(/\/+$/, "")}`,
    baseQuery: query.toString(),
    apiKey,
    authorizationFromHeaders,
    headers,
    fetch: options.fetch,
    timeoutMs: positive(options.timeoutMs, 6e4, "timeoutMs"),
    retry: {
      maxRetries: count(options.maxRetries, 2, "maxRetries"),
      baseDelayMs: positive(options.retryBaseDelayMs, 500, "retryBaseDelayMs", true),
      maxDelayMs: positive(options.retryMaxDelayMs, 8e3, "retryMaxDelayMs", true),
      maxRetryAfterMs: positive(options.maxRetryAfterMs, 6e4, "maxRetryAfterMs", true)
    }
  };
}
function checkCredential(value, label) {
  const token = value.replace(SURROUNDING_WHITESPACE, "");
  if (token === "") throw new TypeError(`${label}: the key is empty (expected a non-empty string)`);
  const bad = token.search(/[^\x20-\x7e\t]/);
  if (bad !== -1) {
    throw new TypeError(
      `${label}: the key has a character that cannot be sent in an HTTP header at index ${bad} (a line break, control character or non-ASCII character); the key is not shown`
    );
  }
  return token;
}
function mergeHeaders(into, extra, label) {
  if (extra === void 0) return;
  if (typeof extra !== "object" || extra === null) throw new TypeError(`${label} must be an object`);
  for (const [name, value] of Object.entries(extra)) {
    if (!HEADER_NAME.test(name)) throw new TypeError(`${label}: ${JSON.stringify(name)} is not a valid header name`);
    if (value === null) delete into[name.toLowerCase()];
    else if (typeof value !== "string") throw new TypeError(`${label}: header "${name}" must be a string or null`);
    else if (!HEADER_VALUE.test(value.replace(SURROUNDING_WHITESPACE, ""))) {
      throw new TypeError(
        `${label}: header "${name}" has a character that cannot be sent (a line break, control character or one beyond Latin-1); the value is not shown`
      );
    } else into[name.toLowerCase()] = value;
  }
}
var HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
var HEADER_VALUE = /^[\t\x20-\x7e\x80-\xff]*$/;
var SURROUNDING_WHITESPACE = /^[\t\n\r ]+|[\t\n\r ]+$/g;
function count(value, fallback, name) {
  if (value === void 0) return fallback;
  if (!Number.isInteger(value) || value < 0) {
    throw new RangeError(`${name} must be a whole number >= 0, got ${String(value)}`);
  }
  return value;
}
function positive(value, fallback, name, zeroOk = false) {
  if (value === void 0) return fallback;
  if (typeof value !== "number" || !Number.isFinite(value) || value < 0 || !zeroOk && value === 0) {
    throw new RangeError(`${name} must be a finite number ${zeroOk ? ">= 0" : "> 0"}, got ${String(value)}`);
  }
  return value;
}

// src/raw.ts
import createFetchClient from "openapi-fetch";

// src/ids.ts
function encodePathId(value, name) {
  if (typeof value !== "string") {
    throw new TypeError(`${name} must be a string, got ${value === null ? "null" : typeof value}`);
  }
  if (value === "" || value === "." || value === "..") {
    throw new TypeError(
      `${name} must be a non-empty id other than "." or "..", got ${JSON.stringify(value)}`
    );
  }
  try {
    return encodeURIComponent(value);
  } catch {
    throw new TypeError(`${name} is not valid Unicode text (it contains a lone surrogate)`);
  }
}

// src/raw.ts
function createRawClient(resolved, transport) {
  return createFetchClient({
    baseUrl: resolved.baseUrl,
    fetch: transport.fetchRaw,
    // openapi-fetch's own serializer encodes "." and ".." as-is, so `{ thread_id: ".." }` would
    // turn a cancel into another request. The spec's path parameters are all plain ids: guard them
    // as the ergonomic layer does (a TypeError naming the parameter, before any request).
    pathSerializer: (url, params) => url.replace(/\{([^{}]+)\}/g, (_match, name) => encodePathId(params[name], name))
  });
}

// src/sleep.ts
function sleep(ms, signal) {
  if (signal?.aborted) return Promise.reject(signal.reason);
  if (ms <= 0 && !signal) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, Math.min(ms, 2 ** 31 - 1));
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}

// src/pacer.ts
var MIN_SAMPLES = 100;
var ENOUGH_WINDOW_MS = 250;
var MIN_WINDOW_MS = 20;
var MAX_WINDOW_MS = 2e3;
var SAME_EVENT_MS = 50;
var MARGIN = 0.97;
var PROBE_FACTOR = 1.1;
var PROBE_EVERY_MS = 500;
var QUIET_MS = 1e3;
var Pacer = class {
  constructor(now = () => performance.now()) {
    this.now = now;
  }
  now;
  /** Requests per second, or Infinity until the first 429. */
  rate = Number.POSITIVE_INFINITY;
  /** 429 answers seen. */
  rateLimited = 0;
  nextStart = 0;
  pausedUntil = 0;
  /** Attempts started minus 429s: the requests the server let through. */
  admitted = 0;
  windowStart = -1;
  windowAdmitted = 0;
  lastSlowDown = Number.NEGATIVE_INFINITY;
  lastLimited = Number.NEGATIVE_INFINITY;
  lastProbe = Number.NEGATIVE_INFINITY;
  probeAdmitted = 0;
  /** The server's rate as last measured (before the margin), or Infinity. */
  measured = Number.POSITIVE_INFINITY;
  firstTake = -1;
  /** Waits for this request's slot. */
  take(signal) {
    const now = this.now();
    if (this.firstTake < 0) this.firstTake = now;
    const start = Math.max(now, this.pausedUntil, this.nextStart);
    if (Number.isFinite(this.rate)) {
      this.probe(now);
      this.nextStart = start + 1e3 / this.rate;
    } else {
      this.nextStart = start;
    }
    if (start <= now) {
      this.admitted++;
      return void 0;
    }
    return sleep(start - now, signal).then(() => void this.admitted++);
  }
  probe(now) {
    if (now - this.lastLimited < QUIET_MS || now - this.lastProbe < PROBE_EVERY_MS) return;
    const sent = (this.admitted - this.probeAdmitted) * 1e3 / (now - this.lastProbe);
    if (sent >= 0.9 * this.rate) this.rate *= PROBE_FACTOR;
    this.lastProbe = now;
    this.probeAdmitted = this.admitted;
  }
  /** A 429 came back; the server asked to wait `waitMs`. */
  limited(waitMs) {
    const now = this.now();
    this.rateLimited++;
    this.admitted--;
    this.lastLimited = now;
    this.pausedUntil = Math.max(this.pausedUntil, now + waitMs);
    if (now - this.lastSlowDown < SAME_EVENT_MS) return;
    const elapsed = now - this.windowStart;
    const samples = this.admitted - this.windowAdmitted;
    if (this.windowStart < 0) {
      const pace = this.admitted * 1e3 / Math.max(1, now - this.firstTake);
      this.rate = Math.max(1, 1e3 / Math.max(1, waitMs), pace / 4);
    } else {
      if (elapsed < MIN_WINDOW_MS) return;
      if (elapsed <= MAX_WINDOW_MS) {
        if (samples < MIN_SAMPLES && elapsed < ENOUGH_WINDOW_MS) return;
        if (samples > 0) {
          this.measured = samples * 1e3 / elapsed;
          this.rate = Math.max(1, this.measured * MARGIN);
        } else {
          this.rate = Math.max(1, this.rate / 2);
        }
      } else {
        this.rate = Math.max(1, Math.min(this.rate / PROBE_FACTOR, this.measured * MARGIN));
      }
    }
    this.windowStart = now;
    this.windowAdmitted = this.admitted;
    this.lastSlowDown = now;
    this.lastProbe = now;
    this.probeAdmitted = this.admitted;
  }
};

// src/errors/threadrun-error.ts
var ThreadRunError = class extends Error {
  name = "ThreadRunError";
};

// src/errors/api-error.ts
var ApiError = class extends ThreadRunError {
  name = "ApiError";
  /** The HTTP status. */
  status;
  /** The server's `error.code`, for example `"rate_limit_exceeded"`, or `null`. */
  code;
  /** The server's `error.type`, for example `"invalid_request_error"`, or `null`. */
  type;
  /** The server's `error.param`: which parameter it refused, or `null`. */
  param;
  /** The server's message alone (the `message` property adds status, method and path). */
  serverMessage;
  /** The `x-request-id` header: quote it when asking the provider for help. */
  requestId;
  /** The answer's headers. */
  headers;
  method;
  path;
  /** How many attempts were made, retries included, before this answer was final. */
  attempts = 1;
  constructor(init) {
    const serverMessage = typeof init.body?.message === "string" && init.body.message !== "" ? init.body.message : init.rawBody ? `(no error message; body: ${init.rawBody})` : "(no error message)";
    const requestId = init.headers.get("x-request-id");
    super(
      `${init.status} ${serverMessage} (${init.method} ${init.path}${requestId ? `, request id ${requestId}` : ""})`
    );
    this.status = init.status;
    this.code = typeof init.body?.code === "string" ? init.body.code : null;
    this.type = typeof init.body?.type === "string" ? init.body.type : null;
    this.param = typeof init.body?.param === "string" ? init.body.param : null;
    this.serverMessage = serverMessage;
    this.requestId = requestId;
    this.headers = init.headers;
    this.method = init.method;
    this.path = init.path;
  }
  /** A plain view for logs: no headers beyond the request id, never a credential. */
  toJSON() {
    return {
      name: this.name,
      message: this.message,
      status: this.status,
      code: this.code,
      type: this.type,
      param: this.param,
      requestId: this.requestId,
      method: this.method,
      path: this.path,
      attempts: this.attempts
    };
  }
};

// src/errors/invalid-response-error.ts
var InvalidResponseError = class extends ThreadRunError {
  name = "InvalidResponseError";
  /** The path of the field that did not match, or `null` when the body was not JSON at all. */
  field;
  /** The request the answer came from; absent when converting a value by hand (`runFromWire`). */
  response;
  constructor(detail, init) {
    const r = init.response;
    super(
      r ? `Invalid response to ${r.method} ${r.path} (${r.status}${r.requestId ? `, request id ${r.requestId}` : ""}): ${detail}` : `Invalid run object: ${detail}`,
      init.cause === void 0 ? void 0 : { cause: init.cause }
    );
    this.field = init.field;
    this.response = r;
  }
};

// generated/model.ts
var WireShapeError = class extends Error {
  name = "WireShapeError";
  path;
  expected;
  received;
  constructor(path, expected, received) {
    super(`${path || "(root)"}: expected ${expected}, got ${describe(received)}`);
    this.path = path;
    this.expected = expected;
    this.received = received;
  }
};
function describe(value) {
  if (value === void 0) return "nothing (field missing)";
  if (typeof value === "string") return JSON.stringify(value.length > 40 ? value.slice(0, 40) + "\u2026" : value);
  if (Array.isArray(value)) return "an array";
  if (value === null) return "null";
  if (typeof value === "object") return "an object";
  return String(value);
}
function at(path, key) {
  return path === "" ? key : path + "." + key;
}
function fail(path, key, expected, value) {
  throw new WireShapeError(key === "" ? path : at(path, key), expected, value);
}
function isObject(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
function str(value, path, key) {
  return typeof value === "string" ? value : fail(path, key, "a string", value);
}
function strOrNull(value, path, key) {
  return value == null ? null : typeof value === "string" ? value : fail(path, key, "a string or null", value);
}
function num(value, path, key) {
  return typeof value === "number" ? value : fail(path, key, "a number", value);
}
function numOrNull(value, path, key) {
  return value == null ? null : typeof value === "number" ? value : fail(path, key, "a number or null", value);
}
function bool(value, path, key) {
  return typeof value === "boolean" ? value : fail(path, key, "a boolean", value);
}
function obj(value, path, key) {
  return isObject(value) ? value : fail(path, key, "an object", value);
}
function objOrNull(value, path, key) {
  return value == null ? null : isObject(value) ? value : fail(path, key, "an object or null", value);
}
function date(value, path, key) {
  return typeof value === "number" && Number.isFinite(value) ? new Date(value * 1e3) : fail(path, key, "integer seconds", value);
}
function dateOrNull(value, path, key) {
  return value == null ? null : date(value, path, key);
}
function unix(value, field) {
  const ms = value instanceof Date ? value.getTime() : Number.NaN;
  if (Number.isNaN(ms)) throw new TypeError(`${field}: expected a valid Date, got ${describe(value)}`);
  return Math.floor(ms / 1e3);
}
function list(value, path, key, item) {
  if (!Array.isArray(value)) return fail(path, key, "an array", value);
  const itemPath = at(path, key);
  const out = new Array(value.length);
  for (let i = 0; i < value.length; i++) out[i] = item(value[i], itemPath + "[" + i + "]");
  return out;
}
function listToWire(value, item) {
  const out = new Array(value.length);
  for (let i = 0; i < value.length; i++) out[i] = item(value[i]);
  return out;
}
function keepUnknown(from, to, known) {
  for (const key of Object.keys(from)) {
    if (!known.has(key) && !(key in to)) to[key] = from[key];
  }
}
var runStatusValues = ["queued", "in_progress", "requires_action", "cancelling", "cancelled", "failed", "completed", "incomplete", "expired"];
var runStatusTerminalValues = ["cancelled", "failed", "completed", "incomplete", "expired"];
var wireKeys_ThreadRun = /* @__PURE__ */ new Set(["id", "object", "created_at", "thread_id", "assistant_id", "status", "required_action", "last_error", "expires_at", "started_at", "cancelled_at", "failed_at", "completed_at", "incomplete_details", "model", "instructions", "tools", "tool_resources", "metadata", "usage", "temperature", "top_p", "max_prompt_tokens", "max_completion_tokens", "truncation_strategy", "tool_choice", "parallel_tool_calls", "response_format"]);
var modelKeys_ThreadRun = /* @__PURE__ */ new Set(["id", "object", "createdAt", "threadId", "assistantId", "status", "requiredAction", "lastError", "expiresAt", "startedAt", "cancelledAt", "failedAt", "completedAt", "incompleteDetails", "model", "instructions", "tools", "toolResources", "metadata", "usage", "temperature", "topP", "maxPromptTokens", "maxCompletionTokens", "truncationStrategy", "toolChoice", "parallelToolCalls", "responseFormat"]);
function from_ThreadRun(value, p) {
  const w = obj(value, p, "");
  const m = {
    id: str(w["id"], p, "id"),
    object: str(w["object"], p, "object"),
    createdAt: date(w["created_at"], p, "created_at"),
    threadId: str(w["thread_id"], p, "thread_id"),
    assistantId: str(w["assistant_id"], p, "assistant_id"),
    status: str(w["status"], p, "status"),
    requiredAction: w["required_action"] == null ? null : from_RequiredAction(w["required_action"], at(p, "required_action")),
    lastError: objOrNull(w["last_error"], p, "last_error"),
    expiresAt: dateOrNull(w["expires_at"], p, "expires_at"),
    startedAt: dateOrNull(w["started_at"], p, "started_at"),
    cancelledAt: dateOrNull(w["cancelled_at"], p, "cancelled_at"),
    failedAt: dateOrNull(w["failed_at"], p, "failed_at"),
    completedAt: dateOrNull(w["completed_at"], p, "completed_at"),
    incompleteDetails: objOrNull(w["incomplete_details"], p, "incomplete_details"),
    model: str(w["model"], p, "model"),
    instructions: strOrNull(w["instructions"], p, "instructions"),
    tools: list(w["tools"], p, "tools", (x, xp) => from_Tool(x, xp)),
    toolResources: w["tool_resources"] == null ? null : from_ToolResources(w["tool_resources"], at(p, "tool_resources")),
    metadata: objOrNull(w["metadata"], p, "metadata"),
    usage: w["usage"] == null ? null : from_RunUsage(w["usage"], at(p, "usage")),
    temperature: numOrNull(w["temperature"], p, "temperature"),
    topP: numOrNull(w["top_p"], p, "top_p"),
    maxPromptTokens: numOrNull(w["max_prompt_tokens"], p, "max_prompt_tokens"),
    maxCompletionTokens: numOrNull(w["max_completion_tokens"], p, "max_completion_tokens"),
    truncationStrategy: w["truncation_strategy"] == null ? null : from_TruncationStrategy(w["truncation_strategy"], at(p, "truncation_strategy")),
    toolChoice: w["tool_choice"] ?? null,
    parallelToolCalls: bool(w["parallel_tool_calls"], p, "parallel_tool_calls"),
    responseFormat: w["response_format"] == null ? null : from_ResponseFormat(w["response_format"], at(p, "response_format"))
  };
  if (Object.keys(w).length !== 9 + (w["required_action"] !== void 0 ? 1 : 0) + (w["last_error"] !== void 0 ? 1 : 0) + (w["expires_at"] !== void 0 ? 1 : 0) + (w["started_at"] !== void 0 ? 1 : 0) + (w["cancelled_at"] !== void 0 ? 1 : 0) + (w["failed_at"] !== void 0 ? 1 : 0) + (w["completed_at"] !== void 0 ? 1 : 0) + (w["incomplete_details"] !== void 0 ? 1 : 0) + (w["instructions"] !== void 0 ? 1 : 0) + (w["tool_resources"] !== void 0 ? 1 : 0) + (w["metadata"] !== void 0 ? 1 : 0) + (w["usage"] !== void 0 ? 1 : 0) + (w["temperature"] !== void 0 ? 1 : 0) + (w["top_p"] !== void 0 ? 1 : 0) + (w["max_prompt_tokens"] !== void 0 ? 1 : 0) + (w["max_completion_tokens"] !== void 0 ? 1 : 0) + (w["truncation_strategy"] !== void 0 ? 1 : 0) + (w["tool_choice"] !== void 0 ? 1 : 0) + (w["response_format"] !== void 0 ? 1 : 0)) {
    keepUnknown(w, m, wireKeys_ThreadRun);
  }
  return m;
}
function to_ThreadRun(m) {
  const w = {
    "id": m.id,
    "object": m.object,
    "created_at": unix(m.createdAt, "createdAt"),
    "thread_id": m.threadId,
    "assistant_id": m.assistantId,
    "status": m.status,
    "required_action": m.requiredAction == null ? null : to_RequiredAction(m.requiredAction),
    "last_error": m.lastError ?? null,
    "expires_at": m.expiresAt == null ? null : unix(m.expiresAt, "expiresAt"),
    "started_at": m.startedAt == null ? null : unix(m.startedAt, "startedAt"),
    "cancelled_at": m.cancelledAt == null ? null : unix(m.cancelledAt, "cancelledAt"),
    "failed_at": m.failedAt == null ? null : unix(m.failedAt, "failedAt"),
    "completed_at": m.completedAt == null ? null : unix(m.completedAt, "completedAt"),
    "incomplete_details": m.incompleteDetails ?? null,
    "model": m.model,
    "instructions": m.instructions ?? null,
    "tools": listToWire(m.tools, (x) => to_Tool(x)),
    "tool_resources": m.toolResources == null ? null : to_ToolResources(m.toolResources),
    "metadata": m.metadata,
    "usage": m.usage == null ? null : to_RunUsage(m.usage),
    "temperature": m.temperature ?? null,
    "top_p": m.topP ?? null,
    "max_prompt_tokens": m.maxPromptTokens ?? null,
    "max_completion_tokens": m.maxCompletionTokens ?? null,
    "truncation_strategy": m.truncationStrategy == null ? null : to_TruncationStrategy(m.truncationStrategy),
    "tool_choice": m.toolChoice ?? null,
    "parallel_tool_calls": m.parallelToolCalls,
    "response_format": m.responseFormat == null ? null : to_ResponseFormat(m.responseFormat)
  };
  if (Object.keys(m).length !== (m.id !== void 0 ? 1 : 0) + (m.object !== void 0 ? 1 : 0) + (m.createdAt !== void 0 ? 1 : 0) + (m.threadId !== void 0 ? 1 : 0) + (m.assistantId !== void 0 ? 1 : 0) + (m.status !== void 0 ? 1 : 0) + (m.requiredAction !== void 0 ? 1 : 0) + (m.lastError !== void 0 ? 1 : 0) + (m.expiresAt !== void 0 ? 1 : 0) + (m.startedAt !== void 0 ? 1 : 0) + (m.cancelledAt !== void 0 ? 1 : 0) + (m.failedAt !== void 0 ? 1 : 0) + (m.completedAt !== void 0 ? 1 : 0) + (m.incompleteDetails !== void 0 ? 1 : 0) + (m.model !== void 0 ? 1 : 0) + (m.instructions !== void 0 ? 1 : 0) + (m.tools !== void 0 ? 1 : 0) + (m.toolResources !== void 0 ? 1 : 0) + (m.metadata !== void 0 ? 1 : 0) + (m.usage !== void 0 ? 1 : 0) + (m.temperature !== void 0 ? 1 : 0) + (m.topP !== void 0 ? 1 : 0) + (m.maxPromptTokens !== void 0 ? 1 : 0) + (m.maxCompletionTokens !== void 0 ? 1 : 0) + (m.truncationStrategy !== void 0 ? 1 : 0) + (m.toolChoice !== void 0 ? 1 : 0) + (m.parallelToolCalls !== void 0 ? 1 : 0) + (m.responseFormat !== void 0 ? 1 : 0)) {
    keepUnknown(m, w, modelKeys_ThreadRun);
  }
  return w;
}
var wireKeys_RequiredAction = /* @__PURE__ */ new Set(["type", "submit_tool_outputs"]);
var modelKeys_RequiredAction = /* @__PURE__ */ new Set(["type", "submitToolOutputs"]);
function from_RequiredAction(value, p) {
  const w = obj(value, p, "");
  const m = {
    type: str(w["type"], p, "type")
  };
  if (w["submit_tool_outputs"] !== void 0) m.submitToolOutputs = from_SubmitToolOutputsAction(w["submit_tool_outputs"], at(p, "submit_tool_outputs"));
  if (Object.keys(w).length !== 1 + (w["submit_tool_outputs"] !== void 0 ? 1 : 0)) {
    keepUnknown(w, m, wireKeys_RequiredAction);
  }
  return m;
}
function to_RequiredAction(m) {
  const w = {
    "type": m.type
  };
  if (m.submitToolOutputs !== void 0) w["submit_tool_outputs"] = to_SubmitToolOutputsAction(m.submitToolOutputs);
  if (Object.keys(m).length !== (m.type !== void 0 ? 1 : 0) + (m.submitToolOutputs !== void 0 ? 1 : 0)) {
    keepUnknown(m, w, modelKeys_RequiredAction);
  }
  return w;
}
var wireKeys_SubmitToolOutputsAction = /* @__PURE__ */ new Set(["tool_calls"]);
var modelKeys_SubmitToolOutputsAction = /* @__PURE__ */ new Set(["toolCalls"]);
function from_SubmitToolOutputsAction(value, p) {
  const w = obj(value, p, "");
  const m = {
    toolCalls: w["tool_calls"]
  };
  if (Object.keys(w).length !== (w["tool_calls"] !== void 0 ? 1 : 0)) {
    keepUnknown(w, m, wireKeys_SubmitToolOutputsAction);
  }
  return m;
}
function to_SubmitToolOutputsAction(m) {
  const w = {
    "tool_calls": m.toolCalls
  };
  if (Object.keys(m).length !== (m.toolCalls !== void 0 ? 1 : 0)) {
    keepUnknown(m, w, modelKeys_SubmitToolOutputsAction);
  }
  return w;
}
var wireKeys_FileSearchTool = /* @__PURE__ */ new Set(["type", "file_search"]);
var modelKeys_FileSearchTool = /* @__PURE__ */ new Set(["type", "fileSearch"]);
function from_FileSearchTool(value, p) {
  const w = obj(value, p, "");
  const m = {
    type: str(w["type"], p, "type")
  };
  if (w["file_search"] !== void 0) m.fileSearch = from_FileSearchToolOptions(w["file_search"], at(p, "file_search"));
  if (Object.keys(w).length !== 1 + (w["file_search"] !== void 0 ? 1 : 0)) {
    keepUnknown(w, m, wireKeys_FileSearchTool);
  }
  return m;
}
function to_FileSearchTool(m) {
  const w = {
    "type": m.type
  };
  if (m.fileSearch !== void 0) w["file_search"] = to_FileSearchToolOptions(m.fileSearch);
  if (Object.keys(m).length !== (m.type !== void 0 ? 1 : 0) + (m.fileSearch !== void 0 ? 1 : 0)) {
    keepUnknown(m, w, modelKeys_FileSearchTool);
  }
  return w;
}
var wireKeys_FileSearchToolOptions = /* @__PURE__ */ new Set(["max_num_results", "ranking_options"]);
var modelKeys_FileSearchToolOptions = /* @__PURE__ */ new Set(["maxNumResults", "rankingOptions"]);
function from_FileSearchToolOptions(value, p) {
  const w = obj(value, p, "");
  const m = {};
  if (w["max_num_results"] !== void 0) m.maxNumResults = num(w["max_num_results"], p, "max_num_results");
  if (w["ranking_options"] !== void 0) m.rankingOptions = from_FileSearchRankingOptions(w["ranking_options"], at(p, "ranking_options"));
  if (Object.keys(w).length !== (w["max_num_results"] !== void 0 ? 1 : 0) + (w["ranking_options"] !== void 0 ? 1 : 0)) {
    keepUnknown(w, m, wireKeys_FileSearchToolOptions);
  }
  return m;
}
function to_FileSearchToolOptions(m) {
  const w = {};
  if (m.maxNumResults !== void 0) w["max_num_results"] = m.maxNumResults;
  if (m.rankingOptions !== void 0) w["ranking_options"] = to_FileSearchRankingOptions(m.rankingOptions);
  if (Object.keys(m).length !== (m.maxNumResults !== void 0 ? 1 : 0) + (m.rankingOptions !== void 0 ? 1 : 0)) {
    keepUnknown(m, w, modelKeys_FileSearchToolOptions);
  }
  return w;
}
var wireKeys_FileSearchRankingOptions = /* @__PURE__ */ new Set(["ranker", "score_threshold"]);
var modelKeys_FileSearchRankingOptions = /* @__PURE__ */ new Set(["ranker", "scoreThreshold"]);
function from_FileSearchRankingOptions(value, p) {
  const w = obj(value, p, "");
  const m = {};
  if (w["ranker"] !== void 0) m.ranker = str(w["ranker"], p, "ranker");
  if (w["score_threshold"] !== void 0) m.scoreThreshold = num(w["score_threshold"], p, "score_threshold");
  if (Object.keys(w).length !== (w["ranker"] !== void 0 ? 1 : 0) + (w["score_threshold"] !== void 0 ? 1 : 0)) {
    keepUnknown(w, m, wireKeys_FileSearchRankingOptions);
  }
  return m;
}
function to_FileSearchRankingOptions(m) {
  const w = {};
  if (m.ranker !== void 0) w["ranker"] = m.ranker;
  if (m.scoreThreshold !== void 0) w["score_threshold"] = m.scoreThreshold;
  if (Object.keys(m).length !== (m.ranker !== void 0 ? 1 : 0) + (m.scoreThreshold !== void 0 ? 1 : 0)) {
    keepUnknown(m, w, modelKeys_FileSearchRankingOptions);
  }
  return w;
}
var wireKeys_ToolResources = /* @__PURE__ */ new Set(["code_interpreter", "file_search"]);
var modelKeys_ToolResources = /* @__PURE__ */ new Set(["codeInterpreter", "fileSearch"]);
function from_ToolResources(value, p) {
  const w = obj(value, p, "");
  const m = {};
  if (w["code_interpreter"] !== void 0) m.codeInterpreter = from_CodeInterpreterToolResources(w["code_interpreter"], at(p, "code_interpreter"));
  if (w["file_search"] !== void 0) m.fileSearch = from_FileSearchToolResources(w["file_search"], at(p, "file_search"));
  if (Object.keys(w).length !== (w["code_interpreter"] !== void 0 ? 1 : 0) + (w["file_search"] !== void 0 ? 1 : 0)) {
    keepUnknown(w, m, wireKeys_ToolResources);
  }
  return m;
}
function to_ToolResources(m) {
  const w = {};
  if (m.codeInterpreter !== void 0) w["code_interpreter"] = to_CodeInterpreterToolResources(m.codeInterpreter);
  if (m.fileSearch !== void 0) w["file_search"] = to_FileSearchToolResources(m.fileSearch);
  if (Object.keys(m).length !== (m.codeInterpreter !== void 0 ? 1 : 0) + (m.fileSearch !== void 0 ? 1 : 0)) {
    keepUnknown(m, w, modelKeys_ToolResources);
  }
  return w;
}
var wireKeys_CodeInterpreterToolResources = /* @__PURE__ */ new Set(["file_ids"]);
var modelKeys_CodeInterpreterToolResources = /* @__PURE__ */ new Set(["fileIds"]);
function from_CodeInterpreterToolResources(value, p) {
  const w = obj(value, p, "");
  const m = {};
  if (w["file_ids"] !== void 0) m.fileIds = w["file_ids"];
  if (Object.keys(w).length !== (w["file_ids"] !== void 0 ? 1 : 0)) {
    keepUnknown(w, m, wireKeys_CodeInterpreterToolResources);
  }
  return m;
}
function to_CodeInterpreterToolResources(m) {
  const w = {};
  if (m.fileIds !== void 0) w["file_ids"] = m.fileIds;
  if (Object.keys(m).length !== (m.fileIds !== void 0 ? 1 : 0)) {
    keepUnknown(m, w, modelKeys_CodeInterpreterToolResources);
  }
  return w;
}
var wireKeys_FileSearchToolResources = /* @__PURE__ */ new Set(["vector_store_ids"]);
var modelKeys_FileSearchToolResources = /* @__PURE__ */ new Set(["vectorStoreIds"]);
function from_FileSearchToolResources(value, p) {
  const w = obj(value, p, "");
  const m = {};
  if (w["vector_store_ids"] !== void 0) m.vectorStoreIds = w["vector_store_ids"];
  if (Object.keys(w).length !== (w["vector_store_ids"] !== void 0 ? 1 : 0)) {
    keepUnknown(w, m, wireKeys_FileSearchToolResources);
  }
  return m;
}
function to_FileSearchToolResources(m) {
  const w = {};
  if (m.vectorStoreIds !== void 0) w["vector_store_ids"] = m.vectorStoreIds;
  if (Object.keys(m).length !== (m.vectorStoreIds !== void 0 ? 1 : 0)) {
    keepUnknown(m, w, modelKeys_FileSearchToolResources);
  }
  return w;
}
var wireKeys_RunUsage = /* @__PURE__ */ new Set(["prompt_tokens", "completion_tokens", "total_tokens"]);
var modelKeys_RunUsage = /* @__PURE__ */ new Set(["promptTokens", "completionTokens", "totalTokens"]);
function from_RunUsage(value, p) {
  const w = obj(value, p, "");
  const m = {
    promptTokens: num(w["prompt_tokens"], p, "prompt_tokens"),
    completionTokens: num(w["completion_tokens"], p, "completion_tokens"),
    totalTokens: num(w["total_tokens"], p, "total_tokens")
  };
  if (Object.keys(w).length !== 3) {
    keepUnknown(w, m, wireKeys_RunUsage);
  }
  return m;
}
function to_RunUsage(m) {
  const w = {
    "prompt_tokens": m.promptTokens,
    "completion_tokens": m.completionTokens,
    "total_tokens": m.totalTokens
  };
  if (Object.keys(m).length !== (m.promptTokens !== void 0 ? 1 : 0) + (m.completionTokens !== void 0 ? 1 : 0) + (m.totalTokens !== void 0 ? 1 : 0)) {
    keepUnknown(m, w, modelKeys_RunUsage);
  }
  return w;
}
var wireKeys_TruncationStrategy = /* @__PURE__ */ new Set(["type", "last_messages"]);
var modelKeys_TruncationStrategy = /* @__PURE__ */ new Set(["type", "lastMessages"]);
function from_TruncationStrategy(value, p) {
  const w = obj(value, p, "");
  const m = {
    type: str(w["type"], p, "type"),
    lastMessages: numOrNull(w["last_messages"], p, "last_messages")
  };
  if (Object.keys(w).length !== 1 + (w["last_messages"] !== void 0 ? 1 : 0)) {
    keepUnknown(w, m, wireKeys_TruncationStrategy);
  }
  return m;
}
function to_TruncationStrategy(m) {
  const w = {
    "type": m.type,
    "last_messages": m.lastMessages ?? null
  };
  if (Object.keys(m).length !== (m.type !== void 0 ? 1 : 0) + (m.lastMessages !== void 0 ? 1 : 0)) {
    keepUnknown(m, w, modelKeys_TruncationStrategy);
  }
  return w;
}
var wireKeys_ResponseFormatJsonSchema = /* @__PURE__ */ new Set(["type", "json_schema"]);
var modelKeys_ResponseFormatJsonSchema = /* @__PURE__ */ new Set(["type", "jsonSchema"]);
function from_ResponseFormatJsonSchema(value, p) {
  const w = obj(value, p, "");
  const m = {
    type: str(w["type"], p, "type"),
    jsonSchema: obj(w["json_schema"], p, "json_schema")
  };
  if (Object.keys(w).length !== 2) {
    keepUnknown(w, m, wireKeys_ResponseFormatJsonSchema);
  }
  return m;
}
function to_ResponseFormatJsonSchema(m) {
  const w = {
    "type": m.type,
    "json_schema": m.jsonSchema
  };
  if (Object.keys(m).length !== (m.type !== void 0 ? 1 : 0) + (m.jsonSchema !== void 0 ? 1 : 0)) {
    keepUnknown(m, w, modelKeys_ResponseFormatJsonSchema);
  }
  return w;
}
function threadRunFromWire(wire, path = "") {
  return from_ThreadRun(wire, path);
}
function threadRunToWire(model) {
  return to_ThreadRun(model);
}
function from_Tool(value, p) {
  if (isObject(value)) {
    switch (value["type"]) {
      case "code_interpreter":
        return obj(value, p, "");
      case "file_search":
        return from_FileSearchTool(value, p);
      case "function":
        return obj(value, p, "");
      default:
        return value;
    }
  }
  return fail(p, "", "an object", value);
}
function to_Tool(m) {
  if (typeof m === "object" && m !== null && !Array.isArray(m)) {
    const o = m;
    switch (o["type"]) {
      case "code_interpreter":
        return m;
      case "file_search":
        return to_FileSearchTool(m);
      case "function":
        return m;
      default:
        return m;
    }
  }
  return m;
}
function from_Union1(value, p) {
  if (isObject(value)) {
    switch (value["type"]) {
      case "text":
        return obj(value, p, "");
      case "json_object":
        return obj(value, p, "");
      case "json_schema":
        return from_ResponseFormatJsonSchema(value, p);
      default:
        return value;
    }
  }
  return fail(p, "", "an object", value);
}
function to_Union1(m) {
  if (typeof m === "object" && m !== null && !Array.isArray(m)) {
    const o = m;
    switch (o["type"]) {
      case "text":
        return m;
      case "json_object":
        return m;
      case "json_schema":
        return to_ResponseFormatJsonSchema(m);
      default:
        return m;
    }
  }
  return m;
}
function from_ResponseFormat(value, p) {
  if (typeof value === "string") return str(value, p, "");
  if (isObject(value)) return from_Union1(value, p);
  return fail(p, "", "a string or an object", value);
}
function to_ResponseFormat(m) {
  if (typeof m === "string") return m;
  if (typeof m === "object" && m !== null && !Array.isArray(m)) return to_Union1(m);
  return m;
}

// src/model.ts
var terminal = new Set(runStatusTerminalValues);
function isTerminalStatus(status) {
  return terminal.has(status);
}
function runFromWire(wire) {
  return convertRun(wire, "", void 0);
}
function runToWire(run) {
  return threadRunToWire(run);
}
function convertRun(wire, path, response) {
  let run;
  try {
    run = threadRunFromWire(wire, path);
  } catch (error) {
    if (!(error instanceof WireShapeError)) throw error;
    return invalid(error, response);
  }
  for (const [key, field] of DATE_FIELDS) {
    const value = run[key];
    if (value !== null && Number.isNaN(value.getTime())) {
      const name = path === "" ? field : `${path}.${field}`;
      const got = wire[field];
      return invalid(new WireShapeError(name, "integer seconds", got), response);
    }
  }
  return run;
}
var DATE_FIELDS = [
  ["createdAt", "created_at"],
  ["expiresAt", "expires_at"],
  ["startedAt", "started_at"],
  ["cancelledAt", "cancelled_at"],
  ["failedAt", "failed_at"],
  ["completedAt", "completed_at"]
];
function invalid(error, response) {
  throw new InvalidResponseError(error.message, {
    field: error.path,
    ...response ? { response } : {},
    cause: error
  });
}

// src/response-info.ts
var infos = /* @__PURE__ */ new WeakMap();
function remember(result, info) {
  infos.set(result, info);
  return result;
}
function responseInfo(result) {
  return infos.get(result);
}

// src/runs.ts
var CANNOT_CANCEL = /Cannot cancel run with status '([^']*)'/;
var Runs = class {
  /** @internal */
  constructor(transport, hooks) {
    this.transport = transport;
    this.hooks = hooks;
  }
  transport;
  hooks;
  /**
   * Asks the server to cancel a run and resolves with the run as the server answered: usually
   * `cancelling`; use {@link Runs.cancelAndWait} to wait for `cancelled`. Retried on 408, 409, 429,
   * 5xx, timeouts and connection errors. When a retry is refused because the run is already
   * cancelling or has ended (an earlier attempt landed), resolves with the run as it now is.
   * @throws {@link BadRequestError} when the run had already ended before this cancel.
   * @throws {@link NotFoundError} for an unknown thread or run.
   * @throws `TypeError` for a bad id, before any request is sent.
   */
  async cancel(threadId, runId, options) {
    const path = cancelRun.path(encodePathId(threadId, "threadId"), encodePathId(runId, "runId"));
    checkOptions(options);
    try {
      return toRun(await this.transport.send({ method: "POST", path, options, hooks: this.hooks }));
    } catch (error) {
      if (error instanceof ApiError && error.attempts > 1 && landedEarlier(error)) {
        return this.get(threadId, runId, options);
      }
      throw error;
    }
  }
  /**
   * Retrieves a run.
   * @throws {@link NotFoundError} for an unknown thread or run.
   */
  async get(threadId, runId, options) {
    const path = getRun.path(encodePathId(threadId, "threadId"), encodePathId(runId, "runId"));
    checkOptions(options);
    return toRun(await this.transport.send({ method: "GET", path, options, hooks: this.hooks }));
  }
  /**
   * Lists the runs of a thread, following `has_more` / `last_id` across pages as you iterate.
   * Arguments are checked now; requests are sent while iterating.
   */
  list(threadId, options = {}) {
    const path = listRuns.path(encodePathId(threadId, "threadId"));
    checkOptions(options);
    const base = listQuery(options);
    const { transport, hooks } = this;
    const { signal, timeoutMs, maxRetries, headers } = options;
    const requestOptions = {
      ...signal ? { signal } : {},
      ...timeoutMs !== void 0 ? { timeoutMs } : {},
      ...maxRetries !== void 0 ? { maxRetries } : {},
      ...headers ? { headers } : {}
    };
    async function* pages() {
      let after = options.after;
      const seen = /* @__PURE__ */ new Set();
      for (; ; ) {
        const query = after === void 0 ? base : `${base}${base ? "&" : ""}after=${encodeURIComponent(after)}`;
        const answer = await transport.send({ method: "GET", path, query, options: requestOptions, hooks });
        const page = toPage(answer);
        yield page;
        if (!page.hasMore || page.data.length === 0) return;
        if (after !== void 0) seen.add(after);
        if (page.lastId === null || seen.has(page.lastId)) {
          throw new InvalidResponseError("has_more is true but last_id does not move the cursor on", {
            field: "last_id",
            response: answer.context
          });
        }
        after = page.lastId;
      }
    }
    return {
      pages,
      async *[Symbol.asyncIterator]() {
        for await (const page of pages()) yield* page.data;
      },
      async all() {
        const runs = [];
        for await (const page of pages()) runs.push(...page.data);
        return runs;
      }
    };
  }
};
function landedEarlier(error) {
  if (error.status !== 400 && error.status !== 409) return false;
  const status = CANNOT_CANCEL.exec(error.serverMessage)?.[1];
  return status !== void 0 && (status === "cancelling" || isTerminalStatus(status));
}
function toRun(answer) {
  return remember(convertRun(answer.body, "", answer.context), answer.info);
}
function toPage(answer) {
  const body = answer.body;
  const data = typeof body === "object" && body !== null ? body["data"] : void 0;
  if (!Array.isArray(data)) {
    throw new InvalidResponseError(`data: expected an array of runs, got ${data === void 0 ? "nothing" : typeof data}`, {
      field: "data",
      response: answer.context
    });
  }
  const runs = new Array(data.length);
  for (let i = 0; i < data.length; i++) runs[i] = convertRun(data[i], `data[${i}]`, answer.context);
  const b = body;
  const page = {
    data: runs,
    firstId: typeof b["first_id"] === "string" ? b["first_id"] : null,
    lastId: typeof b["last_id"] === "string" ? b["last_id"] : runs[runs.length - 1]?.id ?? null,
    hasMore: b["has_more"] === true
  };
  return remember(page, answer.info);
}
var QUERY = listRuns.query;
function listQuery(options) {
  const parts = [];
  const { limit, order, after, before } = options;
  if (limit !== void 0) {
    const { minimum, maximum } = QUERY.limit;
    if (!Number.isInteger(limit) || limit < minimum || limit > maximum) {
      throw new RangeError(`limit must be a whole number from ${minimum} to ${maximum}, got ${String(limit)}`);
    }
    parts.push(`limit=${limit}`);
  }
  if (order !== void 0) {
    if (!QUERY.order.enum.includes(order)) {
      throw new TypeError(`order must be ${QUERY.order.enum.map((v) => `"${v}"`).join(" or ")}, got ${JSON.stringify(order)}`);
    }
    parts.push(`order=${order}`);
  }
  for (const [name, value] of [["after", after], ["before", before]]) {
    if (value !== void 0 && (typeof value !== "string" || value === "")) {
      throw new TypeError(`${name} must be a non-empty run id, got ${JSON.stringify(value)}`);
    }
  }
  if (before !== void 0) parts.push(`before=${encodeURIComponent(before)}`);
  return parts.join("&");
}
function checkOptions(options) {
  if (options !== void 0 && (typeof options !== "object" || options === null)) {
    throw new TypeError(`options must be an object, got ${options === null ? "null" : typeof options}`);
  }
}

// src/errors/bad-request-error.ts
var BadRequestError = class extends ApiError {
  name = "BadRequestError";
};

// src/errors/timeout-error.ts
var TimeoutError = class extends ThreadRunError {
  name = "TimeoutError";
  timeoutMs;
  /** The last run seen, when waiting for a run timed out. */
  run;
  constructor(message, timeoutMs, run) {
    super(message);
    this.timeoutMs = timeoutMs;
    this.run = run;
  }
};

// src/retry.ts
var RETRYABLE_STATUSES = /* @__PURE__ */ new Set([408, 409, 429, 500, 502, 503, 504]);
function decideRetry(outcome, retriesDone, policy, now = Date.now(), random = Math.random) {
  let retryable;
  let askedMs = null;
  if (outcome.kind === "no-answer") {
    retryable = true;
  } else {
    askedMs = retryAfterMs(outcome.headers, now);
    const should = outcome.headers.get("x-should-retry");
    retryable = should === "true" ? true : should === "false" ? false : RETRYABLE_STATUSES.has(outcome.status);
  }
  if (!retryable || retriesDone >= policy.maxRetries) return { retry: false, retryAfterMs: askedMs };
  if (askedMs !== null) {
    if (askedMs > policy.maxRetryAfterMs) return { retry: false, retryAfterMs: askedMs };
    return { retry: true, delayMs: askedMs };
  }
  const backoff = Math.min(policy.baseDelayMs * 2 ** retriesDone, policy.maxDelayMs);
  return { retry: true, delayMs: Math.round(backoff * (1 - 0.25 * random())) };
}
function retryAfterMs(headers, now = Date.now()) {
  const ms = headers.get("retry-after-ms");
  if (ms !== null && ms.trim() !== "") {
    const value = Number(ms);
    if (Number.isFinite(value) && value >= 0) return Math.ceil(value);
  }
  const after = headers.get("retry-after");
  if (after === null || after.trim() === "") return null;
  const seconds = Number(after);
  if (Number.isFinite(seconds)) return seconds >= 0 ? Math.ceil(seconds * 1e3) : null;
  const date2 = Date.parse(after);
  return Number.isNaN(date2) ? null : Math.max(0, date2 - now);
}

// src/wait.ts
function waitSettings(options) {
  const initial = positive(options.intervalMs, 500, "intervalMs");
  const ceiling = Math.max(initial, positive(options.maxIntervalMs, 5e3, "maxIntervalMs"));
  const timeoutMs = positive(options.timeoutMs, 6e5, "timeoutMs");
  if (options.onStatus !== void 0 && typeof options.onStatus !== "function") {
    throw new TypeError("onStatus must be a function");
  }
  if (options.request?.maxRetries !== void 0) {
    count(options.request.maxRetries, 0, "request.maxRetries");
  }
  return { initial, ceiling, timeoutMs };
}
async function waitFor(runs, threadId, runId, options, until, first, startedAt = Date.now()) {
  const { initial, ceiling, timeoutMs } = waitSettings(options);
  const { signal, onStatus } = options;
  const deadline = startedAt + timeoutMs;
  const state = { last: void 0 };
  let interval = initial;
  let status;
  let run = first;
  for (; ; ) {
    if (signal?.aborted) throw signal.reason;
    if (run === void 0) {
      const remaining2 = deadline - Date.now();
      if (remaining2 <= 0) throw timedOut(runId, timeoutMs, state.last);
      const requestTimeout = Math.min(
        options.request?.timeoutMs ?? Number.POSITIVE_INFINITY,
        remaining2
      );
      try {
        run = await runs.get(threadId, runId, {
          ...options.request,
          ...Number.isFinite(requestTimeout) ? { timeoutMs: Math.max(1, requestTimeout) } : {},
          ...signal ? { signal } : {}
        });
      } catch (error) {
        if (error instanceof TimeoutError && Date.now() >= deadline)
          throw timedOut(runId, timeoutMs, state.last);
        throw error;
      }
    }
    state.last = run;
    if (run.status !== status) {
      status = run.status;
      interval = initial;
      onStatus?.(run);
    }
    if (isTerminalStatus(run.status) || until === "terminal-or-action" && run.status === "requires_action") {
      return run;
    }
    const delay = Math.max(1, serverPause(run) ?? interval);
    interval = Math.min(ceiling, interval * 1.5);
    const remaining = deadline - Date.now();
    if (remaining <= 0) throw timedOut(runId, timeoutMs, run);
    await sleep(Math.min(delay, remaining), signal);
    run = void 0;
  }
}
function serverPause(run) {
  const headers = responseInfo(run)?.headers;
  if (!headers) return void 0;
  const value = headers.get("openai-poll-after-ms")?.trim();
  const poll = value ? Number(value) : Number.NaN;
  if (Number.isFinite(poll) && poll >= 0) return poll;
  return retryAfterMs(headers) ?? void 0;
}
function timedOut(runId, timeoutMs, last) {
  return new TimeoutError(
    `Run ${runId} did not stop within ${timeoutMs} ms${last ? ` (last status: ${last.status})` : ""}`,
    timeoutMs,
    last
  );
}
function refusedStatus(error) {
  if (!(error instanceof BadRequestError)) return void 0;
  return /Cannot cancel run with status '([^']*)'/.exec(error.serverMessage)?.[1];
}
async function cancelThenWait(runs, threadId, runId, options) {
  waitSettings(options);
  const startedAt = Date.now();
  let run;
  try {
    run = await runs.cancel(threadId, runId, {
      ...options.request,
      ...options.signal ? { signal: options.signal } : {}
    });
  } catch (error) {
    if (refusedStatus(error) === void 0) throw error;
  }
  return waitFor(runs, threadId, runId, options, "terminal", run, startedAt);
}

// src/bulk.ts
async function* cancelMany(transport, items, options = {}) {
  const concurrency = count(options.concurrency, 16, "concurrency");
  if (concurrency < 1) throw new RangeError("concurrency must be at least 1");
  const maxRetries = count(options.maxRetries, 10, "maxRetries");
  const { signal, onProgress } = options;
  if (items === null || typeof items !== "object" || !(Symbol.iterator in items || Symbol.asyncIterator in items)) {
    throw new TypeError(
      "items must be an array, an iterable or an async iterable of { threadId, runId }"
    );
  }
  const total = Array.isArray(items) ? items.length : void 0;
  const pacer = new Pacer();
  const runs = new Runs(transport, {
    beforeAttempt: (s) => pacer.take(s),
    onRateLimited: (waitMs) => pacer.limited(waitMs)
  });
  const requestOptions = {
    ...options.request,
    maxRetries,
    ...signal ? { signal } : {}
  };
  const source = Symbol.asyncIterator in items ? items[Symbol.asyncIterator]() : items[Symbol.iterator]();
  let pulling = Promise.resolve();
  let exhausted = false;
  const pull = () => {
    const next = pulling.then(
      () => exhausted ? { done: true, value: void 0 } : source.next()
    );
    pulling = next.catch(() => {
    });
    return next;
  };
  const ready = [];
  let wakeConsumer;
  const blockedWorkers = [];
  const wakeWorkers = () => blockedWorkers.splice(0).forEach((wake) => wake());
  let closed = false;
  let running = concurrency;
  let sourceError;
  let sourceEnded = false;
  let done = 0;
  let failed = 0;
  const highWater = concurrency * 2;
  const deliver = async (result) => {
    ready.push(result);
    done++;
    if (!result.ok) failed++;
    onProgress?.({ done, failed, total });
    wakeConsumer?.();
    while (ready.length >= highWater && !closed)
      await new Promise((r) => blockedWorkers.push(r));
  };
  const worker = async () => {
    try {
      for (; ; ) {
        if (signal?.aborted) return;
        let next;
        try {
          next = await pull();
        } catch (error) {
          sourceError ??= { error };
          exhausted = sourceEnded = true;
          return;
        }
        if (next.done) {
          exhausted = true;
          if (!closed && !signal?.aborted) sourceEnded = true;
          return;
        }
        const item = next.value;
        await deliver(await cancelOne(runs, item, requestOptions));
      }
    } finally {
      running--;
      wakeConsumer?.();
    }
  };
  const workers = Array.from({ length: concurrency }, worker);
  try {
    for (; ; ) {
      while (ready.length > 0) {
        yield ready.shift();
        wakeWorkers();
      }
      if (running === 0) break;
      await new Promise((r) => wakeConsumer = r);
      wakeConsumer = void 0;
    }
  } finally {
    exhausted = true;
    closed = true;
    wakeWorkers();
    void Promise.allSettled(workers).then(() => closeSource());
  }
  await Promise.all(workers);
  if (sourceError) throw sourceError.error;
  if (signal?.aborted) throw signal.reason;
  function closeSource() {
    if (sourceEnded) return;
    sourceEnded = true;
    try {
      void Promise.resolve(source.return?.()).catch(() => {
      });
    } catch {
    }
  }
}
async function cancelOne(runs, item, options) {
  try {
    if (typeof item !== "object" || item === null)
      throw new TypeError("each item must be an object { threadId, runId }");
    const run = await runs.cancel(item.threadId, item.runId, options);
    return { item, ok: true, run };
  } catch (error) {
    if (refusedStatus(error) !== void 0) {
      try {
        const run = await runs.get(item.threadId, item.runId, options);
        return { item, ok: true, run };
      } catch (getError) {
        return { item, ok: false, error: getError };
      }
    }
    return { item, ok: false, error };
  }
}

// src/runs-client.ts
var RunsClient = class extends Runs {
  #transport;
  /** @internal */
  constructor(transport) {
    super(transport);
    this.#transport = transport;
  }
  /**
   * Polls a run until it is terminal or `requires_action` (which waiting cannot change), and
   * resolves with it. Honours `openai-poll-after-ms` and `Retry-After`, backs off gently, and calls
   * `onStatus` once per status change. Aborting stops the waiting, not the run.
   * @throws {@link TimeoutError} at the deadline, carrying the last run seen in `error.run`.
   */
  wait(threadId, runId, options = {}) {
    encodePathId(threadId, "threadId");
    encodePathId(runId, "runId");
    checkOptions(options);
    return waitFor(this, threadId, runId, options, "terminal-or-action");
  }
  /**
   * Cancels a run and waits until it is terminal: `cancelled`, or whatever terminal status it
   * reached first (it may complete before the cancel lands). A run that had already ended
   * resolves as it is, not as an error.
   */
  cancelAndWait(threadId, runId, options = {}) {
    encodePathId(threadId, "threadId");
    encodePathId(runId, "runId");
    checkOptions(options);
    return cancelThenWait(this, threadId, runId, options);
  }
  /**
   * Cancels every run of the thread that is not terminal, across all pages, waits until each one
   * is terminal, and resolves with them (an empty array when none was active). When it resolves,
   * no run on the thread is active: it lists again and repeats while new active runs appear.
   */
  async cancelActive(threadId, options = {}) {
    encodePathId(threadId, "threadId");
    checkOptions(options);
    const concurrency = count(options.concurrency, 4, "concurrency");
    if (concurrency < 1) throw new RangeError("concurrency must be at least 1");
    const stopped = /* @__PURE__ */ new Map();
    const listOptions = { ...options.request, ...options.signal ? { signal: options.signal } : {}, limit: 100 };
    for (let round = 0; ; round++) {
      const active = [];
      for await (const run of this.list(threadId, listOptions)) {
        if (!isTerminalStatus(run.status)) active.push(run);
      }
      if (active.length === 0) return [...stopped.values()];
      if (round === 10) {
        throw new Error(`cancelActive: thread ${threadId} still has active runs after ${round} rounds (are runs being created meanwhile?)`);
      }
      let next = 0;
      const worker = async () => {
        while (next < active.length) {
          const run = active[next++];
          stopped.set(run.id, await cancelThenWait(this, threadId, run.id, options));
        }
      };
      await Promise.all(Array.from({ length: Math.min(concurrency, active.length) }, worker));
    }
  }
  /**
   * Cancels many runs, from an array or an (async) iterable, yielding one result per item as
   * each finishes. Bounded concurrency; one shared pacer slows every worker after a 429 and
   * learns the server's rate. A run that had already ended, or whose cancel landed on an earlier
   * attempt, counts as a success with the run as it now is.
   *
   * ```ts
   * for await (const result of client.runs.cancelMany(items, { concurrency: 16 })) {
   *   if (!result.ok) console.error(result.item.runId, result.error);
   * }
   * ```
   */
  cancelMany(items, options) {
    return cancelMany(this.#transport, items, options);
  }
};

// src/errors/connection-error.ts
var ConnectionError = class extends ThreadRunError {
  name = "ConnectionError";
  method;
  url;
  constructor(method, url, cause) {
    const reason = cause instanceof Error ? describeCause(cause) : String(cause);
    super(`Connection failed: ${method} ${url}: ${reason}`, { cause });
    this.method = method;
    this.url = url;
  }
};
function describeCause(error) {
  const inner = error.cause instanceof Error ? error.cause : void 0;
  const code = inner?.code;
  return inner ? `${error.message} (${typeof code === "string" ? `${code}: ` : ""}${inner.message})` : error.message;
}

// src/errors/authentication-error.ts
var AuthenticationError = class extends ApiError {
  name = "AuthenticationError";
};

// src/errors/conflict-error.ts
var ConflictError = class extends ApiError {
  name = "ConflictError";
};

// src/errors/internal-server-error.ts
var InternalServerError = class extends ApiError {
  name = "InternalServerError";
};

// src/errors/not-found-error.ts
var NotFoundError = class extends ApiError {
  name = "NotFoundError";
};

// src/errors/permission-denied-error.ts
var PermissionDeniedError = class extends ApiError {
  name = "PermissionDeniedError";
};

// src/errors/rate-limit-error.ts
var RateLimitError = class extends ApiError {
  name = "RateLimitError";
  /** The wait the server asked for (`retry-after-ms` or `Retry-After`), or `null`. */
  retryAfterMs;
  constructor(init, retryAfterMs2) {
    super(init);
    this.retryAfterMs = retryAfterMs2;
    if (retryAfterMs2 !== null) this.message += ` (server asked to wait ${retryAfterMs2} ms)`;
  }
  toJSON() {
    return { ...super.toJSON(), retryAfterMs: this.retryAfterMs };
  }
};

// src/errors/unprocessable-entity-error.ts
var UnprocessableEntityError = class extends ApiError {
  name = "UnprocessableEntityError";
};

// src/errors/from-response.ts
var BY_STATUS = {
  400: BadRequestError,
  401: AuthenticationError,
  403: PermissionDeniedError,
  404: NotFoundError,
  409: ConflictError,
  422: UnprocessableEntityError
};
function errorFromResponse(status, headers, bodyText, method, path, retryAfterMs2) {
  let body;
  let rawBody;
  try {
    const parsed = JSON.parse(bodyText);
    const error = typeof parsed === "object" && parsed !== null ? parsed.error : void 0;
    if (typeof error === "object" && error !== null) body = error;
    else if (typeof error === "string") body = { message: error };
  } catch {
  }
  if (!body && bodyText.trim() !== "") {
    const flat = bodyText.replace(/\s+/g, " ").trim();
    rawBody = flat.length > 200 ? `${flat.slice(0, 200)}\u2026` : flat;
  }
  const init = { status, method, path, headers, body, ...rawBody ? { rawBody } : {} };
  if (status === 429) return new RateLimitError(init, retryAfterMs2);
  if (status >= 500) return new InternalServerError(init);
  const ErrorClass = BY_STATUS[status] ?? ApiError;
  return new ErrorClass(init);
}

// src/transport.ts
var noop = () => {
};
var MAX_TIMER_MS = 2 ** 31 - 1;
function createTransport(resolved) {
  const { baseQuery } = resolved;
  const apiKey = resolved.authorizationFromHeaders ? null : resolved.apiKey;
  const basePath = new URL(resolved.baseUrl).pathname.replace(/\/$/, "");
  const staticHeaders = typeof apiKey === "string" ? { authorization: `Bearer ${apiKey}`, ...resolved.headers } : { ...resolved.headers };
  const doFetch = (input, init) => (resolved.fetch ?? globalThis.fetch)(input, init);
  async function headersFor(extra) {
    let headers = staticHeaders;
    if (typeof apiKey === "function") {
      const token = await apiKey();
      if (typeof token !== "string" || token === "") {
        throw new TypeError("apiKey: the credential function returned no token (expected a non-empty string)");
      }
      headers = { ...staticHeaders, authorization: `Bearer ${checkCredential(token, "apiKey")}` };
    }
    if (extra !== void 0) {
      headers = { ...headers };
      mergeHeaders(headers, extra, "headers");
    }
    return headers;
  }
  function policyFor(options) {
    if (options?.maxRetries === void 0 && options?.timeoutMs === void 0) {
      return { retry: resolved.retry, timeoutMs: resolved.timeoutMs };
    }
    return {
      retry: { ...resolved.retry, maxRetries: count(options.maxRetries, resolved.retry.maxRetries, "maxRetries") },
      timeoutMs: positive(options.timeoutMs, resolved.timeoutMs, "timeoutMs")
    };
  }
  async function execute(method, url, label, makeInit, options, hooks) {
    const { retry, timeoutMs } = policyFor(options);
    const signal = options?.signal;
    for (let retries = 0; ; retries++) {
      if (signal?.aborted) throw signal.reason;
      if (hooks?.beforeAttempt) await hooks.beforeAttempt(signal);
      const headers = await headersFor(options?.headers);
      const credential = credentialIn(headers);
      const init = makeInit(headers);
      let result;
      try {
        result = await attemptOnce(doFetch, url, init, timeoutMs, signal, method, label);
      } catch (error) {
        if (signal?.aborted) throw signal.reason;
        if (!(error instanceof TimeoutError || error instanceof ConnectionError)) throw error;
        const decision2 = decideRetry({ kind: "no-answer" }, retries, retry);
        if (!decision2.retry) throw error;
        await sleep(decision2.delayMs, signal);
        continue;
      }
      const { response } = result;
      if (response.ok) return { ...result, attempts: retries + 1, retryAfterMs: null, credential };
      const decision = decideRetry({ kind: "status", status: response.status, headers: response.headers }, retries, retry);
      if (response.status === 429) {
        hooks?.onRateLimited?.(decision.retry ? decision.delayMs : decision.retryAfterMs ?? retry.baseDelayMs);
      }
      if (!decision.retry) {
        return { ...result, attempts: retries + 1, retryAfterMs: decision.retryAfterMs, credential };
      }
      await sleep(decision.delayMs, signal);
    }
  }
  const inits = /* @__PURE__ */ new Map();
  return {
    async send(call) {
      const query = call.query ? baseQuery ? `${baseQuery}&${call.query}` : call.query : baseQuery;
      const suffix = query ? `${call.path}?${query}` : call.path;
      const url = resolved.baseUrl + suffix;
      const label = basePath + suffix;
      const { response, text, attempts, retryAfterMs: retryAfterMs2, credential } = await execute(
        call.method,
        url,
        label,
        (headers2) => {
          if (headers2 !== staticHeaders) return { method: call.method, headers: headers2 };
          let init = inits.get(call.method);
          if (!init) inits.set(call.method, init = { method: call.method, headers: headers2 });
          return init;
        },
        call.options,
        call.hooks
      );
      const { status, headers } = response;
      if (!response.ok) {
        const safe = redact(text, credential);
        const error = errorFromResponse(status, headers, safe, call.method, label, retryAfterMs2);
        error.attempts = attempts;
        throw error;
      }
      const requestId = headers.get("x-request-id");
      const context = { method: call.method, path: label, status, requestId };
      let body;
      try {
        body = JSON.parse(text);
      } catch (cause) {
        const excerpt = redact(text, credential).replace(/\s+/g, " ").trim().slice(0, 80);
        throw new InvalidResponseError(
          text.trim() === "" ? "the body is empty, expected JSON" : `the body is not JSON: ${JSON.stringify(excerpt)}`,
          { field: null, response: context, cause }
        );
      }
      return { body, info: { requestId, status, headers, attempts }, context };
    },
    async fetchRaw(request) {
      let url = request.url;
      if (baseQuery && !new URL(url).searchParams.has("api-version")) {
        url += (url.includes("?") ? "&" : "?") + baseQuery;
      }
      const body = request.body === null ? void 0 : await request.arrayBuffer();
      const own = {};
      request.headers.forEach((value, name) => own[name] = value);
      const { response, text } = await execute(
        request.method,
        url,
        new URL(url).pathname,
        (headers) => ({
          method: request.method,
          headers: { ...headers, ...own },
          ...body === void 0 ? {} : { body }
        }),
        request.signal ? { signal: request.signal } : void 0,
        void 0
      );
      return new Response(text === "" ? null : text, {
        status: response.status,
        statusText: response.statusText,
        headers: response.headers
      });
    }
  };
}
function attemptOnce(doFetch, url, init, timeoutMs, signal, method, label) {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    let done = false;
    let response;
    let reader;
    let controller;
    const settle = () => {
      if (done) return false;
      done = true;
      clearTimeout(timer);
      signal?.removeEventListener("abort", onAbort);
      return true;
    };
    const onAbort = () => {
      if (!settle()) return;
      controller?.abort(signal?.reason);
      reject(signal?.reason);
    };
    if (signal) {
      controller = new AbortController();
      init = { ...init, signal: controller.signal };
      signal.addEventListener("abort", onAbort, { once: true });
    }
    const timer = setTimeout(() => {
      if (!settle()) return;
      const error = new TimeoutError(`${method} ${label} timed out after ${timeoutMs} ms`, timeoutMs);
      if (controller) controller.abort(error);
      else if (reader) reader.cancel(error).catch(noop);
      else response?.body?.cancel(error).catch(noop);
      reject(error);
    }, Math.min(timeoutMs, MAX_TIMER_MS));
    doFetch(url, init).then((r) => {
      response = r;
      if (done) return void r.body?.cancel().catch(noop);
      if (r.body === null) {
        if (settle()) resolve({ response: r, text: "" });
        return;
      }
      reader = r.body.getReader();
      return readText(reader).then((text) => {
        if (settle()) resolve({ response: r, text });
      });
    }).catch((error) => {
      if (settle()) reject(new ConnectionError(method, url, error));
    });
  });
}
function credentialIn(headers) {
  const value = headers["authorization"]?.trim();
  if (!value) return void 0;
  const space = value.indexOf(" ");
  return space === -1 ? value : value.slice(space + 1).trim() || void 0;
}
function redact(text, secret) {
  if (secret === void 0 || secret.length < 8 || !text.includes(secret)) return text;
  return text.split(secret).join("[redacted]");
}
var decoder = new TextDecoder();
async function readText(reader) {
  const chunks = [];
  let length = 0;
  for (; ; ) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    length += value.byteLength;
  }
  if (chunks.length === 1) return decoder.decode(chunks[0]);
  const all = new Uint8Array(length);
  let offset = 0;
  for (const chunk of chunks) {
    all.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return decoder.decode(all);
}

// src/client.ts
function createClient(options) {
  const resolved = resolveOptions(options);
  const transport = createTransport(resolved);
  const runs = new RunsClient(transport);
  let raw;
  return {
    runs,
    // Built on first use: most applications never need it.
    get raw() {
      return raw ??= createRawClient(resolved, transport);
    }
  };
}
export {
  ApiError,
  AuthenticationError,
  BadRequestError,
  ConflictError,
  ConnectionError,
  InternalServerError,
  InvalidResponseError,
  NotFoundError,
  PermissionDeniedError,
  runStatusValues as RUN_STATUSES,
  RateLimitError,
  Runs,
  RunsClient,
  runStatusTerminalValues as TERMINAL_RUN_STATUSES,
  ThreadRunError,
  TimeoutError,
  UnprocessableEntityError,
  createClient,
  decideRetry,
  isTerminalStatus,
  responseInfo,
  retryAfterMs,
  runFromWire,
  runToWire
};
