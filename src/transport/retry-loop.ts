/**
 * The retry loop: attempts until one is final (a success, an error the policy does not retry, or
 * retries used up), with the attempt hooks of a coordinating caller around each attempt and the
 * client's observer (hooks, log) told of each. Its result is built once, from the final attempt.
 */
import { ConnectionError } from "../errors/connection-error.js";
import { TimeoutError } from "../errors/timeout-error.js";
import type { ClientLog } from "../logging.js";
import { RETRY_COUNT_HEADER, type RequestOptions, type ResolvedOptions } from "../options.js";
import type { AttemptRecord } from "../response-info.js";
import {
  decideRetry,
  serverWait,
  type DelaySource,
  type RetryDecision,
  type RetryPolicy,
} from "../retry.js";
import { isRefusalAnswer } from "../refusal.js";
import { sleep } from "../sleep.js";
import { duration, wholeNumber } from "../validate.js";
import { attemptOnce } from "./attempt.js";
import type { AttemptEnd, AttemptHooks, ResponseHead } from "./attempt-hooks.js";
import type { Credentials } from "./credentials.js";
import {
  errorName,
  nextCallId,
  type AttemptResult,
  type Observer,
  type ShownRequest,
} from "./observer.js";
import { shownUrl } from "./redact.js";
import type { ReceivedResponse, RequestInitWithHeaders, WireSender } from "./wire-sender.js";

/** One request through the loop, as `send` and `exchange` prepare it. */
export interface Exchange {
  method: string;
  url: string;
  /** The path and query below the origin, as errors show it. */
  requestPath: string;
  /** The request of one attempt, given its headers. */
  initFor(headers: Record<string, string>): RequestInitWithHeaders;
  options: RequestOptions | undefined;
  hooks: AttemptHooks | undefined;
}

/** The final attempt of an exchange: the answer whatever its status, and how it came to be final. */
export interface CompletedExchange {
  response: ResponseHead;
  text: string;
  /** Attempts made, retries included. */
  attempts: number;
  /** Every attempt, oldest first. */
  history: AttemptRecord[];
  /** The wait the server asked for on a final error answer it was not retried after, or `null`. */
  retryAfterMs: number | null;
  /** The credential the final attempt sent, to keep it out of errors built from the answer. */
  secret: string | undefined;
}

/** What the loop needs of the client: its options, credentials, sender, log and observer. */
export interface LoopContext {
  resolved: ResolvedOptions;
  credentials: Credentials;
  sender: WireSender;
  log: ClientLog;
  /** `undefined` when the client has no hook and logs no retries. */
  observer: Observer | undefined;
}

