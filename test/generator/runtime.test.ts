/**
 * The converters' runtime (scripts/runtime/model-runtime.ts, copied into generated/runtime.ts):
 * each helper on its own, and the copy in generated/ is the file itself.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  WireShapeError,
  arr,
  at,
  bool,
  boolOrNull,
  checkList,
  checkMap,
  date,
  dateOrNull,
  describe as describeValue,
  fail,
  isModelObject,
  isObject,
  keepUnknown,
  list,
  listToWire,
  map,
  mapToWire,
  num,
  numOrNull,
  obj,
  objOrNull,
  own,
  setOwn,
  str,
  strOrNull,
  unix,
} from "../../scripts/runtime/model-runtime.js";

/** The error `action` throws. */
function thrown(action: () => unknown): unknown {
  try {
    action();
  } catch (error) {
    return error;
  }
  throw new Error("expected a throw");
}

describe("generated/runtime.ts", () => {
  it("is scripts/runtime/model-runtime.ts below the generated header", () => {
    const source = readFileSync("scripts/runtime/model-runtime.ts", "utf8");
    const copy = readFileSync("generated/runtime.ts", "utf8");
    expect(copy.startsWith("// This file is generated: do not edit it by hand.")).toBe(true);
    expect(copy.endsWith(source)).toBe(true);
  });
});

describe("messages", () => {
  it.each([
    [undefined, "nothing (field missing)"],
    ["abc", '"abc"'],
    ["x".repeat(50), JSON.stringify("x".repeat(40) + "…")],
    [[1], "an array"],
    [null, "null"],
    [new Date(0), "a Date"],
    [{}, "an object"],
    [() => 1, "a function"],
    [Number.NaN, "NaN"],
  ])("describes %o as %s", (value, text) => {
    expect(describeValue(value)).toBe(text);
  });

  it("names the path: at() joins keys, fail() throws a WireShapeError with path, expected, received", () => {
    expect(at("", "usage")).toBe("usage");
    expect(at("usage", "prompt_tokens")).toBe("usage.prompt_tokens");
    const error = thrown(() => fail("data[1]", "status", "a string", 4));
    expect(error).toBeInstanceOf(WireShapeError);
    expect(error).toMatchObject({
      name: "WireShapeError",
      path: "data[1].status",
      expected: "a string",
      received: 4,
      message: "data[1].status: expected a string, got 4",
    });
    expect((thrown(() => fail("", "", "an object", 1)) as Error).message).toBe(
      "(root): expected an object, got 1",
    );
  });
});

describe("scalar checks", () => {
  it.each([
    [str, "a", 1, "a string"],
    [num, 1.5, "1", "a number"],
    [bool, false, 0, "a boolean"],
    [obj, { a: 1 }, [1], "an object"],
    [arr, [1], { length: 1 }, "an array"],
  ] as const)("%o keeps a good value and names a bad one", (check, good, bad, expected) => {
    expect(check(good as never, "p", "k")).toBe(good);
    expect(() => check(bad as never, "p", "k")).toThrow(`p.k: expected ${expected}`);
    expect(() => check(undefined, "p", "k")).toThrow("nothing (field missing)");
  });

  it.each([
    [strOrNull, "a", 1],
    [numOrNull, 2, "2"],
    [boolOrNull, true, "true"],
    [objOrNull, { a: 1 }, "x"],
  ] as const)("%o reads null and absence as null", (check, good, bad) => {
    expect(check(null, "", "k")).toBeNull();
    expect(check(undefined, "", "k")).toBeNull();
    expect(check(good as never, "", "k")).toBe(good);
    expect(() => check(bad as never, "", "k")).toThrow(/k: expected .* or null/);
  });

  it("tells objects from arrays, nulls and Dates", () => {
    expect(isObject({})).toBe(true);
    expect(isObject([])).toBe(false);
    expect(isObject(null)).toBe(false);
    expect(isModelObject(new Date())).toBe(false);
    expect(isModelObject({ a: 1 })).toBe(true);
  });
});

