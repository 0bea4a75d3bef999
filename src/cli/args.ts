/**
 * The command line as the CLI reads it: the flags it knows, parsed strictly, and flag values turned
 * into what the shared validators check. An unknown flag or command names the close one
 * (`unknown option --base_url; did you mean --base-url?`); every message about a value names the
 * flag, the rule and the value as given, in the client's wording.
 */
import { parseArgs } from "node:util";
import { closest } from "../validate.js";
import { UsageError } from "./errors.js";

export const OPTIONS = {
  // Every command that talks to an API.
  "base-url": { type: "string" },
  "api-version": { type: "string" },
  json: { type: "boolean", default: false },
  "timeout-ms": { type: "string" },
  "request-timeout-ms": { type: "string" },
  "max-retries": { type: "string" },
  help: { type: "boolean", short: "h", default: false },
  version: { type: "boolean", short: "V", default: false },
  // Given once (`-v`): every retry on stderr; twice (`-vv`): every request and answer too.
  verbose: { type: "boolean", short: "v", multiple: true },
  // Options of one command or a few (help.ts says which).
  wait: { type: "boolean", default: false },
  limit: { type: "string" },
  order: { type: "string" },
  all: { type: "boolean", default: false },
  concurrency: { type: "string" },
  "max-rps": { type: "string" },
  journal: { type: "string" },
  port: { type: "string" },
  host: { type: "string" },
  "rate-limit": { type: "string" },
  "cancel-delay-ms": { type: "string" },
  "api-key": { type: "string" },
  seed: { type: "string" },
} as const;

export type Flag = keyof typeof OPTIONS;
export type Flags = ReturnType<typeof parseCommandLine>["values"];

/** Parses `argv`; a mistake in it is a {@link UsageError} saying what was meant where it can. */
export function parseCommandLine(argv: string[]) {
  try {
    return parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    const message = error instanceof Error ? error.message : String(error);
    const flag = /'(-[^']*)'/.exec(message)?.[1];
    if (code === "ERR_PARSE_ARGS_UNKNOWN_OPTION" && flag !== undefined) {
      const hint = closestFlag(flag);
      throw new UsageError(`unknown option ${flag}${hint ? `; did you mean ${hint}?` : ""}`);
    }
    throw new UsageError(message);
  }
}

/** `unknown command "cancle"; did you mean "cancel"?` */
export function unknownCommand(name: string, commands: readonly string[]): UsageError {
  const hint = closest(name, commands);
  return new UsageError(
    `unknown command ${JSON.stringify(name)}` +
      (hint ? `; did you mean ${JSON.stringify(hint)}?` : ""),
  );
}

/**
 * The flag a mistyped one most likely meant. Compared as camelCase option names, so the client's
 * aliases apply too: `--baseURL` and `--base_url` mean `--base-url`, `--timeout` `--timeout-ms`.
 */
function closestFlag(flag: string): string | undefined {
  const byCamel = new Map(Object.keys(OPTIONS).map((name) => [camel(name), name]));
  const hint = closest(camel(flag.replace(/^-+/, "")), [...byCamel.keys()]);
  return hint === undefined ? undefined : `--${byCamel.get(hint)!}`;
}

const camel = (name: string): string =>
  name.replace(/[-_]+([a-zA-Z0-9])/g, (_match, next: string) => next.toUpperCase());

/**
 * A numeric flag's text as a number when it is one, so that the validators say `got -5`; anything
 * else stays the string it was (`got the string "soon"`). An empty or blank text is not 0.
 */
export function numberFlag(text: string | undefined): unknown {
  if (text === undefined) return undefined;
  const value = Number(text);
  return text.trim() !== "" && !Number.isNaN(value) ? value : text;
}
