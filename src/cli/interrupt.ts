/**
 * Ctrl-C for a command that must not lose work: the first SIGINT asks it to stop taking new work
 * and finish what is in flight; the second (and any later one) to abort at once. While this is
 * installed, SIGINT does not kill the process; the command decides how it ends (exit 130).
 */
export function onInterrupt(first: () => void, again: () => void): () => void {
  let seen = 0;
  const handler = () => {
    seen++;
    if (seen === 1) first();
    else again();
  };
  process.on("SIGINT", handler);
  return () => void process.off("SIGINT", handler);
}
