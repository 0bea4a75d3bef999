/**
 * How many attempts a bulk job keeps in flight. Some servers refuse by the number of requests in
 * flight, whatever their rate (a gateway's connection cap answers 429 beyond N at once): slowing
 * the rate down does not help there, holding fewer in flight does. So the limit starts small and
 * doubles while answers come back without such refusals (slow start), drops to just below the
 * level that was refused, and tries one more after a quiet spell, waiting twice as long after each
 * try the server refused (additive increase, and a back-off on the probing itself).
 *
 * Which 429s the count in flight explains: after a cut, any refusal above the level cut to (or
 * at it while one more is tried) until enough clean answers accept the new level; otherwise,
 * refusals at a level where most recent requests were refused while the levels below passed
 * cleanly. A rate limiter refuses at every level alike.
 */

/** The answers remembered to tell a cap on requests in flight from a rate limit. */
const HISTORY = 256;
/** The first limit, doubled while it holds the workers back and no 429 is explained by it. */
const SLOW_START = 4;
/**
 * Quiet time before trying one more in flight. A single refusal may also be a rate limiter's (a
 * burst that happened to reach a high level): until the same level is refused again, one more is
 * tried soon. Once it is, the wait doubles after each refused try, up to the max.
 */
const UNCONFIRMED_PROBE_MS = 100;
const PROBE_EVERY_MS = 500;
const PROBE_EVERY_MAX_MS = 8_000;
/** A refusal this soon after a try doubles the wait before the next one (once confirmed). */
const PROBE_GRACE_MS = 250;
/** A silent 429 (no wait, no limit) at this many in flight or more is first blamed on the cap. */
const SILENT_LEVEL = 3;
/** A level tried is accepted after this many clean answers per request it allows in flight. */
const ACCEPT = 4;

export class ConcurrencyLimit {
  /** Attempts allowed in flight now. */
  limit: number;
  /** The limit held the workers back since it last changed: only then is growing it useful. */
  held = false;
  /** A refusal was explained by the number in flight: the server caps it. */
  capped = false;
  private readonly levels = new Uint16Array(HISTORY);
  private readonly refusals = new Uint8Array(HISTORY);
  private recorded = 0;
  private slowStart = true;
  private cleanSinceChange = 0;
  private changedAt = 0;
  private probedAt = Number.NEGATIVE_INFINITY;
  private probeEveryMs = PROBE_EVERY_MS;
  /** The level refused at the last cut, and whether a refusal there has been seen twice. */
  private cutLevel = Number.POSITIVE_INFINITY;
  private confirmed = false;
  /** Levels up to here passed after the last cut; above it, one more is being tried. */
  private safeLevel = Number.POSITIVE_INFINITY;
  private cleanAbove = 0;

  constructor(private readonly max: number) {
    this.limit = Math.min(max, SLOW_START);
  }

  /** An answer that was not a 429 came back for an attempt sent at `level` in flight. */
  passed(level: number, now: number): void {
    this.remember(level, 0);
    this.cleanSinceChange++;
    // Enough clean answers at a probed level accept it.
    if (level > this.safeLevel && ++this.cleanAbove >= ACCEPT * level) {
      this.safeLevel = this.limit;
      this.cleanAbove = 0;
    }
    if (this.limit >= this.max || !this.held || this.cleanSinceChange < this.limit) return;
    if (this.slowStart) {
      this.change(Math.min(this.max, this.limit * 2), now);
    } else if (
      now - this.changedAt >=
      (this.confirmed ? this.probeEveryMs : UNCONFIRMED_PROBE_MS)
    ) {
      this.change(this.limit + 1, now);
      this.probedAt = now;
    }
  }

  /**
   * A 429 came back for an attempt sent at `level` in flight, after the pacer's last reaction (the
   * refusals of attempts already in flight then are not counted: a rate limiter's burst of them,
   * all at the highest level, would look like a cap). Answers whether the number in flight
   * explains it (and then the limit drops below that level), or not (a rate limit's refusal).
   *
   * `silent`: the 429 named no wait and no limit, as a gateway's cap on connections answers (a
   * rate limiter almost always says when to come back). Then the number in flight is blamed
   * first, from SILENT_LEVEL up: a pace cut for a cap's refusal would hold the job far below
   * the cap, and grow back only slowly. Refusals that go on at levels already cut below show
   * it was a rate after all.
   */
  refused(level: number, now: number, silent = false): boolean {
    // While one more is being tried (the limit above the level last accepted), a refusal at
    // that level or above is the try's answer: the extra request may overtake others on the way.
    const probing = this.limit > this.safeLevel;
    const probeAnswer = level > this.safeLevel || (probing && level === this.safeLevel);
    const presumed =
      silent &&
      level >= SILENT_LEVEL &&
      (this.cutLevel === Number.POSITIVE_INFINITY || level >= this.cutLevel - 1);
    const explained = probeAnswer || presumed || this.explains(level);
    this.remember(level, 1);
    if (!explained) return false;
    this.slowStart = false;
    this.capped = true;
    if (level <= this.cutLevel + 1 && this.cutLevel !== Number.POSITIVE_INFINITY) {
      if (this.confirmed && now - this.probedAt < PROBE_GRACE_MS) {
        this.probeEveryMs = Math.min(PROBE_EVERY_MAX_MS, this.probeEveryMs * 2);
      }
      this.confirmed = true;
    }
    this.probedAt = Number.NEGATIVE_INFINITY;
    const to = probeAnswer ? Math.max(level - 1, this.safeLevel) : level - 1;
    if (to < this.limit) {
      this.change(Math.max(1, to), now);
      this.cutLevel = to + 1;
    }
    this.safeLevel = this.limit;
    this.cleanAbove = 0;
    return true;
  }

