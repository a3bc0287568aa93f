/**
 * A thin client of the `kubectl` executable (internal): runs one command with arguments (never a shell),
 * optional stdin and a deadline, and names the cluster problems the runner must stop on.
 */
import { spawn } from 'child_process';
import { ProbeErrorCode } from './result';

/** What one kubectl command printed and returned. */
export interface KubectlResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
  /** True when the deadline passed and the command was killed. */
  readonly timedOut: boolean;
}

/** A problem that stops a run, with its code. */
export class ClusterProblem extends Error {
  constructor(public readonly code: ProbeErrorCode, message: string) {
    super(message);
    this.name = 'ClusterProblem';
  }
}

/** How to call kubectl. */
export interface KubectlSettings {
  readonly path: string;
  readonly context?: string;
}

/** Runs kubectl. */
export class Kubectl {
  constructor(private readonly settings: KubectlSettings) {}

  /** Runs `kubectl [--context C] <args>`; resolves with the result, rejects only when kubectl cannot start. */
  public run(args: string[], options: { input?: string; timeoutMs?: number } = {}): Promise<KubectlResult> {
    const full = this.settings.context === undefined ? args : ['--context', this.settings.context, ...args];
    return new Promise((resolve, reject) => {
      const child = spawn(this.settings.path, full, { stdio: ['pipe', 'pipe', 'pipe'] });
      let stdout = '';
      let stderr = '';
      let timedOut = false;
      const timer = options.timeoutMs === undefined ? undefined : setTimeout(() => {
        timedOut = true;
        child.kill('SIGKILL');
      }, options.timeoutMs);
      child.stdout.on('data', (d) => { stdout += d; });
      child.stderr.on('data', (d) => { stderr += d; });
      child.on('error', (e: NodeJS.ErrnoException) => {
        if (timer !== undefined) clearTimeout(timer);
        reject(e.code === 'ENOENT' || e.code === 'EACCES'
          ? new ClusterProblem(ProbeErrorCode.KUBECTL_NOT_FOUND, `cannot run kubectl at ${JSON.stringify(this.settings.path)} (${e.code}). Install kubectl or pass --kubectl <path>.`)
          : e);
      });
      child.on('close', (code) => {
        if (timer !== undefined) clearTimeout(timer);
        resolve({ code: code ?? 1, stdout, stderr, timedOut });
      });
      child.stdin.on('error', () => undefined);
      child.stdin.end(options.input ?? '');
    });
  }

  /** Runs a command that must succeed; a failure becomes the cluster problem its message names. */
  public async must(args: string[], what: string, options: { input?: string; timeoutMs?: number } = {}): Promise<string> {
    const result = await this.run(args, { timeoutMs: 120_000, ...options });
    if (result.code !== 0 || result.timedOut) {
      throw clusterProblem(result, what);
    }
    return result.stdout;
  }
}

/** Names what went wrong from kubectl's message. */
export function clusterProblem(result: KubectlResult, what: string): ClusterProblem {
  const message = result.stderr.trim().split('\n').slice(0, 3).join(' ');
  if (result.timedOut) {
    return new ClusterProblem(ProbeErrorCode.UNREACHABLE, `${what}: kubectl did not answer in time; the API server may be unreachable.`);
  }
  if (/Unable to connect to the server|connection to the server .* was refused|dial tcp|no such host|i\/o timeout|connection refused/i.test(message)) {
    return new ClusterProblem(ProbeErrorCode.UNREACHABLE, `${what}: the API server is unreachable (${message}). Check --context and the cluster.`);
  }
  if (/forbidden/i.test(message)) {
    return new ClusterProblem(ProbeErrorCode.FORBIDDEN, `${what}: forbidden (${message}). The user needs to create, get, list and delete pods`
      + ' (pods/exec, pods/ephemeralcontainers for in-place) in the probed namespaces.');
  }
  return new ClusterProblem(ProbeErrorCode.KUBECTL_FAILED, `${what}: kubectl failed with exit code ${result.code} (${message || 'no message'}).`);
}
