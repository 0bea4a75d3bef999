/**
 * The rate side of the bulk pacer: a token bucket on the client that mirrors the server's limit,
 * and how it learns that limit from everything the server says.
 *
 * - Before the server says anything, the pace starts at START_RATE and doubles every RAMP_MS
 *   while it holds the workers back and the last step's requests came back clean (TCP's slow
 *   start): the first 429 finds the job at most about twice over the limit, and a server's full
 *   burst is still used within a few hundred ms.
 * - `x-ratelimit-remaining` on any answer (successful ones included) sets the mirror's tokens: what
 *   is left, minus a reserve and the requests sent since that answer's request. With the limit and
 *   the reset it also gives the refill rate ((limit - remaining) / reset): the job slows down
 *   before a 429, and needs none.
 * - A 429 whose wait is precise (`retry-after-ms`) pauses everyone until then: a token bucket's
 *   next token is a few ms away, a fixed window's next window can be seconds away. A token bucket's
 *   wait also bounds its rate (below 1000 / (wait - 1) per second). A coarse wait (`Retry-After: 1`)
 *   is only an upper bound: the pacer pauses one slot and tries again, longer only while every try
 *   is refused.
 * - The timing of its own 429s: a rate limiter has no capacity left when it refuses, so between
 *   two refusals it admitted what it generated. The requests admitted in between, over the time
 *   between (from when capacity came back), is the server's rate when the client was well over it
 *   all along. Otherwise it is a lower bound (a bucket that filled up while the client was slow
 *   lost what overflowed): the best such measurement is a floor the pace is not cut below, and
 *   rare refusals (requests bunched up by a stalled client or server) only nudge the pace.
 * - With no refusal for a while, the pace grows a little at a time (a probe); a probe the server
 *   refuses is taken back, and the next one waits twice as long. After a cut, the pace grows back
 *   quickly to just below where it was.
 */
import type { RateHeaders } from "./rate-headers.js";

/** Requests per second before the server has said anything, and how fast that grows. */
const START_RATE = 100;
const RAMP_MS = 25;
/**
 * The mirror keeps this much time's worth of requests (at least 2) as burst, so a timer that
 * fires late loses no slot.
 */
const CATCH_UP_MS = 5;
/** A precise wait up to this long is a token bucket's next token; a longer one, a window's end. */
const SHORT_WAIT_MS = 50;
/** Spans between refusals shorter than this are too noisy to measure a rate from... */
const MIN_SPAN_MS = 100;
/** ...and in a window, shorter than this they may not cover a whole window. */
const WINDOW_SPAN_MS = 500;
/** Refused this share of a span or more: the client was well over the limit the whole span... */
const WELL_OVER = 0.1;
/** ...and a measurement needs at least this many admitted requests. */
const MIN_SAMPLES = 20;
/** The floor under cuts stays this far below the best rate measured. */
const FLOOR_MARGIN = 0.95;
/** Refused less than this share of a measured span: noise (bunching on the way), not the pace. */
const NOISE = 0.03;
/** The pace binds when at least this share of a period's requests had waited for their slot. */
const HELD = 0.5;
/**
 * No refusal cuts the pace below this share of what the server admitted over the last second
 * (a multiplicative decrease at most): a client that stalled and then sent a catch-up burst is
 * refused for the burst, not because the server got slower.
 */
const FLOOR_SHARE = 0.5;
/** After a cut, the pace grows back this fast to just below where it was cut (then probes). */
const RECOVERY = 1.25;
const RECOVER_TO = 0.9;
/** The pace runs this much below a measured rate, so the server's bucket refills a little. */
const MARGIN = 0.98;
/** The slowdown for a refusal that does not say by how much, and for a rare one. */
const EASE = 0.95;
const NUDGE = 0.99;
/** Probing: quiet time first, then a step every PROBE_EVERY_MS, doubled after a refused probe. */
const QUIET_MS = 500;
const PROBE_EVERY_MS = 250;
const PROBE_EVERY_MAX_MS = 4_000;
const FIRST_PROBES = 1.1;
const LATER_PROBES = 1.03;
/** The slowest pace: one request every two seconds. */
const MIN_RATE = 0.5;
/** Kept in hand below what the server says is left: other traffic may share the key. */
const RESERVE_SHARE = 0.03;

