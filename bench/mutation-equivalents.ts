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
};