describe("timestamps", () => {
  it("reads seconds as a Date and writes it back as whole seconds", () => {
    const d = date(1699076126, "", "created_at");
    expect(d.toISOString()).toBe("2023-11-04T05:35:26.000Z");
    expect(unix(d, "createdAt")).toBe(1699076126);
    expect(unix(new Date(1699076126999), "createdAt")).toBe(1699076126);
    expect(dateOrNull(null, "", "k")).toBeNull();
    expect(dateOrNull(undefined, "", "k")).toBeNull();
  });

  it.each([["abc"], [Number.NaN], [Number.POSITIVE_INFINITY], [1e20], [null], [undefined]])(
    "refuses %o as a timestamp",
    (value) => {
      expect(() => date(value, "", "created_at")).toThrow("created_at: expected integer seconds");
    },
  );

  it("refuses an invalid Date on the way out, naming the field", () => {
    expect(() => unix(new Date(Number.NaN), "createdAt")).toThrow(
      "createdAt: expected a valid Date, got a Date",
    );
    expect(() => unix(5 as unknown as Date, "createdAt")).toThrow(
      /createdAt: expected a valid Date/,
    );
  });
});

describe("lists and maps", () => {
  it("converts each item with its path, and back", () => {
    const items = list([1, 2], "run", "times", (v, p) => date(v, p, ""));
    expect(items).toEqual([new Date(1000), new Date(2000)]);
    expect(listToWire(items, (d) => unix(d, "t"))).toEqual([1, 2]);
    expect(() => list([1, "x"], "run", "times", (v, p) => date(v, p, ""))).toThrow(
      "run.times[1]: expected integer seconds",
    );
    expect(() =>
      list([["x"]], "", "nested", (v, p) => list(v, p, "", (w, q) => num(w, q, ""))),
    ).toThrow("nested[0][0]: expected a number");
  });

  it("checks items in place", () => {
    const value = ["a", "b"];
    expect(checkList(value, "", "ids", (v, p) => str(v, p, ""))).toBe(value);
    expect(() => checkList(["a", 1], "", "ids", (v, p) => str(v, p, ""))).toThrow(
      "ids[1]: expected a string, got 1",
    );
    expect(() => checkList("a", "", "ids", (v, p) => v)).toThrow("ids: expected an array");
  });

  it("converts map values and never renames keys, __proto__ and constructor included", () => {
    const wire = JSON.parse('{"user_id": 1, "__proto__": 2, "constructor": 3}') as unknown;
    const model = map(wire, "", "seen", (v, p) => date(v, p, ""));
    expect(Object.keys(model)).toEqual(["user_id", "__proto__", "constructor"]);
    expect(Object.getPrototypeOf(model)).toBe(Object.prototype);
    expect(own(model, "__proto__")).toEqual(new Date(2000));
    const back = mapToWire(model, (d) => unix(d, "seen"));
    expect(JSON.stringify(back)).toBe('{"user_id":1,"__proto__":2,"constructor":3}');
    expect(() => map({ a: "x" }, "run", "seen", (v, p) => date(v, p, ""))).toThrow(
      "run.seen.a: expected integer seconds",
    );
  });

  it("checks map values in place", () => {
    const value = { a: "x" };
    expect(checkMap(value, "", "metadata", (v, p) => str(v, p, ""))).toBe(value);
    expect(() => checkMap({ a: 1 }, "", "metadata", (v, p) => str(v, p, ""))).toThrow(
      "metadata.a: expected a string, got 1",
    );
  });
});

describe("own properties", () => {
  it("reads inherited names as absent", () => {
    expect(own({}, "constructor")).toBeUndefined();
    expect(own({}, "toString")).toBeUndefined();
    expect(own({}, "__proto__")).toBeUndefined();
    expect(own(JSON.parse('{"constructor": "c"}') as Record<string, unknown>, "constructor")).toBe(
      "c",
    );
  });

  it("sets __proto__ as a plain field, never the prototype", () => {
    const target: Record<string, unknown> = {};
    setOwn(target, "__proto__", { polluted: true });
    expect(Object.getPrototypeOf(target)).toBe(Object.prototype);
    expect(JSON.stringify(target)).toBe('{"__proto__":{"polluted":true}}');
  });

  it("keeps unknown fields, own ones only, without overwriting known ones", () => {
    const from = JSON.parse(
      '{"id": "w", "extra": 1, "__proto__": {"x": 1}, "constructor": "c", "toString": "t"}',
    ) as Record<string, unknown>;
    const to: Record<string, unknown> = { id: "model" };
    keepUnknown(from, to, new Set(["id"]));
    expect(to["id"]).toBe("model");
    expect(Object.keys(to)).toEqual(["id", "extra", "__proto__", "constructor", "toString"]);
    expect(Object.getPrototypeOf(to)).toBe(Object.prototype);
    expect(own(to, "constructor")).toBe("c");
  });
});
