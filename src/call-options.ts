/**
 * The checks shared by the options of list, wait, cancelAndWait, cancelActive and cancelMany: the
 * options object and its keys, and the nested `request` options. Built on the shared validators,
 * so every message names the option, the rule and the value as given.
 */
import { checkRequestOptions, REQUEST_OPTION_KEYS, type RequestOptions } from "./options.js";
import { checkKnownKeys, checkOptionsObject } from "./validate.js";

/**
 * Checks that `options` is an object (or `undefined`) whose keys are all in `known`, and answers
 * it as a record to read the values from. `method` names the call in the unknown-key message:
 * `cancelMany: "concurency" is not an option; did you mean "concurrency"?`.
 */
export function optionsOf(
  options: unknown,
  known: readonly string[],
  method: string,
): Readonly<Record<string, unknown>> {
  checkOptionsObject(options, "options");
  if (options === undefined) return {};
  checkKnownKeys(options as object, known, method);
  return options as Record<string, unknown>;
}

/**
 * Checks a nested `request` object whose keys are limited to `allowed` (a subset of
 * {@link RequestOptions}: the method sets the others itself, such as the top-level `signal`), and
 * answers a copy without its `undefined` values.
 */
export function nestedRequest(value: unknown, allowed: readonly string[]): RequestOptions {
  checkOptionsObject(value, "request");
  if (value === undefined) return {};
  checkKnownKeys(value as object, allowed, "request");
  checkRequestOptions(value, "request");
  const copy: Record<string, unknown> = {};
  for (const [key, given] of Object.entries(value as object))
    if (given !== undefined) copy[key] = given;
  return copy as RequestOptions;
}

/** Answers the {@link RequestOptions} keys of `options` with their values (the rest is dropped). */
export function requestPart(options: Readonly<Record<string, unknown>>): RequestOptions {
  const part: Record<string, unknown> = {};
  for (const key of REQUEST_OPTION_KEYS) if (options[key] !== undefined) part[key] = options[key];
  return part as RequestOptions;
}