export class PacerRate {
  /** Requests per second let through now. */
  rate: number;
  private tokens = 1;
  private capacity = 1;
  private refilledAt: number;
  private pausedUntil = Number.NEGATIVE_INFINITY;
  /** Set by the first 429 or header that says something about the limit. */
  private learning = false;
  /** The server states its limit in headers: no ramp, no probes. */
  private told = false;
  /**
   * The first refusal named a wait far longer than a token's: a window. What a window admits right
   * after a refusal says little about its rate (a sliding window still holds the burst that filled
   * it), so refusals there pause for the wait named and ease the pace, but are not measured.
   */
  private windowed = false;
  private events = 0;
  private periodStart: number;
  private periodSent = 0;
  private periodHeld = 0;
  private firstSentAt = Number.NaN;
  private passedTotal = 0;
  /** The span since capacity last came back: admitted and refused in it. */
  private spanStart: number;
  private spanPassed = 0;
  private spanRefused = 0;
  /**
   * What a rate is measured from: the requests sent in the span that were admitted, up to the last
   * one answered. (Answers counted as they come back would include requests sent before the span
   * began, a whole concurrency's worth when the pace has just come down from a burst: a rate
   * measured 20% over the server's.)
   */
  private spanSentPassed = 0;
  private spanLastSentAt = Number.NEGATIVE_INFINITY;
  private lastEventAt = Number.NEGATIVE_INFINITY;
  /** 429s for attempts up to this one were in flight when the pacer last slowed down. */
  private reactedSeq = 0;
  private probedAt = Number.NEGATIVE_INFINITY;
  private probeFrom = 0;
  private probeEveryMs = PROBE_EVERY_MS;
  private probeFactor = FIRST_PROBES;
  private blindPauseMs = 0;
  private syncedSeq = 0;
  /** The last request sent, the last one answered, and the last one sent when the ramp grew. */
  private sentSeq = 0;
  private answeredSeq = 0;
  private rampSeq = 0;
  /**
   * The most the server was measured to admit over a span (with a margin): a token bucket's rate
   * is at least that, so a refusal cuts no lower unless refusals persist there.
   */
  private floor = 0;
  private overAtFloor = false;
  /** The pace grows back quickly up to here after a cut. */
  private recoverTo = 0;
  /** Admitted requests per 100 ms over the last second (a ring), for the floor of a cut. */
  private readonly admitted = new Uint32Array(10);
  private admittedSlot = 0;

  constructor(
    private readonly ceiling: number,
    now: number,
  ) {
    this.rate = Math.min(ceiling, START_RATE);
    this.refilledAt = this.periodStart = this.spanStart = now;
    this.capacity = this.burstFor(this.rate);
  }

  /** When the next request may start. */
  dueAt(now: number): number {
    this.refill(now);
    const start = this.tokens >= 1 ? now : now + ((1 - this.tokens) * 1000) / this.rate;
    return Math.max(start, this.pausedUntil);
  }

  /** Request `seq` starts now (it was due); `held`: it had waited for its slot in time. */
  take(now: number, held: boolean, seq: number): void {
    this.sentSeq = seq;
    this.refill(now);
    this.tokens -= 1;
    this.periodSent++;
    if (held) this.periodHeld++;
    if (Number.isNaN(this.firstSentAt)) this.firstSentAt = now;
    const elapsed = now - this.periodStart;
    if (elapsed >= RAMP_MS) {
      // Grown only while the pace holds the workers back: raising a pace they do not reach
      // teaches nothing, and lets them burst past the limit when they speed up.
      if (this.periodHeld >= HELD * this.periodSent && !this.told) this.grow(now);
      this.periodStart = now;
      this.periodSent = this.periodHeld = 0;
    }
  }

