/**
 * Runs the compiled command (`lib/cli/main.js`) as a child process, from the repository root.
 */
import { spawnSync } from 'child_process';
import * as path from 'path';

/** The repository root: file names in messages are relative to it. */
export const ROOT = path.join(__dirname, '..', '..');

/** The example app's synthesized manifests. */
export const EXAMPLE_DIST = 'examples/app/dist';

/** A CLI fixture path, relative to the root. */
export function fixture(name: string): string {
  return `test/fixtures/cli/${name}`;
}

/** What a run printed and returned. */
export interface CliRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `cdk8s-netpol <args>` with optional stdin and extra environment. */
export function runCli(args: string[], options: { input?: string; env?: Record<string, string> } = {}): CliRun {
  const env: Record<string, string | undefined> = { ...process.env, ...options.env };
  delete env.FORCE_COLOR;
  const result = spawnSync(process.execPath, [path.join(ROOT, 'lib', 'cli', 'main.js'), ...args], {
    cwd: ROOT, input: options.input ?? '', encoding: 'utf8', env, timeout: 30_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}
