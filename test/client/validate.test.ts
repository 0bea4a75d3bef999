/**
 * The shared option validators (src/validate.ts), one function at a time: what each accepts, what
 * it returns, and the exact wording of its messages (the parameter, the rule, the value as given).
 * They are pure functions; the loopback tests in options.test.ts show them at work in the client.
 */
import { describe as group, expect, it } from "vitest";
import {
  checkKnownKeys,
  checkOptionsObject,
  closest,
  describe,
  duration,
  httpUrl,
  keysOf,
  nonEmptyString,
  oneOf,
  optionalFunction,
  optionalSignal,
  wholeNumber,
} from "../../src/validate.js";
import { failure } from "../support/client.js";

/** The error `action` throws, checked to be of class `type`. */
async function thrown(action: () => unknown, type: typeof TypeError | typeof RangeError) {
  const error = await failure(action);
  expect(error).toBeInstanceOf(type);
  return (error as Error).message;
}

group("describe", () => {
  it.each([
    [null, "null"],
    [undefined, "undefined"],
    ["1000", 'the string "1000"'],
    ["", 'the string ""'],
    [-1, "-1"],
    [-0, "-0"],
    [Number.NaN, "NaN"],
    [Number.POSITIVE_INFINITY, "Infinity"],
    [10n, "the bigint 10n"],
    [false, "false"],
    [Symbol("s"), "a symbol"],
    [() => 1, "a function"],
    [[1, 2], "an array"],
    [{ a: 1 }, "an object"],
    [Object.create(null) as object, "an object"],
    [new Date(0), "a Date"],
    [new AbortController(), "an AbortController"],
  ])("%s -> %s", (value, shown) => {
    expect(describe(value)).toBe(shown);
  });

  it("shortens a long string, keeping room for a long URL", () => {
    const url = `https://my-resource.services.ai.azure.com/api/projects/${"p".repeat(50)}`;
    expect(describe(url)).toBe(`the string ${JSON.stringify(url)}`);
    expect(describe("x".repeat(300))).toBe(`the string "${"x".repeat(157)}..."`);
  });

  it("with secret: says what kind of value, never the value", () => {
    expect(describe("sk-live-123456", { secret: true })).toBe("a string (not shown)");
    expect(describe(123456, { secret: true })).toBe("a number (not shown)");
    expect(describe(5n, { secret: true })).toBe("a bigint (not shown)");
    expect(describe(null, { secret: true })).toBe("null");
    expect(describe({}, { secret: true })).toBe("an object");
  });
});

group("checkOptionsObject", () => {
  it("accepts undefined and objects", () => {
    expect(() => checkOptionsObject(undefined, "options")).not.toThrow();
    expect(() => checkOptionsObject({}, "options")).not.toThrow();
    expect(() => checkOptionsObject(new AbortController(), "options")).not.toThrow();
  });

  it.each([
    ["run_2", 'options must be an object, got the string "run_2"'],
    [null, "options must be an object, got null"],
    [[], "options must be an object, got an array"],
    [3, "options must be an object, got 3"],
  ])("refuses %j", async (value, message) => {
    expect(await thrown(() => checkOptionsObject(value, "options"), TypeError)).toBe(message);
  });

  it("with secret: does not show a string (it may be the key)", async () => {
    const message = await thrown(
      () => checkOptionsObject("sk-live-123456", "createClient: options", { secret: true }),
      TypeError,
    );
    expect(message).toBe("createClient: options must be an object, got a string (not shown)");
  });
});

group("closest", () => {
  const known = ["apiKey", "baseUrl", "timeoutMs", "maxRetries", "headers", "signal"];

  it.each([
    ["baseURL", "baseUrl"], // the openai package's spelling, a known alias
    ["timeout", "timeoutMs"], // alias
    ["defaultHeaders", "headers"], // alias
    ["retries", "maxRetries"], // alias
    ["token", "apiKey"], // alias
    ["APIKEY", "apiKey"], // case only
    ["api_key", "apiKey"], // one edit
    ["apiKye", "apiKey"], // two edits in a name of 6 letters
    ["maxRetires", "maxRetries"], // two edits
    ["sigal", "signal"], // one edit in a short name
  ])("%s -> %s", (key, hint) => {
    expect(closest(key, known)).toBe(hint);
  });

  it("two neighbours swapped count as one edit, so short names are caught too", () => {
    expect(closest("wiat", ["wait", "json"])).toBe("wait");
    expect(closest("cancle", ["cancel", "get"])).toBe("cancel");
    expect(closest("jsno", ["wait", "json"])).toBe("json");
    // Two swaps in a short name are a guess.
    expect(closest("iwta", ["wait", "json"])).toBeUndefined();
  });

  it.each(["organization", "xyz", "sig", "fetchy"])("%s -> no suggestion", (key) => {
    expect(closest(key, known)).toBeUndefined();
  });

  it("an alias whose target is not known falls back to spelling", () => {
    expect(closest("limit", ["concurrency", "limits"])).toBe("concurrency");
    expect(closest("limit", ["limits", "order"])).toBe("limits");
  });

  it("a name on Object.prototype is not taken for an alias", () => {
    expect(closest("constructor", known)).toBeUndefined();
    expect(closest("toString", known)).toBeUndefined();
  });
});

