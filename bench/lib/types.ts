/** What every benchmark takes and gives back; bench/run.ts turns Results into RESULTS.md. */

export interface BenchOptions {
  /** Tiny sizes: seconds instead of minutes, for the test that keeps the benchmarks from rotting. */
  tiny?: boolean;
  /** Progress lines (stderr by default). */
  log?: (line: string) => void;
}

export interface Table {
  title?: string;
  columns: string[];
  rows: (string | number)[][];
}

export interface Goal {
  goal: string;
  measured: string;
  met: boolean;
}

export interface Result {
  name: string;
  title: string;
  /** How it was measured, in one or two sentences. */
  method: string;
  tables: Table[];
  goals: Goal[];
  notes: string[];
  /** Headline numbers (all finite and > 0 when the benchmark worked); the test checks these. */
  metrics: Record<string, number>;
}

export type Benchmark = (options?: BenchOptions) => Promise<Result>;

export const defaultLog = (line: string): void => {
  process.stderr.write(`${line}\n`);
};
