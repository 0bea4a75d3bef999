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

/** The pacer's dispatch treats a due time at or before now as now. */
const DUE_NOW =
  "with a token or more in hand the start is at or before now, and every caller takes a due time at or before now as now";
/** An attempt that may go at once goes through the queue otherwise, in the same call. */
const SAME_CALL =
  "the attempt is then queued and let through by the dispatch in the same call, with the same ticket; only the promise around it differs";
/** Header values come trimmed. */
const TRIMMED =
  "`Headers` strips a value's leading and trailing whitespace, and `Number` ignores it too";
/** The headers give a rate only with both a limit and a reset. */
const MISSING_LIMIT =
  "a missing limit or reset fails a later comparison anyway (`undefined > remaining`, `undefined > 0` are false)";
/** boundBy is a no-op for a 1 ms wait, and at the first refusal the cut right after is lower. */
const BOUND =
  "a wait of 1 ms bounds the pace by 1000 / 0 = Infinity, which lowers nothing; and at the first refusal the cut that follows limits the pace to 1000 / wait, below the bound 1000 / (wait - 1)";

/** The quiet count after an early refusal, decremented at 0 too. */
const QUIET_BELOW_ZERO =
  "a count decremented below 0 reads as 0: holdMs asks only `quietFor > 0`, and refusedEarly sets it to 8 afresh";
/** The pacer's fast path, taken away. */
const FAST_PATH =
  "the attempt is then queued and let through by the dispatch in the same call, with the same ticket (the transport checked just before that its signal is not aborted); the dispatch also clears `heldByRate`, which the last answer's dispatch cleared already unless waiters left on an abort of the job's signal, after which the transport refuses every request that carries it";
/** A slot freed by now, counted as held. */
const FREED_SLOT =
  "the loop runs only with exactly `limit` in flight: a request counted as holding its slot though it freed it by now makes `firstFree` a time at or before now, which every caller takes as now, as it takes `holding < limit`";
/** A window's cut that is not a measurement never leaves the pace below the recovery target. */
const WINDOW_RECOVERY =
  "in a window a cut that is not a measurement leaves the pace at 95% of before, or after a refused probe at the pace before it (at least before / 1.1); both are above the 90% of before it may grow back to, and only a later cut lowers the pace (and sets that target anew), so 0 and 90% grow the same";
/** No request starts at the instant a span begins. */
const SPAN_AFTER_PAUSE =
  "a span begins when a refusal's pause ends, with no token in hand (a refusal leaves none and a pause gathers none), so every request in it starts at least a slot later: with 20 admitted the span is above 0 (in a window it is the elapsed time, 100 ms and more)";
/** With the pace's burst always 5 ms of it, recomputing it for the same pace changes nothing. */
const SAME_BURST =
  "off the headers the burst is always 5 ms of the pace (every change of pace sets it, a refusal in flight included), and with the headers the pace never grows; recomputing it for an unchanged pace changes nothing";

/** No time left before a pause: the sleep to the deadline is a sleep of nothing. */
const NO_TIME_LEFT =
  "with no time left the pause (0 or more) is at least the time left: the call sleeps for nothing";
/** A pause that ends exactly at the deadline. */
const AT_THE_DEADLINE =
  "differs only when the pause equals the time left to the ms: the sleep then ends at the deadline, and a request started then (if the clock reads a ms short) is cut by the deadline's timer at once; the same error follows, with the same last run";

