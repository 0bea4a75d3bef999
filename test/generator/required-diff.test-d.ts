/**
 * What each change to `required` in fixtures/required-diff (base → revision) does to
 * the generated types: the effect `npm run spec:diff` rates it by (scripts/lib/model-diff.ts;
 * the ratings themselves are checked in required-diff.test.ts).
 */
import { describe, expectTypeOf, it } from "vitest";
import type {
  Thing as Released,
  Wire as ReleasedWire,
} from "./fixtures/required-diff/base/generated/model.js";
import type {
  Thing as Revised,
  Wire as RevisedWire,
} from "./fixtures/required-diff/revision/generated/model.js";

describe("a field that is no longer required", () => {
  it("reading as null widens the model type: code written for the release breaks (major)", () => {
    expectTypeOf<Released["ownerId"]>().toEqualTypeOf<string>();
    expectTypeOf<Revised["ownerId"]>().toEqualTypeOf<string | null>();
    const ownerOf = (thing: Revised): string =>
      // @ts-expect-error a string | null is no longer a string
      thing.ownerId;
    void ownerOf;
  });

  it("reading as [] or as its default keeps the model type (minor)", () => {
    expectTypeOf<Revised["tags"]>().toEqualTypeOf<Released["tags"]>();
    expectTypeOf<Revised["enabled"]>().toEqualTypeOf<Released["enabled"]>();
  });
});

describe("a field that becomes required, or a new required field (major)", () => {
  it("an answer the released spec allows is not an answer the revision allows", () => {
    const answer: ReleasedWire<"ThingObject"> = {
      id: "t_1",
      owner_id: "u_1",
      tags: [],
      enabled: true,
      status: "active",
    };
    // @ts-expect-error note and added_required are now required: this answer would be refused
    const accepted: RevisedWire<"ThingObject"> = answer;
    void accepted;
  });

  it("the model type itself does not change for a nullable field made required", () => {
    expectTypeOf<Revised["note"]>().toEqualTypeOf<Released["note"]>();
  });
});

describe("an enum that loses a value (major)", () => {
  it("code comparing with the lost value no longer compiles", () => {
    // @ts-expect-error "cancelled" was renamed "canceled"
    const status: Revised["status"] = "cancelled";
    void status;
    expectTypeOf<"cancelled">().toMatchTypeOf<Released["status"]>();
  });
});

describe("a new optional field (minor)", () => {
  it("adds a field the model always has, null when absent", () => {
    expectTypeOf<Revised["addedOptional"]>().toEqualTypeOf<string | null>();
  });
});
