/**
 * Running one synth-benchmark child process and reading its report.
 */
import { spawnSync } from 'child_process';
import { mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';

/** Where results and scratch output go (gitignored). */
export const RESULTS = join(__dirname, 'results');

/** The compiled library the children load (a snapshot of it: see `snapshotLib`). */
export const LIB = join(__dirname, '..', 'lib');

/** What one child process reports, plus the wall time its parent saw. */
export interface ChildReport {
  readonly variant: string;
  readonly count: number;
  readonly wallMs: number;
  readonly loadMs: number;
  readonly constructMs: number;
  readonly synthMs: number;
  /** User + system CPU time of the whole child process (less disturbed than wall time on a busy machine). */
  readonly cpuMs: number;
  readonly maxRssKb: number;
  readonly files: number;
  readonly bytes: number;
}

let niceness = 0;

/**
 * Runs the children with this `nice` value (negative needs root). On a machine shared with other work, a
 * negative value keeps the children from waiting for a CPU, which is most of the spread between runs.
 */
export function setChildNiceness(value: number): void {
  niceness = value;
}

/** One child process: wall time from spawn to exit, as the parent sees it. */
export function runChild(child: string, lib: string, variant: string, count: number, keep?: (outdir: string) => void): ChildReport {
  const outdir = mkdtempSync(join(tmpdir(), 'netpol-synth-'));
  try {
    const start = process.hrtime.bigint();
    const args = [child, variant, String(count), outdir, lib];
    const options = { encoding: 'utf8' as const, maxBuffer: 1 << 26 };
    const proc = niceness === 0 ? spawnSync(process.execPath, args, options)
      : spawnSync('nice', ['-n', String(niceness), process.execPath, ...args], options);
    const wallMs = Number(process.hrtime.bigint() - start) / 1e6;
    if (proc.status !== 0) {
      throw new Error(`${variant} x ${count} failed (exit ${proc.status}): ${proc.stderr.slice(0, 2000)}`);
    }
    keep?.(outdir);
    return { ...JSON.parse(proc.stdout.trim().split('\n').pop()!), wallMs };
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}

/** The middle value (mean of the two middle ones for an even count). */
export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/**
 * A distribution-free confidence interval for the median of the population that `values` were drawn from: the
 * k-th smallest and the k-th largest value. It covers the median unless at most k - 1 values fall on one side of
 * it, so its coverage is 1 - 2 P(Binomial(n, 1/2) <= k - 1); k is the largest rank that keeps the coverage at
 * least `confidence`. It assumes only independent draws. With too few values even k = 1 (the whole range) falls
 * short; `confidence` in the answer is the coverage reached.
 */
export function medianInterval(values: number[], confidence = 0.9): { low: number; high: number; confidence: number } {
  const sorted = [...values].sort((a, b) => a - b);
  const n = sorted.length;
  if (n === 0) {
    return { low: NaN, high: NaN, confidence: 0 };
  }
  const alpha = (1 - confidence) / 2;
  let k = 1;
  let point = Math.pow(0.5, n); // P(B = k - 1)
  let below = point; // P(B <= k - 1)
  while (2 * (k + 1) <= n) {
    point = (point * (n - k + 1)) / k; // P(B = k)
    if (below + point > alpha) {
      break;
    }
    below += point;
    k++;
  }
  return { low: sorted[k - 1], high: sorted[n - k], confidence: 1 - 2 * below };
}

