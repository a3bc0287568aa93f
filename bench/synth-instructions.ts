/**
 * Instruction counts of the synth benchmark's children: the same processes as `npm run bench -- synth`, each run
 * once under valgrind (cachegrind without cache simulation), with Node's `--single-threaded` so that garbage
 * collection and compilation happen on the counted main thread in a repeatable order.
 *
 * An instruction count is not a time: it leaves out cache misses, and single-threaded Node does its background
 * work in line. But it barely moves between runs (two runs of the same child differ by about 0.3%), where wall
 * times on a shared machine move by 10% or more, so it shows small differences that timing cannot.
 *
 * Needs valgrind (Debian: `apt-get install valgrind`). A child runs about 50 times slower under valgrind:
 * 5,000 policies take some 4 minutes per variant; the variants run in parallel, one per core.
 *
 * Options: --counts 5000   --variants raw,raw-intents,plus,core,intents   --lib DIR   --before DIR
 */
import { spawn, spawnSync } from 'child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'fs';
import { cpus, tmpdir } from 'os';
import { join, resolve } from 'path';
import { BenchOutcome } from './analyzer';
import { compileChild, listArg, snapshotLib, withBefore } from './synth';
import { RESULTS } from './synth-process';

/** One counted child. */
interface Counted {
  readonly variant: string;
  readonly count: number;
  readonly instructions: number;
  readonly bytes: number;
}

export async function runInstructionBenchmark(args: string[]): Promise<BenchOutcome> {
  const version = spawnSync('valgrind', ['--version'], { encoding: 'utf8' });
  if (version.error !== undefined || version.status !== 0) {
    console.error('valgrind is not installed: this benchmark counts instructions with it (Debian: apt-get install valgrind)');
    return { ok: false };
  }
  const counts = listArg(args, '--counts', '5000').map(Number);
  const base = listArg(args, '--variants', 'raw,raw-intents,plus,core,intents');
  const { before, variants } = withBefore(args, base);
  const child = compileChild();
  const lib = args.includes('--lib') ? resolve(args[args.indexOf('--lib') + 1]) : snapshotLib();
  const jobs = counts.flatMap((count) => variants.map((variant) => ({ variant, count })));
  console.log(`${version.stdout.trim()}: ${jobs.length} children, ${cpus().length} at a time`);
  const results = await inParallel(jobs, cpus().length, (job) =>
    countChild(child, job.variant.endsWith('@before') ? before! : lib, job.variant, job.count));
  const rows = results.map((r) => {
    const of = (variant: string) => results.find((x) => x.variant === variant && x.count === r.count)?.instructions;
    const raw = of('raw');
    const floor = r.variant.startsWith('intents') ? of('raw-intents') : undefined;
    return {
      ...r,
      vsRaw: raw === undefined ? undefined : r.instructions / raw,
      vsRawIntents: floor === undefined ? undefined : r.instructions / floor,
    };
  });
  console.log('  policies  variant         instructions  x raw  x raw-intents  bytes written');
  for (const r of rows) {
    console.log(`  ${String(r.count).padEnd(8)}  ${r.variant.padEnd(14)}  ${(r.instructions / 1e9).toFixed(3).padStart(10)} G`
      + `  ${r.vsRaw === undefined ? '    -' : r.vsRaw.toFixed(3)}  ${r.vsRawIntents === undefined ? '            -' : r.vsRawIntents.toFixed(3).padStart(13)}`
      + `  ${String(r.bytes).padStart(13)}`);
  }
  mkdirSync(RESULTS, { recursive: true });
  const result = { valgrind: version.stdout.trim(), node: process.version, lib, before, rows };
  writeFileSync(join(RESULTS, 'synth-instructions.json'), JSON.stringify(result, null, 2) + '\n');
  return { ok: true };
}

/** Runs `work` on every item, at most `limit` at a time; results in the order of `items`. */
async function inParallel<T, R>(items: T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await work(items[i]);
      process.stdout.write('.');
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  process.stdout.write('\n');
  return results;
}

/** One child under valgrind: its instruction count and the bytes it wrote. */
function countChild(child: string, lib: string, variant: string, count: number): Promise<Counted> {
  const outdir = mkdtempSync(join(tmpdir(), 'netpol-count-'));
  const args = ['--tool=cachegrind', '--cache-sim=no', '--cachegrind-out-file=/dev/null', '--smc-check=all-non-file',
    process.execPath, '--single-threaded', child, variant.split('@')[0], String(count), outdir, lib];
  return new Promise((done, fail) => {
    const proc = spawn('valgrind', args);
    let stdout = '';
    let stderr = '';
    proc.stdout.on('data', (chunk) => { stdout += chunk; });
    proc.stderr.on('data', (chunk) => { stderr += chunk; });
    proc.on('close', (status) => {
      rmSync(outdir, { recursive: true, force: true });
      const refs = /I\s+refs:\s+([\d,]+)/.exec(stderr);
      if (status !== 0 || refs === null) {
        fail(new Error(`${variant} x ${count} under valgrind failed (exit ${status}): ${stderr.slice(-2000)}`));
        return;
      }
      const report = JSON.parse(stdout.trim().split('\n').pop()!);
      done({ variant, count, instructions: Number(refs[1].replace(/,/g, '')), bytes: report.bytes });
    });
  });
}