export const EQUIVALENT: Readonly<Record<string, string>> = {
  "src/errors/from-response.ts:36:19 OptionalChaining":
    "`null.error` throws inside the try, which leaves no body exactly as `undefined` does",
  "src/errors/from-response.ts:37:38 ConditionalExpression":
    "`error: null` then gives `body = null`, which every reader treats like no body (`!body`, `body?.`)",
  "src/errors/cancel-active-error.ts:52:7 ConditionalExpression":
    "every failure cancelActive records is an Error (API, connection, timeout, ThreadRunError); an abort rejects with its reason instead",
  "src/refusal.ts:33:10 ConditionalExpression":
    "`status !== undefined` is implied by what follows: undefined is neither `cancelling` nor terminal",
  "src/options.ts:188:3 ConditionalExpression": NODE_ENV,
  "src/options.ts:188:3 LogicalOperator": NODE_ENV,
  "src/options.ts:188:34 OptionalChaining": NODE_ENV,
  "src/options.ts:324:73 StringLiteral":
    "the trimmed ends are replaced by printable text, which the header-value pattern accepts just as it accepts nothing",
  "src/options.ts:360:7 ConditionalExpression": "`mergeHeaders` returns at once for `undefined`",
  "src/wait.ts:126:46 StringLiteral": `${UNTIL}; besides, every caller passes \`until\``,
  "src/wait.ts:256:60 StringLiteral": UNTIL,
  "src/wait.ts:137:11 ConditionalExpression":
    "an aborted signal also makes the next step (the poll, or the sleep) reject at once with the same reason, before anything is sent",
  "src/wait.ts:139:27 ArithmeticOperator": DEADLINE_SIGNAL,
  "src/wait.ts:140:13 ConditionalExpression": DEADLINE_SIGNAL,
  "src/wait.ts:140:13 EqualityOperator": DEADLINE_SIGNAL,
  "src/wait.ts:164:11 ConditionalExpression":
    "the time left is then 0 or less, below any pause: the wait sleeps for nothing and gives up with the same TimeoutError",
  "src/wait.ts:164:11 EqualityOperator":
    "the time left is then 0, below any pause (1 ms at least): the wait sleeps for nothing and gives up with the same TimeoutError",
  "src/wait.ts:200:17 EqualityOperator":
    "differs only for a deadline exactly 2^31-1 ms (24.8 days) away, where a timer and none behave alike within any test",
  "src/wait.ts:211:19 OptionalChaining": ANSWERED,
  "src/wait.ts:212:7 ConditionalExpression": ANSWERED,
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
  "src/cancel-active.ts:63:37 BooleanLiteral":
    "saw() meets an untracked run only in a cancel round (an answer naming another run), which ignores its answer",
  "src/cancel-active.ts:66:41 ConditionalExpression":
    "marking a stopped run stopped again changes nothing: a stopped run has no error left to delete",
  "src/cancel-active.ts:66:57 StringLiteral":
    "marking a stopped run stopped again changes nothing: a stopped run has no error left to delete",
  "src/cancel-active.ts:77:9 ConditionalExpression":
    "fail() is only called for a run of the current round whose own result failed, or that was never sent: it has not been seen since its look, so it is still `stopping` (short of a server answering another run's cancel with this run)",
  "src/cancel-active.ts:77:9 LogicalOperator":
    "fail() is only called for a run of the current round whose own result failed, or that was never sent: it has not been seen since its look, so it is still `stopping` (short of a server answering another run's cancel with this run)",
  "src/cancel-active.ts:77:32 ConditionalExpression":
    "fail() is only called for a run of the current round whose own result failed, or that was never sent: it has not been seen since its look, so it is still `stopping` (short of a server answering another run's cancel with this run)",
  "src/cancel-active.ts:77:48 StringLiteral":
    "fail() is only called for a run of the current round whose own result failed, or that was never sent: it has not been seen since its look, so it is still `stopping` (short of a server answering another run's cancel with this run)",
  "src/cancel-active.ts:86:31 ArrayDeclaration":
    "a string in `late` has no `id`: fail(undefined) finds no run and does nothing",
  "src/cancel-active.ts:90:13 EqualityOperator":
    "differs only when the clock reads the deadline's very millisecond",
  "src/cancel-active.ts:131:25 UpdateOperator":
    "`looks` is only compared with 0, which it is on the first look either way",
  // M2-pacer: the bulk pacer (pacer.ts, pacer-rate.ts, pacer-concurrency.ts, rate-headers.ts)
  "src/pacer-rate.ts:151:19 ConditionalExpression": DUE_NOW,
  "src/pacer-rate.ts:151:19 EqualityOperator": DUE_NOW,
  "src/pacer-rate.ts:267:11 ConditionalExpression":
    "`undefined <= 50` is false, so a refusal without a wait still takes the no-wait branch",
  "src/pacer-rate.ts:360:36 EqualityOperator":
    "each request is answered once, so the same request never syncs twice",
  "src/pacer-rate.ts:365:9 ConditionalExpression": MISSING_LIMIT,
  "src/pacer-rate.ts:365:9 LogicalOperator": MISSING_LIMIT,
  "src/pacer-rate.ts:365:32 ConditionalExpression": MISSING_LIMIT,
  "src/pacer-rate.ts:381:9 ConditionalExpression": BOUND,
  "src/pacer-rate.ts:381:9 LogicalOperator": BOUND,
  "src/pacer-rate.ts:415:9 EqualityOperator": "pausing again until the same moment changes nothing",
  // M3-rate: the last survivors of pacer-rate.ts
  "src/pacer-rate.ts:263:50 ConditionalExpression": SPAN_AFTER_PAUSE,
  "src/pacer-rate.ts:263:50 EqualityOperator": SPAN_AFTER_PAUSE,
  "src/pacer-rate.ts:287:23 ConditionalExpression": WINDOW_RECOVERY,
  "src/pacer-rate.ts:287:23 EqualityOperator": WINDOW_RECOVERY,
  "src/pacer-rate.ts:351:12 BlockStatement": SAME_BURST,
  "src/pacer.ts:106:11 EqualityOperator": SAME_CALL,
  "src/pacer.ts:106:42 EqualityOperator": SAME_CALL,
  "src/pacer.ts:114:15 ConditionalExpression":
    "the abort listener is removed when the attempt is let through, so an abort always finds its waiter still queued",
  "src/pacer.ts:117:58 ObjectLiteral": "an AbortSignal fires `abort` once only",
  "src/pacer.ts:117:66 BooleanLiteral": "an AbortSignal fires `abort` once only",
  "src/pacer.ts:236:27 OptionalChaining": "`onAbort` is set only for a waiter that has a signal",
  "src/pacer.ts:243:9 EqualityOperator":
    "a second timer for the moment already armed only runs a dispatch that finds nothing new to do",
  "src/pacer.ts:246:11 ConditionalExpression":
    "a timer that fires after an earlier one was armed and fired can only let a second timer be armed for a moment already armed: an extra dispatch that finds nothing new",
  "src/rate-headers.ts:50:20 MethodExpression": TRIMMED,
  "src/rate-headers.ts:51:10 MethodExpression": TRIMMED,
  "src/rate-headers.ts:60:16 MethodExpression": TRIMMED,
  // M3-conc: the survivors of pacer.ts and pacer-concurrency.ts (issue 16, part 3)
  "src/pacer-concurrency.ts:205:9 ConditionalExpression": QUIET_BELOW_ZERO,
  "src/pacer-concurrency.ts:205:9 EqualityOperator": QUIET_BELOW_ZERO,
  "src/pacer-concurrency.ts:208:9 EqualityOperator":
    "when the bound equals the lead, `Math.min(most, lead + step)` gives the lead again",
  "src/pacer.ts:85:31 BooleanLiteral":
    "read only for a 429 of an attempt sent before the pacer's last reaction, and every reaction (the only place `reactedSeq` moves) sets it first",
  "src/pacer.ts:104:9 ConditionalExpression": FAST_PATH,
  "src/pacer.ts:104:36 BlockStatement": FAST_PATH,
  "src/pacer.ts:106:11 ConditionalExpression": FAST_PATH,
  "src/pacer.ts:213:11 ConditionalExpression": FREED_SLOT,
  "src/pacer.ts:213:11 EqualityOperator": FREED_SLOT,
  "src/pacer.ts:228:16 ConditionalExpression":
    "`wakeAt(Infinity)` returns at once: Infinity is never before the armed timer's moment, which is Infinity when none is armed",
  "src/pacer.ts:236:11 ConditionalExpression":
    "`onAbort` is set exactly when the waiter has a signal; without one, `signal?.` calls nothing",
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
  // Lead, part 3: the deadline cuts of wait and cancelActive, the attempt's controller.
  "src/cancel-active.ts:190:9 ConditionalExpression": `${NO_TIME_LEFT}, and it stops looking the same`,
  "src/cancel-active.ts:190:9 EqualityOperator": `${NO_TIME_LEFT}, and it stops looking the same`,
  "src/cancel-active.ts:193:9 EqualityOperator": AT_THE_DEADLINE,
  "src/wait.ts:165:11 EqualityOperator": AT_THE_DEADLINE,
  "src/transport/attempt.ts:37:24 ConditionalExpression":
    "the call times out at the same moment with the same TimeoutError either way: with a controller fetch is aborted then, without one the late answer's body is cancelled as its headers arrive (late-headers.test.ts); only when the socket is let go differs",
  "src/transport/credentials.ts:55:29 ConditionalExpression":
    "speed only: `staticSecret` is `secretOf(staticHeaders)`, worked out once; working it out again gives the same secret",
  // Two mutants share this key: the whole condition to `false` is killed; this reason is for the
  // left operand's, which survives.
  "src/retry.ts:108:7 ConditionalExpression":
    "without a Retry-After header `after` is undefined, `Number(undefined)` is NaN and no HTTP date is found in it, so the same `null` follows",
  "src/pacer-rate.ts:181:9 EqualityOperator": `${SPAN_AFTER_PAUSE}; so no request is sent at the very instant the span begins, where \`>=\` and \`>\` would differ`,
};
