/**
 * End-to-end timings around the synth benchmark: `cdk8s synth` of the example app, the start-up of the
 * `cdk8s-netpol` CLI (`node lib/cli/main.js --help`), and `check` of the manifests that synth wrote, each the
 * median of several whole-process runs.
 */
import { spawnSync } from 'child_process';
import { existsSync, readdirSync, readFileSync } from 'fs';
import { join } from 'path';
import { median } from './synth-process';

/** One measured command. */
export interface CommandTiming {
  readonly command: string;
  readonly runs: number;
  readonly medianMs: number;
  readonly runsMs: number[];
}

/** What `measureEndToEnd` found; a missing entry says why it was not measured. */
export interface EndToEnd {
  readonly nodeStartup: CommandTiming;
  readonly exampleSynth?: CommandTiming;
  readonly cliHelp?: CommandTiming;
  readonly cliCheck?: CommandTiming;
  readonly skipped: string[];
}

export function measureEndToEnd(root: string): EndToEnd {
  const skipped: string[] = [];
  const nodeStartup = time('node -e ""', process.execPath, ['-e', ''], root, 10);
  const cdk8s = join(root, 'node_modules', '.bin', 'cdk8s');
  const exampleSynth = existsSync(cdk8s)
    ? time('cd examples/app && npx cdk8s synth --no-check-upgrade', cdk8s, ['synth', '--no-check-upgrade'], join(root, 'examples', 'app'), 5)
    : undefined;
  if (exampleSynth === undefined) skipped.push('cdk8s CLI not installed');
  const cli = join(root, 'lib', 'cli', 'main.js');
  const cliHelp = existsSync(cli) ? time('node lib/cli/main.js --help', process.execPath, [cli, '--help'], root, 10) : undefined;
  if (cliHelp === undefined) skipped.push('lib/cli/main.js not built (src/cli/main.ts absent or lib not rebuilt)');
  const dist = join(root, 'examples', 'app', 'dist');
  const cliCheck = cliHelp !== undefined && exampleSynth !== undefined
    ? time('node lib/cli/main.js check examples/app/dist', process.execPath, [cli, 'check', dist], root, 10) : undefined;
  if (cliCheck !== undefined) {
    console.log(`  (examples/app/dist holds ${policiesIn(dist)} NetworkPolicy objects)`);
  }
  for (const t of [nodeStartup, exampleSynth, cliHelp, cliCheck]) {
    if (t !== undefined) console.log(`  ${t.command.padEnd(58)} ${String(t.medianMs).padStart(8)} ms (median of ${t.runs})`);
  }
  skipped.forEach((s) => console.log(`  not measured: ${s}`));
  return { nodeStartup, exampleSynth, cliHelp, cliCheck, skipped };
}

/** How many NetworkPolicy documents the YAML files of a directory hold. */
function policiesIn(dir: string): number {
  return readdirSync(dir).filter((f) => f.endsWith('.yaml'))
    .reduce((n, f) => n + (readFileSync(join(dir, f), 'utf8').match(/^kind: NetworkPolicy$/gm) ?? []).length, 0);
}

function time(command: string, file: string, args: string[], cwd: string, runs: number): CommandTiming {
  const runsMs: number[] = [];
  for (let r = 0; r < runs; r++) {
    const start = process.hrtime.bigint();
    const proc = spawnSync(file, args, { cwd, encoding: 'utf8', env: { ...process.env, CDK8S_CHECK_UPGRADE: 'false' } });
    runsMs.push(Math.round(Number(process.hrtime.bigint() - start) / 1e5) / 10);
    if (proc.status !== 0) {
      throw new Error(`${command} failed (exit ${proc.status}): ${(proc.stderr ?? '').slice(0, 2000)}`);
    }
  }
  return { command, runs, medianMs: Math.round(median(runsMs) * 10) / 10, runsMs };
}