  private explains(level: number): boolean {
    let passedBelow = 0;
    let refusedBelow = 0;
    let passedFrom = 0;
    let refusedFrom = 1; // this one
    const n = Math.min(this.recorded, HISTORY);
    for (let i = 0; i < n; i++) {
      const below = (this.levels[i] as number) < level;
      if (this.refusals[i] === 1) {
        if (below) refusedBelow++;
        else refusedFrom++;
      } else if (below) passedBelow++;
      else passedFrom++;
    }
    return (
      passedBelow >= Math.max(4, level) &&
      refusedBelow * 20 <= passedBelow &&
      passedFrom < refusedFrom
    );
  }

  private remember(level: number, refused: 0 | 1): void {
    const at = this.recorded++ % HISTORY;
    this.levels[at] = Math.min(level, 65_535);
    this.refusals[at] = refused;
  }

  private change(limit: number, now: number): void {
    this.limit = limit;
    this.changedAt = now;
    this.cleanSinceChange = 0;
    this.held = false;
  }
}

/** How much sooner, per answer admitted, the next request may go; how much a refusal takes back. */
const LEAD_STEP_MS = 0.005;
const LEAD_BACK = 0.5;
/** After a request sent early was refused, none goes early until this many answers came back. */
const QUIET_ANSWERS = 8;
/** Below this lead, nothing goes early, and a refusal of one that did is the cap's. */
const MIN_LEAD_MS = 0.5;
/** The weight of each new sample in a running average of round trips. */
const LATENCY_WEIGHT = 0.05;

/**
 * When a request sent under a cap on requests in flight frees its slot. The server frees it when
 * it sends the answer, a trip over the wire (and the client's turn) before the client sees it: a
 * client that waits for answers leaves every slot idle that long, each time (8 held 20 ms with a
 * 3 ms round trip: 15% slower than the cap allows). So once a cap was found, a request counts as
 * holding its slot only until `lead` ms before its answer is expected (the average round trip of
 * admitted requests), and the next one may go then. The lead grows by LEAD_STEP_MS with each
 * admitted answer, never past the round trip of a refused request (a refusal takes no time on
 * the server), and halves when a request sent early is refused; after such a refusal nothing
 * goes early for QUIET_ANSWERS answers.
 */
export class SlotTiming {
  /** The average ms from sending an admitted request to its answer; NaN before the first. */
  private latencyMs = Number.NaN;
  /** The average round trip of a refused request (refused at once: no time on the server). */
  private roundTripMs = Number.NaN;
  private leadMs = 0;
  /** Admitted answers to wait for before the next early request. */
  private quietFor = 0;

  /**
   * The usual round trip of an admitted request, in ms (NaN before the first): a running average
   * in which one slow answer (a stalled server) counts as at most twice the average.
   */
  get usualMs(): number {
    return this.latencyMs;
  }

  /** A 429 came `latencyMs` after its request was sent. */
  refused(latencyMs: number): void {
    this.roundTripMs = average(this.roundTripMs, latencyMs);
  }

  /** An answer that was not a 429 came `latencyMs` after its request was sent. */
  admitted(latencyMs: number): void {
    this.latencyMs = average(this.latencyMs, Math.min(latencyMs, 2 * this.latencyMs || latencyMs));
    if (this.quietFor > 0) this.quietFor--;
    // The server freed the slot at most a round trip before the answer came.
    const most = Math.min(this.latencyMs / 2, this.roundTripMs);
    if (most > this.leadMs) this.leadMs = Math.min(most, this.leadMs + LEAD_STEP_MS);
  }

  /**
   * A request sent early (beyond the limit, counting on a slot freed by then) was refused. Answers
   * whether the timing explains it; if not (no lead to take back), the cap does.
   */
  refusedEarly(): boolean {
    this.quietFor = QUIET_ANSWERS;
    if (this.leadMs < MIN_LEAD_MS) return false;
    this.leadMs *= LEAD_BACK;
    return true;
  }

  /**
   * ms after its send that a request in flight is taken to hold its slot; NaN when unknown, and
   * for a few answers after an early request was refused (a stalled server holds every slot
   * longer: sending early again at once would only be refused again).
   */
  holdMs(): number {
    if (this.quietFor > 0 || this.leadMs < MIN_LEAD_MS) return Number.NaN;
    return this.latencyMs - this.leadMs;
  }
}

function average(mean: number, sample: number): number {
  return Number.isNaN(mean) ? sample : mean + LATENCY_WEIGHT * (sample - mean);
}