  /**
   * An answer other than a 429 came back (any status: the server's limiter admitted it) for the
   * attempt `seq`, sent at `sentAt`; `latestSeq` was the last one sent.
   */
  passed(seq: number, latestSeq: number, headers: RateHeaders, now: number, sentAt: number): void {
    this.answeredSeq = Math.max(this.answeredSeq, seq);
    this.passedTotal++;
    this.spanPassed++;
    if (sentAt >= this.spanStart) {
      this.spanSentPassed++;
      this.spanLastSentAt = Math.max(this.spanLastSentAt, sentAt);
    }
    this.admittedLastSecond(now);
    this.admitted[this.admittedSlot % 10]!++;
    this.blindPauseMs = 0;
    this.sync(seq, latestSeq, headers, now);
  }

  /** A 429 the rate is blamed for, for the attempt `seq`; `latestSeq` was the last one sent. */
  refused(seq: number, latestSeq: number, headers: RateHeaders, now: number): void {
    this.spanRefused++;
    this.refill(now);
    this.sync(seq, latestSeq, headers, now);
    const wait = headers.retryAfterMs;
    const precise = wait !== undefined && !headers.coarse;
    if (precise && wait <= SHORT_WAIT_MS && !this.windowed) this.boundBy(wait, now);
    if (seq <= this.reactedSeq) {
      // In flight when the pacer reacted: the same event, but its wait may say more.
      if (precise) this.pause(now, now + wait);
      if (precise && this.events === 1 && wait <= SHORT_WAIT_MS && !this.windowed) {
        this.limit(1000 / wait);
      }
      // A pace lowered here (the wait's bound, or one request per wait) keeps 5 ms of it as burst.
      if (!this.told) this.capacity = this.burstFor(this.rate);
      return;
    }
    this.reactedSeq = latestSeq;
    this.events++;
    const back = precise ? now + wait : now;
    const span = back - this.spanStart;
    // Refusals close together are one episode: slowed down once, then measured over the episode.
    const episode = this.learning && !this.told && span < MIN_SPAN_MS && this.probeFrom === 0;
    if (!episode) this.slowDown(back, precise ? wait : undefined, now);
    this.rate = Math.min(this.ceiling, Math.max(MIN_RATE, this.rate));
    this.capacity = this.told ? this.capacity : this.burstFor(this.rate);
    // Nothing in hand after a refusal: the next request goes one slot after the pause.
    this.tokens = Math.min(this.tokens, 0);
    if (precise) {
      this.pause(now, back);
    } else {
      // No wait, or only "within a second": one slot, longer only while every try is refused.
      const slot = 1000 / this.rate;
      const refusedAgain = this.spanPassed === 0 && this.events > 1;
      const cap = wait ?? 1000;
      this.blindPauseMs = refusedAgain
        ? Math.min(cap, Math.max(slot, this.blindPauseMs * 2))
        : slot;
      this.pause(now, now + this.blindPauseMs);
    }
    this.lastEventAt = now;
    if (episode) return;
    this.spanStart = back;
    this.spanPassed = this.spanRefused = this.spanSentPassed = 0;
    this.spanLastSentAt = Number.NEGATIVE_INFINITY;
  }

  /** The new pace after a refusal that starts a new event. */
  private slowDown(back: number, preciseWait: number | undefined, now: number): void {
    if (this.told) return; // the headers keep the rate; the refusal only pauses
    const before = this.rate;
    const first = !this.learning;
    const measured = this.cut(back, preciseWait, now);
    this.rate = Math.max(this.rate, FLOOR_SHARE * this.admittedLastSecond(now));
    // A cut that guessed (halved, eased) may have gone too far: the pace grows back quickly to
    // just below where it was. Not past a measurement, and not to the ramp's pace at the first
    // refusal, which says nothing about the limit.
    if (this.rate < before && !first) this.recoverTo = measured ? 0 : RECOVER_TO * before;
  }

