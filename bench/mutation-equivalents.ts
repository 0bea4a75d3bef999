/**
 * Surviving mutants that no test can kill, each with why: the change does not alter anything a
 * caller can observe. Keyed by `file:line:column mutator` as Stryker reports it; a key that no
 * longer matches (the code moved) makes the mutant show up again in bench/MUTATION.md without a
 * reason, to be looked at anew.
 */
export function mutantKey(file: string, line: number, column: number, mutator: string): string {
  return `${file}:${line}:${column} ${mutator}`;
}

/** Reading `.error` of a JSON primitive gives undefined, and of `null` throws inside the try. */
const PRIMITIVE_BODY =
  "a JSON primitive has no `error` property and `null.error` throws inside the try: either way no body, as before";
/** An empty excerpt is dropped by `rawBody ? { rawBody } : {}`. */
const BLANK_BODY =
  "a body of only whitespace flattens to an empty excerpt, which is dropped like no excerpt";

export const EQUIVALENT: Readonly<Record<string, string>> = {
  "src/errors/from-response.ts:37:7 ConditionalExpression": PRIMITIVE_BODY,
  "src/errors/from-response.ts:37:7 LogicalOperator": PRIMITIVE_BODY,
  "src/errors/from-response.ts:37:37 ConditionalExpression": PRIMITIVE_BODY,
  "src/errors/from-response.ts:40:38 ConditionalExpression":
    "`error: null` then gives `body = null`, which every reader treats like no body (`!body`, `body?.`)",
  "src/errors/from-response.ts:45:16 ConditionalExpression": BLANK_BODY,
  "src/errors/from-response.ts:45:16 MethodExpression": BLANK_BODY,
  "src/errors/from-response.ts:45:36 StringLiteral": BLANK_BODY,
  "src/errors/cancel-active-error.ts:52:7 ConditionalExpression":
    "every failure cancelActive records is an Error (API, connection, timeout, ThreadRunError); an abort rejects with its reason instead",
  "src/refusal.ts:25:10 ConditionalExpression":
    "`status !== undefined` is implied by what follows: undefined is neither `cancelling` nor terminal",
};
