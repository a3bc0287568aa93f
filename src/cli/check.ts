/**
 * `cdk8s-netpol check`: validates every document as the API server would and runs the lint checks
 * (internal). Exit 0 when clean, 1 with findings at error level.
 */
import { paint } from './colour';
import { CliError, ErrorCode, EXIT_FINDINGS, EXIT_OK, Io } from './errors';
import { escapeText } from './escape';
import { summarizeInputs, summaryLines } from './input-notes';
import { loadManifests } from './load-manifests';
import { checkFormat, splitList } from './option-values';
import { safeJson } from './output';
// Import the linter's modules directly: the package index also loads the construct door (cdk8s), which costs
// start-up time the command does not need.
import { Cni } from '../lint/cni/cni';
import { Finding } from '../lint/finding';
import { Linter } from '../lint/linter';
import { Severity } from '../lint/severity';

/** Options of `check`. */
export interface CheckOptions {
  readonly cni?: string;
  readonly severity?: string[];
  readonly clusterCidr?: string[];
  readonly format: string;
}

/** Prints the findings and a summary. */
export async function runCheck(inputs: string[], options: CheckOptions, io: Io): Promise<number> {
  checkFormat(options.format, ['text', 'json', 'sarif']);
  const loaded = await loadManifests(inputs, io.readStdin, io.limits);
  const findings = lint(loaded.manifests, loaded.sources, options);
  const counts = countBySeverity(findings);
  const read = summarizeInputs(loaded);
  if (options.format === 'sarif') {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    io.out(load<typeof import('./format-sarif')>('./format-sarif').checkSarif(findings, require('../../package.json').version));
  } else if (options.format === 'json') {
    const summary = {
      documents: loaded.manifests.length,
      ...counts,
      notManifests: read.notManifests,
      ignoredKinds: read.ignoredKinds,
      skippedFiles: loaded.skippedFiles,
    };
    io.out(`${safeJson({ findings, summary }, 2)}\n`);
  } else {
    io.out(checkText(findings, loaded.manifests.length, io.colour, summaryLines(read, loaded.skippedFiles).map(escapeText)));
  }
  return counts.errors > 0 ? EXIT_FINDINGS : EXIT_OK;
}

function load<T>(module: string): T {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require(module) as T;
}

function lint(manifests: any[], sources: string[], options: CheckOptions): Finding[] {
  let cni: Cni | undefined;
  const severities: Record<string, string> = {};
  try {
    cni = options.cni === undefined ? undefined : Cni.named(options.cni);
  } catch (e) {
    throw CliError.from(e, '--cni');
  }
  for (const item of splitList(options.severity)) {
    const eq = item.indexOf('=');
    if (eq <= 0) {
      throw CliError.problem(ErrorCode.MALFORMED_ARGUMENT, '--severity', 'must be <check code>=<error|warning|info|off>', item, 'Write e.g. --severity shadowed-rule=off');
    }
    severities[item.slice(0, eq)] = item.slice(eq + 1);
  }
  try {
    return Linter.lintManifests(manifests, { sources, cni, severities, clusterCidrs: splitList(options.clusterCidr) });
  } catch (e) {
    throw CliError.from(e); // bad options: an unknown code or severity, a malformed CIDR
  }
}

interface Counts {
  readonly errors: number;
  readonly warnings: number;
  readonly infos: number;
}

function countBySeverity(findings: Finding[]): Counts {
  const count = (s: Severity) => findings.filter((f) => f.severity === s).length;
  return { errors: count(Severity.ERROR), warnings: count(Severity.WARNING), infos: count(Severity.INFO) };
}

const COLOURS = { error: 'red', warning: 'yellow', info: 'dim', off: 'dim' } as const;

/** One line per finding (severity, code, message in the project format), then a summary. */
export function checkText(findings: Finding[], documents: number, colour: boolean, notes: string[] = []): string {
  const codeWidth = findings.reduce((width, f) => Math.max(width, f.code.length), 0);
  const lines = findings.map((f) =>
    `${paint(colour, COLOURS[f.severity], f.severity.padEnd(7))} ${f.code.padEnd(codeWidth)}  ${escapeText(f.message)}`);
  const c = countBySeverity(findings);
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  const summary = `${plural(documents, 'document')} checked: ${plural(c.errors, 'error')}, ${plural(c.warnings, 'warning')}, ${c.infos} info`;
  lines.push(findings.length === 0 ? paint(colour, 'green', summary) : summary, ...notes);
  return `${lines.join('\n')}\n`;
}
