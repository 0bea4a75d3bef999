import type { WireRun } from "./wire.js";

/** A stored run plus what ordering needs; the run object itself is what goes on the wire. */
export interface StoredRun {
  readonly run: WireRun;
  /** created_at captured at insertion, so a later odd override cannot break the ordering. */
  readonly createdAt: number;
  /** Insertion counter: breaks created_at ties (many runs share one second). */
  readonly seq: number;
}

interface Thread {
  readonly byId: Map<string, StoredRun>;
  /** Ascending by (created_at, seq); appends are the common case, so insertion is O(1) then. */
  readonly ordered: StoredRun[];
}

/** One page of a listing, in the requested order. */
export interface RunPage {
  data: WireRun[];
  hasMore: boolean;
}

/** Paging parameters after validation. */
export interface PageQuery {
  limit: number;
  order: "asc" | "desc";
  after?: string | undefined;
  before?: string | undefined;
}

/**
 * In-memory runs: Map<threadId, Map<runId, run>> for O(1) lookups, plus a per-thread ordered
 * array so paging never sorts.
 */
export class RunStore {
  readonly #threads = new Map<string, Thread>();
  #seq = 0;
  #size = 0;

  get size(): number {
    return this.#size;
  }

  /** Whether a thread is known: a run was created on it, or {@link addThread} made it. */
  hasThread(threadId: string): boolean {
    return this.#threads.has(threadId);
  }

  /** Forgets every run and thread. */
  clear(): void {
    this.#threads.clear();
    this.#size = 0;
  }

  /** Makes a thread known, with no runs yet (`createRuns(0, { threadId })`). */
  addThread(threadId: string): void {
    this.#thread(threadId);
  }

  #thread(threadId: string): Thread {
    let thread = this.#threads.get(threadId);
    if (thread === undefined) {
      thread = { byId: new Map(), ordered: [] };
      this.#threads.set(threadId, thread);
    }
    return thread;
  }

  /** Stores `run`; throws if its id is already taken on that thread (a test bug, not a wire case). */
  add(run: WireRun): StoredRun {
    const thread = this.#thread(run.thread_id);
    if (thread.byId.has(run.id)) {
      throw new Error(`run ${JSON.stringify(run.id)} already exists on ${run.thread_id}`);
    }
    const createdAt = typeof run.created_at === "number" ? run.created_at : 0;
    const stored: StoredRun = { run, createdAt, seq: this.#seq++ };
    thread.byId.set(run.id, stored);
    const ordered = thread.ordered;
    const last = ordered[ordered.length - 1];
    if (last === undefined || last.createdAt <= createdAt) {
      ordered.push(stored);
    } else {
      ordered.splice(upperBound(ordered, createdAt), 0, stored);
    }
    this.#size++;
    return stored;
  }

  get(threadId: string, runId: string): StoredRun | undefined {
    return this.#threads.get(threadId)?.byId.get(runId);
  }

  /** All runs of one thread (or of every thread), oldest first. */
  all(threadId?: string): StoredRun[] {
    if (threadId !== undefined) return [...(this.#threads.get(threadId)?.ordered ?? [])];
    const out: StoredRun[] = [];
    for (const thread of this.#threads.values()) out.push(...thread.ordered);
    return out;
  }

  /**
   * One page of a thread's runs. Cursors are run ids and exclusive, as on the wire: `after` gives
   * the runs following the cursor in the requested order, `before` the ones preceding it (the
   * nearest `limit` of them). Answers `{ unknownCursor }` when a cursor names no run of the thread.
   */
  page(threadId: string, query: PageQuery): RunPage | { unknownCursor: "after" | "before" } {
    const ordered = this.#threads.get(threadId)?.ordered ?? [];
    const n = ordered.length;
    // Work in "view" positions (0 = first in the requested order), mapped onto the ascending array.
    const toView = (ascIndex: number) => (query.order === "asc" ? ascIndex : n - 1 - ascIndex);
    let lo = 0;
    let hi = n;
    if (query.after !== undefined) {
      const at = this.#position(threadId, query.after);
      if (at === -1) return { unknownCursor: "after" };
      lo = toView(at) + 1;
    }
    if (query.before !== undefined) {
      const at = this.#position(threadId, query.before);
      if (at === -1) return { unknownCursor: "before" };
      hi = toView(at);
    }
    if (hi < lo) hi = lo;
    const available = hi - lo;
    const count = Math.min(query.limit, available);
    // With only `before`, the page is the run(s) right before the cursor; otherwise right after lo.
    const start = query.before !== undefined && query.after === undefined ? hi - count : lo;
    const data: WireRun[] = new Array<WireRun>(count);
    for (let i = 0; i < count; i++) {
      const view = start + i;
      data[i] = ordered[query.order === "asc" ? view : n - 1 - view]!.run;
    }
    return { data, hasMore: available > count };
  }

  /** Ascending index of a run in its thread, by binary search on (created_at, seq); -1 if absent. */
  #position(threadId: string, runId: string): number {
    const thread = this.#threads.get(threadId);
    const stored = thread?.byId.get(runId);
    if (thread === undefined || stored === undefined) return -1;
    const ordered = thread.ordered;
    let lo = 0;
    let hi = ordered.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const probe = ordered[mid]!;
      if (probe === stored) return mid;
      if (
        probe.createdAt < stored.createdAt ||
        (probe.createdAt === stored.createdAt && probe.seq < stored.seq)
      ) {
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    return -1;
  }
}

/** First index whose created_at is greater than `createdAt` (so equal keys keep insertion order). */
function upperBound(ordered: StoredRun[], createdAt: number): number {
  let lo = 0;
  let hi = ordered.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (ordered[mid]!.createdAt <= createdAt) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