  /** Cuts the pace after a refusal; answers whether the new pace was measured. */
  private cut(back: number, preciseWait: number | undefined, now: number): boolean {
    // A window is measured from one window's start to the next (`back`, when the refused request
    // may go again), counting the answers in between: it admits its limit there, however early
    // the pace used it up. A bucket is measured by send times, from when capacity came back to the
    // last request answered (all sent before it are answered: no request in flight is missed).
    const elapsed = back - this.spanStart;
    const span = this.windowed ? elapsed : this.spanLastSentAt - this.spanStart;
    const passed = this.windowed ? this.spanPassed - 1 : this.spanSentPassed;
    const measured = (passed * 1000) / span;
    const answered = this.spanPassed + this.spanRefused;
    const measurable = elapsed >= MIN_SPAN_MS && span > 0 && passed >= MIN_SAMPLES;
    let tookMeasure = false;
    if (!this.learning) {
      this.learning = true;
      if (preciseWait !== undefined && preciseWait <= SHORT_WAIT_MS) {
        this.limit(1000 / preciseWait); // a token bucket's next token
      } else if (preciseWait !== undefined) {
        // A window's end: what passed so far, over the time until the next window opens.
        this.windowed = true;
        this.limit(((this.passedTotal * 1000) / Math.max(1, back - this.firstSentAt)) * MARGIN);
      } else {
        // No wait, or only "within a second": the limit lies between what was admitted lately
        // (the ramp was slower before) and the pace refused. Half that pace, unless what was
        // admitted says far less (a small bucket's burst hides little). Nothing admitted yet
        // says nothing (the key's other traffic may have emptied the bucket): half the pace.
        const admitted = this.passedTotal > 0 ? 1.5 * this.admittedRecently(now) : Infinity;
        this.limit(Math.min(this.rate / 2, admitted));
      }
    } else {
      if (this.windowed) {
        // Measured only from one window's start to the next: a fixed window admits its limit in
        // between. Shorter spans see a sliding window still holding an earlier burst.
        const cut = measurable && span >= WINDOW_SPAN_MS ? measured * MARGIN : this.rate;
        const eased = this.rate * EASE;
        tookMeasure = cut < eased;
        this.rate = Math.max(this.rate / 2, Math.min(eased, cut));
      } else {
        const credible = measurable ? measured * MARGIN : 0;
        if (
          !measurable &&
          elapsed >= MIN_SPAN_MS &&
          this.spanRefused >= Math.max(3, this.spanPassed)
        ) {
          // Refused as often as admitted, too few to measure: clearly over. Halve.
          this.rate = Math.max(this.rate / 2, this.floorHolds());
        } else if (measurable && this.spanRefused < NOISE * answered) {
          // Refusals were rare: requests that bunched up on the way (a stalled client or server)
          // met a small bucket, or the pace is just over. Only a nudge.
          this.rate = Math.max(this.rate * NUDGE, this.floor);
        } else if (measurable && this.spanRefused >= WELL_OVER * answered) {
          // Well over all along: the span measured the server.
          this.rate = Math.max(this.rate / 2, credible, this.floorHolds());
          tookMeasure = this.rate === credible;
        } else {
          this.rate = Math.max(this.rate * EASE, credible, this.floor);
        }
        // The best of many noisy measurements reads high: the floor keeps a wider margin.
        if (measurable) this.floor = Math.max(this.floor, measured * FLOOR_MARGIN);
      }
      if (this.probeFrom > 0) {
        // The first refusal since a probe answers it: back to the pace before, probe later.
        this.rate = Math.min(this.rate, this.probeFrom);
        this.probeEveryMs = Math.min(PROBE_EVERY_MAX_MS, this.probeEveryMs * 2);
        this.probeFactor = LATER_PROBES;
      }
    }
    this.probeFrom = 0;
    this.probedAt = Number.NEGATIVE_INFINITY;
    return tookMeasure;
  }

  /**
   * The floor under a cut that finds the pace clearly over, or 0 when it gives way: over the
   * limit again at the floor, the limit itself went down.
   */
  private floorHolds(): number {
    const atFloor = this.rate <= this.floor * 1.05;
    if (atFloor && this.overAtFloor) this.floor = 0;
    this.overAtFloor = atFloor;
    return this.floor;
  }

