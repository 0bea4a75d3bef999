/**
 * Every timer the server starts goes through one of these, so `close()` can clear them all and
 * none of them keeps a test process alive (they are unref'd).
 */
export class TimerSet {
  readonly #pending = new Set<NodeJS.Timeout>();

  /** Runs `fn` after `ms` (0 = next turn of the event loop). */
  later(ms: number, fn: () => void): void {
    const timer = setTimeout(() => {
      this.#pending.delete(timer);
      fn();
    }, ms);
    timer.unref();
    this.#pending.add(timer);
  }

  /** Promise form of {@link later}, for delaying an answer. */
  sleep(ms: number): Promise<void> {
    return new Promise((resolve) => this.later(ms, resolve));
  }

  get size(): number {
    return this.#pending.size;
  }

  clear(): void {
    for (const timer of this.#pending) clearTimeout(timer);
    this.#pending.clear();
  }
}
