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