  private grow(now: number): void {
    if (this.rate >= this.ceiling) return;
    if (!this.learning) {
      // Like TCP's slow start: doubled again only once the last step's requests came back clean,
      // so a slow round trip slows the ramp, and the first refusal finds it at most 2x over.
      if (this.answeredSeq < this.rampSeq) return;
      this.rampSeq = this.sentSeq;
      this.rate = Math.min(this.ceiling, this.rate * 2);
    } else if (this.rate < this.recoverTo) {
      if (now - this.lastEventAt < PROBE_EVERY_MS || now - this.probedAt < PROBE_EVERY_MS) return;
      this.probedAt = now;
      this.rate = Math.min(this.ceiling, this.recoverTo, this.rate * RECOVERY);
    } else if (now - this.lastEventAt >= QUIET_MS && now - this.probedAt >= this.probeEveryMs) {
      this.probeFrom = this.rate;
      this.probedAt = now;
      this.rate = Math.min(this.ceiling, this.rate * this.probeFactor);
    } else {
      return;
    }
    this.capacity = this.burstFor(this.rate);
  }

  /** Headers that state the limit: the mirror's tokens, and its rate when the reset says it. */
  private sync(seq: number, latestSeq: number, headers: RateHeaders, now: number): void {
    const { remaining, limit, resetMs } = headers;
    if (remaining === undefined || seq <= this.syncedSeq) return;
    this.syncedSeq = seq;
    this.told = this.learning = true;
    const reserve = Math.max(2, RESERVE_SHARE * (limit ?? remaining));
    if (limit !== undefined) this.capacity = Math.max(1, limit - reserve);
    if (limit !== undefined && resetMs !== undefined && resetMs > 0 && limit > remaining) {
      this.rate = Math.min(
        this.ceiling,
        Math.max(MIN_RATE, ((limit - remaining) * 1000) / resetMs),
      );
    }
    // What is left, minus what was sent after this request (the server had not seen those yet).
    this.refill(now);
    this.tokens = remaining - reserve - (latestSeq - seq);
  }

  /**
   * A token bucket's wait for its next token, given in whole ms, is at most ceil(1000 / rate): its
   * rate is below 1000 / (wait - 1), whatever else happened. The pace need not stay above that.
   */
  private boundBy(wait: number, now: number): void {
    if (wait < 2 || !this.learning) return;
    const bound = 1000 / (wait - 1);
    if (bound < this.rate) {
      this.rate = Math.max(bound, FLOOR_SHARE * this.admittedLastSecond(now), MIN_RATE);
    }
  }

  /** Requests per second the server admitted lately: this 100 ms slot and the 4 before it. */
  private admittedRecently(now: number): number {
    this.admittedLastSecond(now);
    let sum = 0;
    for (let s = this.admittedSlot - 4; s <= this.admittedSlot; s++) {
      sum += this.admitted[(s + 10) % 10] as number;
    }
    const covered = Math.min(400 + (now % 100), now - this.firstSentAt);
    return (sum * 1000) / Math.max(50, covered);
  }

  /** Requests the server admitted over the last second (in 100 ms slots). */
  private admittedLastSecond(now: number): number {
    const slot = Math.floor(now / 100);
    for (let s = Math.max(this.admittedSlot + 1, slot - 9); s <= slot; s++) {
      this.admitted[s % 10] = 0;
    }
    this.admittedSlot = Math.max(this.admittedSlot, slot);
    return this.admitted.reduce((sum, n) => sum + n, 0);
  }

  private limit(rate: number): void {
    this.rate = Math.min(this.rate, this.ceiling, Math.max(MIN_RATE, rate));
  }

  /** No request starts before `until`, and the mirror gathers no tokens meanwhile. */
  private pause(now: number, until: number): void {
    if (until <= this.pausedUntil) return;
    this.refill(now);
    this.pausedUntil = until;
    this.refilledAt = Math.max(this.refilledAt, until);
  }

  private refill(now: number): void {
    if (now <= this.refilledAt) return;
    this.tokens = Math.min(
      this.capacity,
      this.tokens + ((now - this.refilledAt) * this.rate) / 1000,
    );
    this.refilledAt = now;
  }

  private burstFor(rate: number): number {
    return Math.max(2, (rate * CATCH_UP_MS) / 1000);
  }
}
