/**
 * `cdk8s-netpol probe plan` and `probe run` (internal): write a probe plan from manifests, run one against a
 * cluster through kubectl.
 */
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'fs';
import { join } from 'path';
import { stringify } from 'yaml';
import { splitList } from './arguments';
import { CliError, ErrorCode, EXIT_OK, Io } from './errors';
import { escapeLines, escapeText } from './escape';
import { checkFormat } from './matrix';
import { safeJson } from './output';
import { chooseEndpoints, noteInferred, openWorkspace, probePorts } from './workspace';
import { ProbeMode, ProbePlan, ProbeRun } from '../probes';

/** Options of `probe plan`. */
export interface ProbePlanCliOptions {
  readonly output?: string;
  readonly from?: string[];
  readonly to?: string[];
  readonly port?: string[];
  readonly sample?: string;
  readonly seed?: string;
  readonly canaryNamespace?: string;
  readonly registry?: string;
  readonly agnhostImage?: string;
}

function wholeNumber(option: string, text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  if (!/^-?[0-9]+$/.test(text)) {
    throw CliError.problem(ErrorCode.MALFORMED_ARGUMENT, option, 'must be a whole number', text, `Write e.g. ${option} 20`);
  }
  return Number(text);
}

function library<T>(action: () => T): T {
  try {
    return action();
  } catch (e) {
    throw CliError.from(e);
  }
}

/** Writes the plan (JSON on stdout, or plan.json and stand-ins.yaml in --output); exit 0. */
export async function runProbePlan(inputs: string[], options: ProbePlanCliOptions, io: Io): Promise<number> {
  const workspace = await openWorkspace(inputs, io);
  const ports = probePorts(options.port, [workspace.model]);
  const choice = chooseEndpoints([workspace], undefined);
  noteInferred(io, choice);
  const plan = library(() => ProbePlan.fromAnalyzer(workspace.analyzer, {
    ports,
    sources: splitList(options.from),
    destinations: splitList(options.to),
    sample: wholeNumber('--sample', options.sample),
    seed: wholeNumber('--seed', options.seed),
    canaryNamespace: options.canaryNamespace,
  }, choice.endpoints));
  const json = `${safeJson(plan.toJson(), 2)}\n`;
  if (options.output === undefined) {
    io.out(json);
    plan.notes.forEach((n) => io.err(`${escapeText(`note: ${n}`)}\n`));
    return EXIT_OK;
  }
  const pods = library(() => plan.standInManifests({ registry: options.registry, agnhostImage: options.agnhostImage }));
  const yaml = [...plan.extraManifests(), ...pods].map((m) => stringify(m, { lineWidth: 0 })).join('---\n');
  try {
    mkdirSync(options.output, { recursive: true });
    writeFileSync(join(options.output, 'plan.json'), json);
    writeFileSync(join(options.output, 'stand-ins.yaml'), yaml);
  } catch (e) {
    throw CliError.problem(ErrorCode.UNREADABLE_FILE, '--output', `cannot write the plan: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`, options.output,
      'Give a directory you can write to');
  }
  io.out(`${escapeLines([`plan ${plan.id}: ${plan.cells.length} cells, canaries ${plan.denyCanary.id} (denied) and ${plan.allowCanary.id} (allowed)`,
    ...plan.notes, `wrote ${join(options.output, 'plan.json')} and ${join(options.output, 'stand-ins.yaml')}`].join('\n'))}\n`);
  return EXIT_OK;
}

/** Options of `probe run`. */
export interface ProbeRunCliOptions {
  readonly context?: string;
  readonly kubectl?: string;
  readonly parallel?: string;
  readonly keep?: boolean;
  readonly inPlace?: boolean;
  readonly format: string;
  readonly timeout?: string;
  readonly startTimeout?: string;
  readonly registry?: string;
  readonly agnhostImage?: string;
  readonly netshootImage?: string;
}

function readPlan(path: string): ProbePlan {
  let file = path;
  let text: string;
  try {
    if (statSync(path).isDirectory()) file = join(path, 'plan.json');
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw CliError.problem(ErrorCode.UNREADABLE_FILE, '<plan>', `cannot read the plan: ${(e as NodeJS.ErrnoException).code ?? 'unreadable'}`, path,
      'Give plan.json or the directory `probe plan -o` wrote');
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw CliError.problem(ErrorCode.UNPARSABLE_INPUT, file, `is not JSON: ${(e as Error).message}`, file.length > 80 ? `${file.slice(0, 80)}...` : file, 'Write the plan with `cdk8s-netpol probe plan`');
  }
  return library(() => ProbePlan.fromJson(json));
}

/** Runs the plan; exit 0 all agree, 1 mismatches, 2 usage or cluster problems. */
export async function runProbeRun(planPath: string, options: ProbeRunCliOptions, io: Io): Promise<number> {
  checkFormat(options.format, ['text', 'markdown', 'json', 'junit']);
  const plan = readPlan(planPath);
  const run = library(() => new ProbeRun(plan, {
    kubectl: options.kubectl,
    context: options.context,
    parallel: wholeNumber('--parallel', options.parallel),
    keep: options.keep === true,
    mode: options.inPlace === true ? ProbeMode.IN_PLACE : ProbeMode.STAND_INS,
    connectTimeoutSeconds: wholeNumber('--timeout', options.timeout),
    startTimeoutSeconds: wholeNumber('--start-timeout', options.startTimeout),
    registry: options.registry,
    agnhostImage: options.agnhostImage,
    netshootImage: options.netshootImage,
  }));
  const onInterrupt = () => {
    io.err('cdk8s-netpol: interrupted; deleting the probe objects\n');
    run.interrupt();
  };
  process.on('SIGINT', onInterrupt);
  try {
    const report = await run.execute();
    const render: Record<string, () => string> = {
      // the cluster's messages (kubectl's, agnhost's) are printed escaped, as the input is
      text: () => escapeLines(report.toText()),
      markdown: () => escapeLines(report.toMarkdown()),
      json: () => `${safeJson(report.toJson(), 2)}\n`,
      junit: () => report.toJunit(),
    };
    io.out(render[options.format]());
    if (report.errorMessage !== undefined) {
      io.err(`cdk8s-netpol: ${escapeText(`${report.errorCode}: ${report.errorMessage}`)}\n`);
    }
    return report.exitCode;
  } finally {
    process.removeListener('SIGINT', onInterrupt);
  }
}