group("checkKnownKeys", () => {
  const known = ["apiKey", "baseUrl"];

  it("accepts known keys, explicit undefined included", () => {
    expect(() => checkKnownKeys({ apiKey: "k", baseUrl: undefined }, known, "x")).not.toThrow();
  });

  it("names the unknown key and the close one", async () => {
    expect(
      await thrown(() => checkKnownKeys({ baseURL: "u" }, known, "createClient"), TypeError),
    ).toBe('createClient: "baseURL" is not an option; did you mean "baseUrl"?');
  });

  it("lists the options when none is close", async () => {
    expect(await thrown(() => checkKnownKeys({ zzz: 1 }, known, "createClient"), TypeError)).toBe(
      'createClient: "zzz" is not an option (the options are "apiKey", "baseUrl")',
    );
  });

  it("ignores inherited keys", () => {
    const options = Object.create({ inherited: 1 }) as object;
    expect(() => checkKnownKeys(options, known, "x")).not.toThrow();
  });
});

group("keysOf", () => {
  it("returns the keys of the record it is given", () => {
    interface Options {
      a?: number;
      b?: string | undefined;
    }
    expect(keysOf<Options>({ a: true, b: true })).toEqual(["a", "b"]);
  });
});

group("wholeNumber", () => {
  it("returns the value, or the fallback for undefined", () => {
    expect(wholeNumber(3, "concurrency", 16, { min: 1, max: 1024 })).toBe(3);
    expect(wholeNumber(undefined, "concurrency", 16, { min: 1, max: 1024 })).toBe(16);
    expect(wholeNumber(0, "maxRetries", 2, { min: 0 })).toBe(0);
  });

  it.each([
    [-1, { min: 1, max: 1024 }, "concurrency must be a whole number from 1 to 1024, got -1"],
    [2e6, { min: 1, max: 1024 }, "concurrency must be a whole number from 1 to 1024, got 2000000"],
    [1.5, { min: 0 }, "concurrency must be a whole number >= 0, got 1.5"],
    [Number.NaN, { min: 0 }, "concurrency must be a whole number >= 0, got NaN"],
    [Infinity, { min: 0 }, "concurrency must be a whole number >= 0, got Infinity"],
  ])("%s is a RangeError", async (value, rule, message) => {
    expect(await thrown(() => wholeNumber(value, "concurrency", 1, rule), RangeError)).toBe(
      message,
    );
  });

  it("a string is a TypeError that shows it as a string", async () => {
    expect(await thrown(() => wholeNumber("2", "maxRetries", 2, { min: 0 }), TypeError)).toBe(
      'maxRetries must be a whole number >= 0, got the string "2"',
    );
  });
});

group("duration", () => {
  it("returns the value, or the fallback for undefined", () => {
    expect(duration(250, "timeoutMs", 60_000)).toBe(250);
    expect(duration(undefined, "timeoutMs", 60_000)).toBe(60_000);
    expect(duration(0, "retryBaseDelayMs", 500, { zeroOk: true })).toBe(0);
    expect(duration(0.5, "timeoutMs", 1)).toBe(0.5);
  });

  it('a string is a TypeError: got the string "1000"', async () => {
    expect(await thrown(() => duration("1000", "timeoutMs", 1), TypeError)).toBe(
      'timeoutMs must be a number of ms > 0, got the string "1000"',
    );
  });

  it.each([
    [0, false, "timeoutMs must be a number of ms > 0, got 0"],
    [-5, true, "timeoutMs must be a number of ms >= 0, got -5"],
    [Infinity, false, "timeoutMs must be a number of ms > 0, got Infinity"],
    [Number.NaN, true, "timeoutMs must be a number of ms >= 0, got NaN"],
  ])("%s (zeroOk %s) is a RangeError", async (value, zeroOk, message) => {
    expect(await thrown(() => duration(value, "timeoutMs", 1, { zeroOk }), RangeError)).toBe(
      message,
    );
  });
});

group("optionalFunction", () => {
  it("returns a function or undefined", () => {
    const f = () => 1;
    expect(optionalFunction(f, "onStatus")).toBe(f);
    expect(optionalFunction(undefined, "onStatus")).toBeUndefined();
  });

  it("refuses anything else", async () => {
    expect(await thrown(() => optionalFunction("x", "onProgress"), TypeError)).toBe(
      'onProgress must be a function, got the string "x"',
    );
  });
});

