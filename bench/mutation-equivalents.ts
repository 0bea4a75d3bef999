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
  // M2-bulk: cancelMany's machinery (bulk.ts) and cancelActive (cancel-active.ts).
  "src/bulk.ts:69:18 BooleanLiteral":
    "closeSource() and sourceFailed() are followed at once by `stopped = true`, and every later reader of `sourceOpen` (pump, the end of the loop) checks `stopped` first or with it",
  "src/bulk.ts:73:28 OptionalChaining":
    "a source without `return()` then throws a TypeError inside the try, which swallows it as it does a throwing `return()`",
  "src/bulk.ts:80:9 ConditionalExpression":
    "stop() without an error then runs `stopError ??= undefined`, which leaves it as it was",
  "src/bulk.ts:81:9 ConditionalExpression":
    "a second stop() finds the source closed already (closeSource returns at once) and only wakes the loop, which re-checks its state",
  "src/bulk.ts:101:13 ConditionalExpression":
    "a callback that returns no promise is then wrapped in a resolved one: the end waits one more microtask, nothing else changes",
  "src/bulk.ts:126:40 OptionalChaining":
    "an item is handed over after a stop that had an error (abort, callback, source); after a break (no error) report() drops it before reading this",
  "src/bulk.ts:138:18 BooleanLiteral":
    "closeSource() and sourceFailed() are followed at once by `stopped = true`, and every later reader of `sourceOpen` (pump, the end of the loop) checks `stopped` first or with it",
  "src/bulk.ts:169:21 BooleanLiteral":
    "a rejected pull stops the job at once, and pump, the only reader of `pulling`, takes nothing once stopped",
  "src/bulk.ts:177:39 OptionalChaining": "onAbort is only added to a signal that exists",
  "src/bulk.ts:178:46 ObjectLiteral":
    "an AbortSignal fires `abort` once, and the listener is removed when the loop ends",
  "src/bulk.ts:178:54 BooleanLiteral":
    "an AbortSignal fires `abort` once, and the listener is removed when the loop ends",
  "src/bulk.ts:193:16 BooleanLiteral":
    "after a normal end every item has its result, the source has ended or been closed and nothing is in flight: marking the loop left and stopping again changes nothing",
  "src/bulk.ts:196:9 ConditionalExpression":
    "after a normal end every item has its result, the source has ended or been closed and nothing is in flight: marking the loop left and stopping again changes nothing",
  "src/bulk.ts:216:52 StringLiteral":
    "the error of an attempt refused after the loop was left goes nowhere: its item's result is dropped",
  "src/cancel-active.ts:41:5 EqualityOperator":
    "differs only for a timeout of exactly 2^31-1 ms (24.8 days), where a timer and none behave alike within any test",
  "src/cancel-active.ts:54:37 BooleanLiteral":
    "saw() meets an untracked run only in a cancel round (an answer naming another run), which ignores its answer",
  "src/cancel-active.ts:57:41 ConditionalExpression":
    "marking a stopped run stopped again changes nothing: a stopped run has no error left to delete",
  "src/cancel-active.ts:57:57 StringLiteral":
    "marking a stopped run stopped again changes nothing: a stopped run has no error left to delete",
  "src/cancel-active.ts:68:9 ConditionalExpression":
    "fail() is only called for a run of the current round whose own result failed, or that was never sent: it has not been seen since its look, so it is still `stopping` (short of a server answering another run's cancel with this run)",
  "src/cancel-active.ts:68:9 LogicalOperator":
    "fail() is only called for a run of the current round whose own result failed, or that was never sent: it has not been seen since its look, so it is still `stopping` (short of a server answering another run's cancel with this run)",
  "src/cancel-active.ts:68:32 ConditionalExpression":
    "fail() is only called for a run of the current round whose own result failed, or that was never sent: it has not been seen since its look, so it is still `stopping` (short of a server answering another run's cancel with this run)",
  "src/cancel-active.ts:68:48 StringLiteral":
    "fail() is only called for a run of the current round whose own result failed, or that was never sent: it has not been seen since its look, so it is still `stopping` (short of a server answering another run's cancel with this run)",
  "src/cancel-active.ts:77:31 ArrayDeclaration":
    "a string in `late` has no `id`: fail(undefined) finds no run and does nothing",
  "src/cancel-active.ts:81:13 EqualityOperator":
    "differs only when the clock reads the deadline's very millisecond",
  "src/cancel-active.ts:122:25 UpdateOperator":
    "`looks` is only compared with 0, which it is on the first look either way",
  "src/cancel-active.ts:222:9 LogicalOperator":
    "the look's requests carry the deadline signal: once it has fired they fail with its reason; another error would have to land in the same turn of the event loop",
  "src/cancel-active.ts:222:35 ConditionalExpression":
    "the look's requests carry the deadline signal: once it has fired they fail with its reason; another error would have to land in the same turn of the event loop",
};
