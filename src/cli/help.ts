/** The --help texts: top level and per command. Exit codes are part of the contract. */

const API_OPTIONS = `Options of every command that calls the API:
  --base-url <url>            API root (default: $OPENAI_BASE_URL, else https://api.openai.com/v1)
  --api-version <v>           send ?api-version=<v> on every request (Azure AI Agents)
  --json                      print results on stdout as JSON (wire form: snake_case, Unix seconds)
  --timeout-ms <ms>           time limit of the whole command: every request, retry, backoff and
                              wait included; past it, exit 4 (default: none)
  --request-timeout-ms <ms>   time limit of each attempt, headers and body (default 60000)
  --max-retries <n>           retries of each request after 408, 409, 429, 5xx, timeouts and
                              connection errors (default 2; cancel-many 10, and 429s there do not
                              use them up)`;

const GENERAL = `General:
  -h, --help                  show help (also after a command: threadrun cancel --help)
  -V, --version               print the version
  -v, --verbose               log every retry on stderr: attempt, status or error, the wait and
                              where it came from (retry-after-ms, Retry-After, backoff, pacer)
  -vv                         also log every request and answer: method, path, status, request
                              id, duration (-vvv and more are -vv; never the key)

Environment:
  OPENAI_API_KEY              the API key or bearer token (required, except for serve)
  OPENAI_BASE_URL             default for --base-url
  THREADRUN_LOG               log level without -v: off, error, warn, info or debug (default
                              warn); -v and -vv win over it

Output: human-readable lines, log lines, live progress and summaries go to stderr; stdout carries
only --json output (and serve's base URL).

Exit codes:
  0    ok (cancel-many, cancel-active: every run is stopped)
  1    the API answered an error, or the network failed (cancel-many: some runs did not stop;
       a summary of the counts is on stderr)
  2    usage error: bad arguments, a bad id, OPENAI_API_KEY not set; nothing was sent
  3    with --wait: the run ended but not as cancelled (e.g. it completed before the cancel landed)
  4    timeout (--timeout-ms)
  130  interrupted (Ctrl-C)`;

export const COMMANDS = {
  cancel: {
    usage: "threadrun cancel <thread_id> <run_id> [--wait]",
    text: `Cancels a run. The server answers "cancelling"; with --wait, polls until the run has
stopped and shows each status change (status: cancelling → cancelled). A run that is already
cancelling or has ended is not an error: exit 0, with "already cancelled" (or its status).

Options:
  --wait                      wait until the run is terminal; exit 3 if it ended other than cancelled`,
  },
  "cancel-many": {
    usage:
      "threadrun cancel-many [FILE|-] [--concurrency N] [--max-rps N] [--wait] [--journal FILE]",
    text: `Cancels many runs, read from FILE, or from stdin when FILE is - or absent. Each line is one
run, its format detected line by line:
  {"thread_id": "thread_a", "run_id": "run_b"}     JSON lines; a run object as printed by
                                                   threadrun list --json works too (its "id")
  thread_a run_b                                   two ids separated by whitespace
  thread_id,run_id                                 CSV: a header naming the columns, then rows
Blank lines and lines starting with # are skipped. A malformed line is reported with its line
number and counted as failed; the others go on. A run that had already stopped counts as stopped.

Live progress on stderr: on a terminal one line updated in place (done/total, failed, requests
per second, 429s, ETA); otherwise a plain line every 5 s. Each failed run is listed with its
error, and a summary of the counts ends the output. Exit 0 when every run is stopped, 1 when some
failed.

Options:
  --concurrency <N>           cancels in flight at once, 1 to 1024 (default 16)
  --max-rps <N>               at most N requests per second, all requests of the command included
                              (default: as fast as the server's rate limit allows)
  --wait                      also wait until each run has stopped (terminal)
  --json                      one JSON line per run on stdout as it finishes: thread_id, run_id,
                              line, ok, and status, or error {class, status, message, request_id}
  --journal <FILE>            append one line per finished run to FILE; run the same command
                              with the same journal again to skip the runs already stopped

Ctrl-C once stops taking new runs, lets those in flight finish, writes the journal and the
summary, and exits 130; a second Ctrl-C aborts the requests in flight at once. After a crash,
re-running with the same --journal sends at most the runs that were in flight again (a cancel
of a stopped run is harmless).`,
  },
  "cancel-active": {
    usage: "threadrun cancel-active <thread_id> [--concurrency N] [--max-rps N]",
    text: `Cancels every run of the thread that has not ended, across all pages, and waits until
each one has stopped. When it exits 0, no run on the thread is active. --json prints an array of
the runs it stopped. Live progress on stderr as cancel-many shows it (runs stopped of those found
active); each run that did not stop is listed with its error, then the counts (exit 1, or 4 when
the runs left were still stopping at --timeout-ms).

Options:
  --concurrency <N>           cancels in flight at once, 1 to 1024 (default 16)
  --max-rps <N>               at most N requests per second, all requests of the command included`,
  },
  get: {
    usage: "threadrun get <thread_id> <run_id>",
    text: "Retrieves a run.",
  },
  list: {
    usage: "threadrun list <thread_id> [--limit N] [--order asc|desc] [--all]",
    text: `Lists the runs of a thread, newest first by default. --json prints an array of runs.

Options:
  --limit <N>                 runs per page, 1 to 100 (default 20)
  --order <asc|desc>          creation order (default desc)
  --all                       follow every page instead of printing only the first`,
  },
  serve: {
    usage: "threadrun serve [--port N] [--host H] [--rate-limit N] [--api-key KEY]",
    text: `Starts the reference server (threadrun/testing) for tests in any language. The first line
on stdout is its base URL (http://127.0.0.1:<port>/v1); it runs until SIGINT or SIGTERM, then
stops cleanly and exits 0. Admin routes under /__admin/ (no key needed) create runs in a given
status, inject faults, show counters and reset it: see the README.

Options:
  --port <N>                  port to listen on; 0 picks a free one (default 0)
  --host <host>               interface to listen on (default 127.0.0.1)
  --api-key <key>             the key it accepts as "Authorization: Bearer <key>" (default test-key)
  --rate-limit <N>            answer 429 past N requests per second (a token bucket, burst N)
  --cancel-delay-ms <ms>      how long a run stays "cancelling" before "cancelled" (default 50)
  --seed <N>                  ids of runs created through /__admin/ come from this seed, the
                              same each time (default: random ids)`,
  },
} as const;

export type CommandName = keyof typeof COMMANDS;

export function topHelp(): string {
  const list = Object.values(COMMANDS)
    .map((c) => `  ${c.usage}`)
    .join("\n");
  return `threadrun: cancel Assistants-style runs and wait until they have stopped.

Usage:
${list}

${API_OPTIONS}

${GENERAL}`;
}

export function commandHelp(name: CommandName): string {
  const command = COMMANDS[name];
  return `Usage: ${command.usage}

${command.text}

${name === "serve" ? "" : `${API_OPTIONS}\n\n`}${GENERAL}`;
}
