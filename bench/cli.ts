/**
 * CLI benchmark: `check`, `matrix` (grouped and sparse), `graph` and `diff` of the compiled command on one
 * YAML file of N Deployments and N NetworkPolicies, for the two generators of cli-clusters.ts, each command in
 * its own process, next to the parse floor (the `yaml` package alone reading the same file). Options:
 *   --sizes 1000,2000,5000,10000,20000   workload and policy counts
 *   --max N                              only the sizes up to N (e.g. --max 5000 on a busy machine)
 *   --generators unique,mixed
 *   --runs R                             runs per cell (default 1); the cell reports the run with least CPU time
 *   --update                             rewrite the committed expectations (bench/cli-expected.json)
 *   --lib DIR                            measure this compiled library instead of lib/ (a copy of lib/ with a copy of
 *                                        package.json in its parent directory, which `--version` reads)
 *
 * Each cell reports CPU time (user + system, from the process itself), wall time, peak RSS and output size.
 * Growth exponents are log(cpu ratio) / log(size ratio) between sizes; ratios are against the parse floor of
 * the same size, measured in the same run. Outputs at sizes up to 2,000 are compared, by SHA-256, with
 * bench/cli-expected.json, and the benchmark fails when one differs. Build lib/ first (`npx projen compile`).
 */
import { spawnSync } from 'child_process';
import { createHash } from 'crypto';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'fs';
import { join } from 'path';
import { stringify } from 'yaml';
import { BenchOutcome } from './analyzer';
import { generateCluster, Generator, GENERATORS } from './cli-clusters';

const ROOT = join(__dirname, '..');
const DIR = join(__dirname, 'results', 'cli');
const EXPECTED = join(__dirname, 'cli-expected.json');
const CHECKED_UP_TO = 2000;

interface Command {
  readonly name: string;
  readonly args: (file: string, after: string, lib: string) => string[];
  /** Parse floor multiple: diff reads two files. */
  readonly files: number;
}

const COMMANDS: Command[] = [
  { name: 'parse floor', args: (f) => [join(__dirname, 'cli-parse-floor.js'), f], files: 1 },
  { name: 'check', args: (f, _a, lib) => [join(lib, 'cli', 'main.js'), 'check', f], files: 1 },
  { name: 'matrix grouped', args: (f, _a, lib) => [join(lib, 'cli', 'main.js'), 'matrix', '--layout', 'grouped', f], files: 1 },
  { name: 'matrix sparse', args: (f, _a, lib) => [join(lib, 'cli', 'main.js'), 'matrix', '--layout', 'sparse', f], files: 1 },
  { name: 'graph', args: (f, _a, lib) => [join(lib, 'cli', 'main.js'), 'graph', '-f', 'dot', f], files: 1 },
  { name: 'diff', args: (f, a, lib) => [join(lib, 'cli', 'main.js'), 'diff', f, a], files: 2 },
];

interface Cell {
  readonly generator: Generator;
  readonly size: number;
  readonly command: string;
  readonly cpuMs: number;
  readonly wallMs: number;
  readonly maxRssMb: number;
  readonly outputBytes: number;
  readonly sha256: string;
  readonly exitCode: number | null;
}

