/**
 * Every error class of the package names itself: `error.name` is the class's name (what a log line,
 * `String(error)` and a check across realms, where `instanceof` fails, go by), also for an error a
 * caller builds, for example in a test of their own code. A fresh ApiError tells of one attempt.
 */
import { describe, expect, it } from "vitest";
import {
  ApiError,
  AuthenticationError,
  BadRequestError,
  CancelActiveError,
  ConflictError,
  ConnectionError,
  InternalServerError,
  InvalidResponseError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
  ThreadRunError,
  TimeoutError,
  UnprocessableEntityError,
} from "../../src/index.js";

const init = (status: number) => ({
  status,
  method: "POST",
  path: "/v1/threads/thread_1/runs/run_1/cancel",
  headers: new Headers(),
  body: { message: "refused" },
});

/** Built inside each test, where a mutation run can see which code the test reaches. */
const BUILT: [string, () => Error][] = [
  ["ThreadRunError", () => new ThreadRunError("something went wrong")],
  ["TimeoutError", () => new TimeoutError("Run run_1 did not stop within 10 ms", 10)],
  ["ConnectionError", () => new ConnectionError("GET", "http://localhost/v1", new Error("reset"))],
  ["CancelActiveError", () => new CancelActiveError("thread_1", [], [])],
  ["InvalidResponseError", () => new InvalidResponseError("not JSON", { field: null })],
  ["ApiError", () => new ApiError(init(418))],
  ["BadRequestError", () => new BadRequestError(init(400))],
  ["AuthenticationError", () => new AuthenticationError(init(401))],
  ["PermissionDeniedError", () => new PermissionDeniedError(init(403))],
  ["NotFoundError", () => new NotFoundError(init(404))],
  ["ConflictError", () => new ConflictError(init(409))],
  ["UnprocessableEntityError", () => new UnprocessableEntityError(init(422))],
  ["RateLimitError", () => new RateLimitError(init(429), null)],
  ["InternalServerError", () => new InternalServerError(init(500))],
];

describe("the name of each error class", () => {
  it.each(BUILT)("%s", (name, build) => {
    const error = build();
    expect(error.name).toBe(name);
    expect(String(error).startsWith(`${name}: `)).toBe(true);
    expect(error).toBeInstanceOf(ThreadRunError);
  });

  it("a fresh ApiError tells of one attempt and no history yet", () => {
    const error = new ApiError(init(418));
    expect(error.attempts).toBe(1);
    expect(error.history).toEqual([]);
  });
});
