import { randomFillSync } from "node:crypto";

// Ids use the alphabet OpenAI ids use; a 24-char suffix keeps collisions out of reach even for
// the 100k-run benchmarks.
const ALPHABET = Buffer.from("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789");
const SUFFIX_LENGTH = 24;

// One syscall per 4 KiB of randomness instead of one per id: createRuns(100_000) stays cheap.
const pool = Buffer.alloc(4096);
let poolOffset = pool.length;
// Ids are assembled in a byte buffer and decoded once: concatenating characters would leave a
// 25-node cons-string per id in the heap (≈ 1 KiB per run in a 100k-run store).
const scratch = Buffer.alloc(256);

/** A random id such as `run_aB3…` (prefix, underscore, 24 alphanumerics). */
export function randomId(prefix: string): string {
  if (poolOffset + SUFFIX_LENGTH > pool.length) {
    randomFillSync(pool);
    poolOffset = 0;
  }
  const start = scratch.write(prefix + "_", "latin1");
  for (let i = 0; i < SUFFIX_LENGTH; i++) {
    // The modulo bias (256 % 62) is irrelevant for test ids.
    scratch[start + i] = ALPHABET[pool[poolOffset++]! % ALPHABET.length]!;
  }
  return scratch.toString("latin1", 0, start + SUFFIX_LENGTH);
}

/**
 * Request ids unique per server: a random prefix plus a counter, so minting one costs no
 * randomness on the hot path.
 */
export function requestIdFactory(): () => string {
  const prefix = randomId("req").slice(0, 16);
  let counter = 0;
  return () => prefix + (++counter).toString(36).padStart(8, "0");
}