export function runCliBenchmark(args: string[]): BenchOutcome {
  const max = numberOption(args, '--max') ?? Infinity;
  const sizes = listOption(args, '--sizes', ['1000', '2000', '5000', '10000', '20000']).map(Number).filter((n) => n <= max);
  const generators = listOption(args, '--generators', GENERATORS) as Generator[];
  const runs = numberOption(args, '--runs') ?? 1;
  const libIndex = args.indexOf('--lib');
  const lib = libIndex >= 0 ? join(process.cwd(), args[libIndex + 1]) : join(ROOT, 'lib');
  mkdirSync(DIR, { recursive: true });
  const cells: Cell[] = [];
  for (const generator of generators) {
    for (const size of sizes) {
      const [file, after] = clusterFiles(generator, size);
      for (const command of COMMANDS) {
        const cell = bestOf(runs, () => measure(generator, size, command, [file, after, lib]));
        cells.push(cell);
        console.log(`  ${generator} ${size} ${command.name}: ${cell.cpuMs.toFixed(0)} ms CPU, ${cell.wallMs.toFixed(0)} ms wall, ${cell.maxRssMb.toFixed(0)} MB, ${cell.outputBytes} bytes`);
      }
    }
  }
  printTables(cells, generators, sizes);
  const failed = cells.filter((c) => c.exitCode !== 0 && c.exitCode !== 1);
  const ok = failed.length === 0 && compareExpectations(cells, args.includes('--update') && failed.length === 0);
  writeFileSync(join(__dirname, 'results', `cli-${generators.join('-')}.json`), JSON.stringify(cells, null, 2) + '\n');
  return { ok: judgeTargets(cells, generators, sizes) && ok };
}

/** The cluster file and, for diff, the same cluster with every 25th policy removed (both written once). */
function clusterFiles(generator: Generator, size: number): string[] {
  const file = join(DIR, `${generator}-${size}.yaml`);
  const after = join(DIR, `${generator}-${size}-after.yaml`);
  if (!existsSync(file) || !existsSync(after)) {
    const manifests = generateCluster(generator, size);
    let policy = 0;
    const changed = manifests.filter((m) => m.kind !== 'NetworkPolicy' || policy++ % 25 !== 0);
    writeFileSync(file, manifests.map((m) => stringify(m)).join('---\n'));
    writeFileSync(after, changed.map((m) => stringify(m)).join('---\n'));
  }
  return [file, after];
}

function measure(generator: Generator, size: number, command: Command, files: [string, string, string]): Cell {
  const report = join(DIR, `probe-${process.pid}.json`);
  const output = join(DIR, `output-${process.pid}.txt`);
  const argv = ['-c', '"$@" > "$OUTPUT"', 'sh', process.execPath, '-r', join(__dirname, 'cli-probe.js'), ...command.args(...files)];
  const result = spawnSync('sh', argv, {
    cwd: ROOT,
    env: { ...process.env, CLI_BENCH_REPORT: report, OUTPUT: output, NO_COLOR: '1' },
    stdio: ['ignore', 'ignore', 'pipe'],
    maxBuffer: 64 * 1024 * 1024,
  });
  const probe = JSON.parse(readFileSync(report, 'utf8'));
  const exitCode = result.status;
  if (exitCode !== 0 && exitCode !== 1) {
    console.error(`FAIL: ${generator} ${size} ${command.name} exited with ${exitCode}: ${result.stderr.toString().slice(0, 500)}`);
  }
  const sha256 = createHash('sha256').update(readFileSync(output)).digest('hex');
  return { generator, size, command: command.name, ...probe, outputBytes: statSync(output).size, sha256, exitCode };
}

function bestOf(runs: number, run: () => Cell): Cell {
  const all = Array.from({ length: runs }, run);
  return all.sort((a, b) => a.cpuMs - b.cpuMs)[0];
}

function cellOf(cells: Cell[], generator: string, size: number, command: string): Cell | undefined {
  return cells.find((c) => c.generator === generator && c.size === size && c.command === command);
}

function exponent(a: Cell | undefined, b: Cell | undefined): number | undefined {
  return a === undefined || b === undefined || a.size === b.size ? undefined : Math.log(b.cpuMs / a.cpuMs) / Math.log(b.size / a.size);
}

