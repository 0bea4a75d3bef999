/**
 * What the command sent: attempts (retries included) and the 429 answers among them, counted at
 * the sender so that the live progress can show requests per second and 429s whatever sent them
 * (cancels, the GETs after a refusal, polls).
 */
import type { HttpSender } from "../index.js";

export class Traffic {
  /** Attempts sent. */
  requests = 0;
  /** 429 answers. */
  rateLimited = 0;

  /** `sender`, counting as it sends. */
  count(sender: HttpSender): HttpSender {
    return async (url, init) => {
      this.requests++;
      const answer = await sender(url, init);
      if (answer.status === 429) this.rateLimited++;
      return answer;
    };
  }
}
