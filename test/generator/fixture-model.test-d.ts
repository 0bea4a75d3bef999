import { expectTypeOf, it } from "vitest";
import type { PausedRun, PausedRunUsage } from "./fixtures/generated/model.js";

it("types the fixture's new unixtime field as Date | null, from the spec alone", () => {
  expectTypeOf<PausedRun["pausedAt"]>().toEqualTypeOf<Date | null>();
  expectTypeOf<PausedRun["createdAt"]>().toEqualTypeOf<Date>();
  expectTypeOf<PausedRun["usage"]>().toEqualTypeOf<PausedRunUsage | null>();
  // @ts-expect-error the wire name is not a model field
  expectTypeOf<PausedRun["paused_at"]>().toBeUnknown();
});