/** Retries the exchange as the policy says. Returns the final answer, error statuses included; throws when none came. */
export async function runAttempts(
  context: LoopContext,
  exchange: Exchange,
): Promise<CompletedExchange> {
  const { credentials, sender, observer } = context;
  const { method, url, requestPath, options, hooks } = exchange;
  const { retry, timeoutMs } = policyFor(context.resolved, options);
  const signal = options?.signal;
  const shown = observer ? show(context, exchange, nextCallId()) : undefined;
  const secret = credentials.staticSecret;
  const history: AttemptRecord[] = [];
  // `retries` counts against maxRetries; a retry the hooks call free (a 429 under a shared pacer)
  // does not.
  let retries = 0;
  let freeRetries = 0;
  let waitedMs = 0;
  // The attempt the observer last reported as retried: the call is open until a final event.
  let openAttempt = 0;
  try {
    for (let attempt = 1; ; attempt++) {
      if (signal?.aborted) throw signal.reason;
      const ticket = hooks?.beforeAttempt ? await hooks.beforeAttempt(signal) : undefined;
      let received: ReceivedResponse | undefined;
      let failure: unknown;
      let headers = credentials.staticHeaders;
      let sentAt: number | undefined;
      try {
        // Awaited only when there is something to wait for: each await costs a turn of the loop.
        if (credentials.needsWork(options?.headers)) {
          headers = await credentials.headersFor(options?.headers);
        }
        // A retry says so (x-threadrun-retry-count), unless the caller removed the header.
        if (attempt > 1 && headers[RETRY_COUNT_HEADER] !== undefined) {
          headers = { ...headers, [RETRY_COUNT_HEADER]: String(attempt - 1) };
        }
        const init = exchange.initFor(headers);
        if (shown) observer!.request(shown, attempt);
        sentAt = performance.now();
        received = await attemptOnce({
          sender,
          method,
          url,
          requestPath,
          init,
          timeoutMs,
          signal,
          secret,
        });
      } catch (error) {
        failure = error;
      }
      // One path for both endings, an answer (any status) or none, so that each is told once.
      const endedAt = performance.now();
      const response = received?.response;
      const status = response?.status;
      const requestId = response ? response.headers.get("x-request-id") : null;
      let decision: RetryDecision | undefined;
      if (!response) {
        // A user abort is the user's decision: never retried, rejected with their reason.
        if (
          !signal?.aborted &&
          (failure instanceof TimeoutError || failure instanceof ConnectionError)
        ) {
          decision = decideRetry({ kind: "no-answer" }, retries++, retry);
        }
      } else if (!response.ok && !isRefusalAnswer(status!, received!.text)) {
        const free = hooks?.isFreeRetry?.(response, freeRetries) === true;
        if (free) freeRetries++;
        const outcome = { kind: "status", status: status!, headers: response.headers } as const;
        decision = decideRetry(outcome, free ? 0 : retries++, retry);
      }
      const planned = decision?.retry ? decision.delayMs : undefined;
      let delayMs = planned;
      if (hooks?.afterAttempt) {
        delayMs = chosenWait(hooks, ticket, { answer: response, retryDelayMs: delayMs, retries });
      }
      const retried = delayMs !== undefined && !signal?.aborted;
      // An attempt never sent (the credential function failed) is not an attempt to report.
      if (sentAt !== undefined) {
        const durationMs = endedAt - sentAt;
        const ending = response ? { status: status! } : { errorName: errorName(failure) };
        history.push({ attempt, ...ending, requestId, durationMs, waitedMs });
        if (shown) {
          const result = response ? { status: status!, requestId } : { error: failure, requestId };
          const ended = observer!.response(
            shown,
            attempt,
            result as AttemptResult,
            durationMs,
            !retried,
          );
          openAttempt = retried ? attempt : 0;
          if (retried) {
            const source: DelaySource =
              delayMs !== planned
                ? "pacer"
                : ((response && serverWait(response.headers)?.header) ?? "backoff");
            observer!.retry(ended, delayMs!, source, shown.path);
          }
        }
      }
      if (retried) {
        await sleep(delayMs!, signal);
        waitedMs = delayMs!;
        continue;
      }
      if (!received || delayMs !== undefined) throw signal?.aborted ? signal.reason : failure;
      let retryAfterMs: number | null = null;
      if (decision && !decision.retry) {
        retryAfterMs = decision.retryAfterMs;
        if (retryAfterMs !== null && retryAfterMs > retry.maxRetryAfterMs) {
          warnOverCap(context, exchange, status!, requestId, retryAfterMs, retry.maxRetryAfterMs);
        }
      }
      return {
        response: received.response,
        text: received.text,
        attempts: attempt,
        history,
        retryAfterMs,
        secret: credentials.secretIn(headers),
      };
    }
  } catch (error) {
    // Ended between attempts (an abort during the wait, a failed credential function): the call's
    // hooks still get its final event, so that a span opened for it is closed.
    if (openAttempt > 0) observer!.abandoned(shown!, openAttempt, error);
    throw error;
  }
}

/** The wait before a retry: the hook's, when the transport retries at all and the hook chose one. */
function chosenWait(hooks: AttemptHooks, ticket: unknown, end: AttemptEnd): number | undefined {
  const chosen = hooks.afterAttempt?.(ticket, end);
  return end.retryDelayMs === undefined || chosen === undefined ? end.retryDelayMs : chosen;
}

/** The request as logs and hooks show it, without the credential. */
function show(context: LoopContext, exchange: Exchange, callId = 0): ShownRequest {
  const secret = context.credentials.staticSecret;
  return {
    method: exchange.method,
    url: shownUrl(exchange.url, secret),
    path: shownUrl(exchange.requestPath, secret),
    callId,
  };
}

/** A server wait over the cap is not waited out: worth a warning, since the call fails at once. */
function warnOverCap(
  context: LoopContext,
  exchange: Exchange,
  status: number,
  requestId: string | null,
  askedMs: number,
  maxRetryAfterMs: number,
): void {
  if (!context.log.on("warn")) return;
  const { method, url, path } = show(context, exchange);
  context.log.write(
    "warn",
    `${method} ${path}: ${status} not retried, the server asked to wait ${askedMs} ms (over maxRetryAfterMs ${maxRetryAfterMs})`,
    { method, url, status, requestId, retryAfterMs: askedMs, maxRetryAfterMs },
  );
}

/** The retry policy and time limit of one call: the client's, or the call's own. */
function policyFor(
  resolved: ResolvedOptions,
  options: RequestOptions | undefined,
): { retry: RetryPolicy; timeoutMs: number } {
  if (options?.maxRetries === undefined && options?.timeoutMs === undefined) {
    return { retry: resolved.retry, timeoutMs: resolved.timeoutMs };
  }
  // Callers check their options up front (checkRequestOptions); this keeps a value that came
  // another way (a spread `request` object) from reaching a timer or the retry loop unchecked.
  return {
    retry: {
      ...resolved.retry,
      maxRetries: wholeNumber(options.maxRetries, "maxRetries", resolved.retry.maxRetries, {
        min: 0,
      }),
    },
    timeoutMs: duration(options.timeoutMs, "timeoutMs", resolved.timeoutMs),
  };
}
