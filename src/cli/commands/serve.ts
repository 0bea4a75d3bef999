/**
 * `threadrun serve`: the reference server (`threadrun/testing`) as a process, for tests written in
 * any language. The first line on stdout is its base URL; the admin routes under `/__admin/`
 * seed runs and inject faults; SIGINT or SIGTERM stops it cleanly (exit 0).
 */
import { startRunsServer, type RunsServerOptions } from "../../testing/index.js";
import { duration, finiteNumber, nonEmptyString, wholeNumber } from "../../validate.js";
import { numberFlag, type Flags } from "../args.js";
import { EXIT } from "../errors.js";

/** The flags of serve as server options, checked before anything starts. */
export function serveSettings(values: Flags): RunsServerOptions {
  const rate =
    values["rate-limit"] === undefined
      ? undefined
      : finiteNumber(numberFlag(values["rate-limit"]), "--rate-limit", "required", {
          min: 0,
          exclusiveMin: true,
        });
  const seed =
    values.seed === undefined
      ? undefined
      : wholeNumber(numberFlag(values.seed), "--seed", 0, { min: 0, max: 0xffff_ffff });
  return {
    port: wholeNumber(numberFlag(values.port), "--port", 0, { min: 0, max: 65_535 }),
    host: nonEmptyString(values.host, "--host", "127.0.0.1"),
    apiKey: nonEmptyString(values["api-key"], "--api-key", "test-key"),
    ...(rate === undefined ? {} : { rateLimit: { requestsPerSecond: rate } }),
    ...(values["cancel-delay-ms"] === undefined
      ? {}
      : {
          cancelDelayMs: duration(numberFlag(values["cancel-delay-ms"]), "--cancel-delay-ms", 50, {
            zeroOk: true,
          }),
        }),
    admin: seed === undefined ? true : { seed },
  };
}

export async function serve(options: RunsServerOptions, keyGiven: boolean): Promise<number> {
  const server = await startRunsServer(options);
  const stopped = new Promise<string>((resolve) => {
    process.once("SIGINT", () => resolve("SIGINT"));
    process.once("SIGTERM", () => resolve("SIGTERM"));
  });
  process.stdout.write(`${server.url}\n`);
  const origin = new URL(server.url).origin;
  process.stderr.write(
    // A key given on the command line is not echoed: it may be a real one, reused.
    `threadrun serve: the reference server is at ${server.url} (key: ${keyGiven ? "as given by --api-key" : '"test-key"'})\n` +
      `threadrun serve: admin routes at ${origin}/__admin/ (GET it for the list); Ctrl-C stops it\n`,
  );
  const signal = await stopped;
  await server.close();
  process.stderr.write(`threadrun serve: stopped (${signal})\n`);
  return EXIT.ok;
}
