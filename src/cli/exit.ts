/**
 * How the CLI ends: with `process.exitCode` set and stdout and stderr drained. `process.exit()`
 * with output still queued drops it: a reader that starts late (`| (sleep 1; wc -l)`) would get
 * part of a listing and exit 0.
 */

/** Resolves once everything written to `stream` so far has been handed to the OS, or the reader left. */
export function drained(stream: NodeJS.WritableStream & { destroyed?: boolean }): Promise<void> {
  return new Promise((resolve) => {
    if (stream.destroyed === true || !stream.writable) return resolve();
    // Write callbacks run in order, so this one runs after every earlier chunk was written.
    stream.write("", () => resolve());
  });
}

/**
 * A reader that goes away (`threadrun list t --all | head -1`) is not an error of the command:
 * the rest of its output is dropped instead of crashing on EPIPE.
 */
export function toleratePipeClosed(stream: NodeJS.WritableStream & { destroy?(): void }): void {
  stream.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code === "EPIPE") stream.destroy?.();
    else throw error;
  });
}

/**
 * Sets the exit code, lets stdout and stderr drain, and lets the process end by itself. Only once
 * every byte is out does a short, unreferenced timer end it anyway, so that a socket or timer left
 * behind by an aborted request cannot keep a finished command alive.
 */
export async function finish(code: number): Promise<void> {
  process.exitCode = code;
  await Promise.all([drained(process.stdout), drained(process.stderr)]);
  setTimeout(() => process.exit(), 100).unref();
}
