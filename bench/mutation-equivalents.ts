/**
 * Surviving mutants that no test can kill, each with why: the change does not alter anything a
 * caller can observe. Keyed by `file:line:column mutator` as Stryker reports it; a key that no
 * longer matches (the code moved) makes the mutant show up again in bench/MUTATION.md without a
 * reason, to be looked at anew.
 */
export function mutantKey(file: string, line: number, column: number, mutator: string): string {
  return `${file}:${line}:${column} ${mutator}`;
}

export const EQUIVALENT: Readonly<Record<string, string>> = {};
