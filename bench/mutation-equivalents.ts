/**
 * Surviving mutants that no test can kill, each with why: the change does not alter anything a
 * caller can observe. Keyed by `file:line:column mutator` as Stryker reports it; a key that no
 * longer matches (the code moved) makes the mutant show up again in bench/MUTATION.md without a
 * reason, to be looked at anew.
 */
export function mutantKey(file: string, line: number, column: number, mutator: string): string {
  return `${file}:${line}:${column} ${mutator}`;
}

/** Only Node runs the mutation tests, and there `process.env` always exists. */
const NODE_ENV =
  "on Node `process.env` always exists; only a browser without `process` tells them apart (test/docs/browser.test.ts, outside the mutation run)";
/** The deadline signal refuses a poll after the deadline before anything is sent. */
const DEADLINE_SIGNAL =
  "past the deadline the next poll carries an already-aborted deadline signal: nothing is sent and the same TimeoutError (same last run) follows";
/** `until` is compared with "terminal-or-action" only. */
const UNTIL = "only `terminal-or-action` is ever compared, so any other value means `terminal`";
/** Every run a wait sees came from an answer. */
const ANSWERED =
  "every run a wait sees came from an answer (a poll or the cancel), so it always has response info and headers";

export const EQUIVALENT: Readonly<Record<string, string>> = {
  "src/errors/from-response.ts:36:19 OptionalChaining":
    "`null.error` throws inside the try, which leaves no body exactly as `undefined` does",
  "src/errors/from-response.ts:37:38 ConditionalExpression":
    "`error: null` then gives `body = null`, which every reader treats like no body (`!body`, `body?.`)",
  "src/errors/cancel-active-error.ts:52:7 ConditionalExpression":
    "every failure cancelActive records is an Error (API, connection, timeout, ThreadRunError); an abort rejects with its reason instead",
  "src/refusal.ts:25:10 ConditionalExpression":
    "`status !== undefined` is implied by what follows: undefined is neither `cancelling` nor terminal",
  "src/options.ts:151:3 ConditionalExpression": NODE_ENV,
  "src/options.ts:151:3 LogicalOperator": NODE_ENV,
  "src/options.ts:151:34 OptionalChaining": NODE_ENV,
  "src/options.ts:275:73 StringLiteral":
    "the trimmed ends are replaced by printable text, which the header-value pattern accepts just as it accepts nothing",
  "src/options.ts:311:7 ConditionalExpression": "`mergeHeaders` returns at once for `undefined`",
  "src/wait.ts:126:46 StringLiteral": `${UNTIL}; besides, every caller passes \`until\``,
  "src/wait.ts:244:60 StringLiteral": UNTIL,
  "src/wait.ts:137:11 ConditionalExpression":
    "an aborted signal also makes the next step (the poll, or the sleep) reject at once with the same reason, before anything is sent",
  "src/wait.ts:139:27 ArithmeticOperator": DEADLINE_SIGNAL,
  "src/wait.ts:140:13 ConditionalExpression": DEADLINE_SIGNAL,
  "src/wait.ts:140:13 EqualityOperator": DEADLINE_SIGNAL,
  "src/wait.ts:164:11 ConditionalExpression": `the sleep is then 0 or less, and ${DEADLINE_SIGNAL}`,
  "src/wait.ts:164:11 EqualityOperator": `the sleep is then 0, and ${DEADLINE_SIGNAL}`,
  "src/wait.ts:188:17 EqualityOperator":
    "differs only for a deadline exactly 2^31-1 ms (24.8 days) away, where a timer and none behave alike within any test",
  "src/wait.ts:199:19 OptionalChaining": ANSWERED,
  "src/wait.ts:200:7 ConditionalExpression": ANSWERED,
  // transport (M2-transport): src/transport.ts and src/transport/*.ts
  "src/transport.ts:82:15 ConditionalExpression":
    "speed only: every request then gets its own request object, with the same method and headers",
  "src/transport.ts:84:15 ConditionalExpression":
    "speed only: the cached request object is replaced by an equal one",
  "src/transport.ts:91:41 StringLiteral":
    "shownUrl on a path without a query changes it only if a thread or run id contained the API key itself",
  "src/transport.ts:104:15 ConditionalExpression":
    "the body key then holds undefined, which fetch and the HttpSender adapter (it passes a body only when it is a string) both take as no body",
  "src/transport/attempt.ts:39:11 ConditionalExpression":
    "a second settle() only follows the sender's promise ending after a time-out or an abort had settled the attempt: a second resolve or reject is ignored, and clearing the timer and listener again does nothing",
  "src/transport/attempt.ts:39:24 BooleanLiteral":
    "a second settle() only follows the sender's promise ending after a time-out or an abort had settled the attempt: a second resolve or reject is ignored, and clearing the timer and listener again does nothing",
  "src/transport/attempt.ts:71:36 StringLiteral":
    "the reason a late body is cancelled with, after its attempt already ended: nothing reads it",
  "src/transport/credentials.ts:36:27 ConditionalExpression":
    "only costs an await: headersFor() gives back the static headers themselves when there is no key function and no per-call header",
  "src/transport/credentials.ts:49:11 ConditionalExpression":
    "mergeHeaders returns at once for `undefined`; the copy it then works on holds the same headers",
  "src/transport/credentials.ts:51:38 StringLiteral":
    "per-call headers are checked before the call with their own label (checkRequestOptions, raw's check), so this merge never throws",
  "src/transport/observer.ts:52:7 ConditionalExpression":
    "speed only: a client without hooks at a level below info then builds an observer whose lines the log drops and whose hooks are unset; call ids stay distinct and increasing",
  "src/transport/observer.ts:52:38 StringLiteral":
    '`log.on("")` holds at every level, so the observer is always built; speed only, as for the `false` mutant of this line',
  "src/transport/observer.ts:127:9 ConditionalExpression":
    "speed only: `Promise.resolve` of a value that is not a promise never rejects, so the catch never runs",
  "src/transport/redact.ts:10:9 ConditionalExpression":
    "speed only: splitting a text on a form it does not contain and joining it again gives the same text",
  "src/transport/retry-loop.ts:99:13 ConditionalExpression":
    "only costs an await: headersFor() gives back the static headers themselves when there is no key function and no per-call header",
  "src/transport/retry-loop.ts:177:24 ConditionalExpression":
    "a wait is chosen but not taken only when the signal is aborted, and after an answer or a retryable failure it cannot be: an abort settles the attempt with the reason, which is never retried",
  "src/transport/retry-loop.ts:181:13 ConditionalExpression":
    "`null > maxRetryAfterMs` is false, so no server wait still means no warning",
  "src/transport/retry-loop.ts:204:18 OptionalChaining":
    "chosenWait is only called when the hooks have afterAttempt",
  "src/transport/retry-loop.ts:228:7 ConditionalExpression":
    "ClientLog.write drops a line below its level itself; the early return only skips building the line",
  "src/transport/retry-loop.ts:228:23 StringLiteral":
    '`log.on("")` holds at every level; ClientLog.write drops a line below its level itself; the early return only skips building the line',
  "src/transport/retry-loop.ts:250:51 StringLiteral":
    "every caller checks its request options first (checkRequestOptions: runs, list, the wait and bulk `request` option) with its own label, so this defence never meets a bad value",
  "src/transport/retry-loop.ts:250:92 ObjectLiteral":
    "every caller checks its request options first (checkRequestOptions: runs, list, the wait and bulk `request` option) with its own label, so this defence never meets a bad value",
  "src/transport/retry-loop.ts:254:44 StringLiteral":
    "every caller checks its request options first (checkRequestOptions: runs, list, the wait and bulk `request` option) with its own label, so this defence never meets a bad value",
  "src/transport/wire-sender.ts:41:18 BooleanLiteral":
    "speed only: fetch then always gets a signal (an idle one slows a loopback call by 15-20% on Node 20, see the comment); a time-out then aborts it through the signal instead of cancelling the body: the same TimeoutError, the connection let go either way",
  "src/transport/wire-sender.ts:58:32 StringLiteral":
    "every request the transport builds names its method (initFor always sets it), so the default is never read",
  "src/transport/wire-sender.ts:89:7 ConditionalExpression":
    "speed only: copying the one chunk into a buffer of its own length and decoding that gives the same text",
};