function printTables(cells: Cell[], generators: string[], sizes: number[]): void {
  for (const generator of generators) {
    console.log(`\n${generator}: CPU ms (x parse floor), peak RSS MB, output; growth exponent from the previous size`);
    console.log(['size', ...COMMANDS.map((c) => c.name)].join(' | '));
    sizes.forEach((size, i) => {
      const floor = cellOf(cells, generator, size, 'parse floor')!;
      const row = COMMANDS.map((command) => {
        const cell = cellOf(cells, generator, size, command.name)!;
        const ratio = command.name === 'parse floor' ? '' : ` (${(cell.cpuMs / (floor.cpuMs * command.files)).toFixed(2)}x)`;
        const growth = exponent(cellOf(cells, generator, sizes[i - 1], command.name), cell);
        return `${cell.cpuMs.toFixed(0)}${ratio}, ${cell.maxRssMb.toFixed(0)} MB, ${formatBytes(cell.outputBytes)}${growth === undefined ? '' : `, ^${growth.toFixed(2)}`}`;
      });
      console.log([String(size), ...row].join(' | '));
    });
  }
}

/** The issue's targets, judged on CPU time (wall time on a shared machine is too noisy). */
function judgeTargets(cells: Cell[], generators: string[], sizes: number[]): boolean {
  const first = sizes[0];
  const last = sizes[sizes.length - 1];
  let ok = true;
  const verdict = (met: boolean, text: string) => {
    console.log(`  ${met ? 'met    ' : 'NOT MET'}  ${text}`);
    ok = ok && met;
  };
  console.log(`\ntargets (CPU time, ${first} to ${last})`);
  for (const generator of generators) {
    const check = cellOf(cells, generator, last, 'check')!;
    const floor = cellOf(cells, generator, last, 'parse floor')!;
    const growth = exponent(cellOf(cells, generator, first, 'check'), check);
    if (growth !== undefined) verdict(growth <= 1.15, `${generator}: check grows with exponent ${growth.toFixed(2)} (at most 1.15)`);
    verdict(check.cpuMs <= 1.5 * floor.cpuMs, `${generator}: check at ${last} is ${(check.cpuMs / floor.cpuMs).toFixed(2)}x the parse floor (at most 1.5x)`);
    for (const name of ['matrix grouped', 'matrix sparse', 'graph', 'diff']) {
      const cell = cellOf(cells, generator, last, name)!;
      const fine = cell.cpuMs <= 2 * check.cpuMs && cell.maxRssMb <= 1536 && (cell.exitCode === 0 || cell.exitCode === 1);
      verdict(fine, `${generator}: ${name} at ${last}: ${(cell.cpuMs / check.cpuMs).toFixed(2)}x check, ${cell.maxRssMb.toFixed(0)} MB (at most 2x and 1.5 GB)`);
    }
  }
  return ok;
}

/** Outputs at the small sizes against the committed hashes. */
function compareExpectations(cells: Cell[], update: boolean): boolean {
  const expected: Record<string, string> = existsSync(EXPECTED) ? JSON.parse(readFileSync(EXPECTED, 'utf8')) : {};
  let ok = true;
  for (const cell of cells.filter((c) => c.size <= CHECKED_UP_TO && c.command !== 'parse floor')) {
    const key = `${cell.generator} ${cell.size} ${cell.command}`;
    if (update) {
      expected[key] = cell.sha256;
    } else if (expected[key] !== cell.sha256) {
      console.error(`FAIL: the output of ${key} differs from bench/cli-expected.json${expected[key] === undefined ? ' (no expectation)' : ''}`);
      ok = false;
    }
  }
  if (update) {
    const sorted = Object.fromEntries(Object.entries(expected).sort(([a], [b]) => (a < b ? -1 : 1)));
    writeFileSync(EXPECTED, JSON.stringify(sorted, null, 2) + '\n');
  }
  return ok;
}

function formatBytes(n: number): string {
  return n >= 1e6 ? `${(n / 1e6).toFixed(1)} MB` : n >= 1e3 ? `${(n / 1e3).toFixed(0)} KB` : `${n} B`;
}

function numberOption(args: string[], name: string): number | undefined {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] !== undefined ? Number(args[i + 1]) : undefined;
}

function listOption(args: string[], name: string, fallback: string[]): string[] {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] !== undefined ? args[i + 1].split(',') : fallback;
}