group("optionalSignal", () => {
  it("returns a signal or undefined", () => {
    const signal = AbortSignal.timeout(1000);
    expect(optionalSignal(signal, "signal")).toBe(signal);
    expect(optionalSignal(undefined, "signal")).toBeUndefined();
  });

  it("refuses the controller where its signal goes", async () => {
    expect(await thrown(() => optionalSignal(new AbortController(), "signal"), TypeError)).toBe(
      "signal must be an AbortSignal, got an AbortController",
    );
  });
});

group("nonEmptyString", () => {
  it("returns the string, or the fallback for undefined", () => {
    expect(nonEmptyString("v1", "apiVersion", undefined)).toBe("v1");
    expect(nonEmptyString(undefined, "apiVersion", undefined)).toBeUndefined();
  });

  it.each([
    ["", 'apiVersion must be a non-empty string, got the string ""'],
    [2025, "apiVersion must be a non-empty string, got 2025"],
  ])("refuses %j", async (value, message) => {
    expect(await thrown(() => nonEmptyString(value, "apiVersion", undefined), TypeError)).toBe(
      message,
    );
  });
});

group("oneOf", () => {
  it("returns the choice, or the fallback for undefined", () => {
    expect(oneOf("asc", "order", ["asc", "desc"], "desc")).toBe("asc");
    expect(oneOf(undefined, "order", ["asc", "desc"], "desc")).toBe("desc");
  });

  it("names the choices and suggests the close one", async () => {
    expect(await thrown(() => oneOf("ASC", "order", ["asc", "desc"], "desc"), TypeError)).toBe(
      'order must be one of "asc", "desc", got the string "ASC"; did you mean "asc"?',
    );
    expect(await thrown(() => oneOf(1, "--order", ["asc", "desc"], "desc"), TypeError)).toBe(
      '--order must be one of "asc", "desc", got 1',
    );
  });
});

group("httpUrl", () => {
  it("returns the parsed URL for http and https", () => {
    expect(httpUrl("https://api.openai.com/v1", "baseUrl").href).toBe("https://api.openai.com/v1");
    expect(httpUrl("http://127.0.0.1:4010/v1?tenant=x", "baseUrl").search).toBe("?tenant=x");
  });

  it.each([
    [
      "localhost:8080/v1",
      'baseUrl must be an absolute http or https URL, got the string "localhost:8080/v1"; did you mean "http://localhost:8080/v1"?',
    ],
    [
      "127.0.0.1:4010/v1",
      'baseUrl must be an absolute http or https URL, got the string "127.0.0.1:4010/v1"; did you mean "http://127.0.0.1:4010/v1"?',
    ],
    [
      "api.example.com/v1",
      'baseUrl must be an absolute http or https URL, got the string "api.example.com/v1"; did you mean "https://api.example.com/v1"?',
    ],
    [
      "htps://api.example.com/v1",
      'baseUrl must be an absolute http or https URL, got the string "htps://api.example.com/v1"; did you mean "https://api.example.com/v1"?',
    ],
    [
      "ftp://files.example.com/v1",
      'baseUrl must be an absolute http or https URL, got the string "ftp://files.example.com/v1"',
    ],
    ["not a url", 'baseUrl must be an absolute http or https URL, got the string "not a url"'],
    ["", 'baseUrl must be an absolute http or https URL, got the string ""'],
  ])("%j is refused with a suggestion where one fits", async (value, message) => {
    expect(await thrown(() => httpUrl(value, "baseUrl"), TypeError)).toBe(message);
  });

  it("a non-string is a TypeError showing the value", async () => {
    expect(await thrown(() => httpUrl(8080, "baseUrl"), TypeError)).toBe(
      "baseUrl must be an absolute http or https URL, got 8080",
    );
  });

  it.each([
    "https://user:hunter2-secret@api.example.com/v1",
    "https://hunter2-secret@api.example.com/v1",
    "https://user:hunter2@secret@api.example.com/v1",
    "user:hunter2-secret@localhost:8080/v1",
  ])("credentials in %s are refused without showing them", async (value) => {
    const message = await thrown(() => httpUrl(value, "baseUrl"), TypeError);
    expect(message).toMatch(/^baseUrl must not contain a user name or password/);
    expect(message).toContain("***@");
    expect(message).not.toContain("hunter2");
    expect(message).not.toContain("secret");
    expect(message).not.toContain("user:");
  });

  it.each(["https://api.example.com/v1#runs", "https://api.example.com/v1#"])(
    "a fragment (%s) is refused",
    async (value) => {
      expect(await thrown(() => httpUrl(value, "baseUrl"), TypeError)).toBe(
        `baseUrl must not have a fragment (#...), got the string ${JSON.stringify(value)}`,
      );
    },
  );
});
