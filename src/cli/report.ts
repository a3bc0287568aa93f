/**
 * `cdk8s-netpol report`: the review page for a set of manifests, with the diff against a base when two inputs
 * are given (internal).
 */
import * as fs from 'fs';
import { CliError, ErrorCode, EXIT_OK, Io } from './errors';
import { matrixLegend, matrixTablesHtml } from './format-html';
import { Governance, governedChoice, governedView } from './governed';
import { graphEdges } from './graph';
import { viewOfTable } from './table-view';
import { chooseEndpoints, openWorkspace, probePorts, Workspace } from './workspace';
import { PolicyAnalyzer } from '../analysis';
import { Cni } from '../lint/cni/cni';
import { Linter } from '../lint/linter';
import { Severity } from '../lint/severity';
import { graphSvg } from '../report/graph-svg';
import { reviewPage } from '../report/page';
import { diffHtml, findingsHtml, policiesHtml } from '../report/sections';
import { summarize } from '../report/summary';

/** Options of `report`. */
export interface ReportOptions {
  readonly output: string;
  readonly port?: string[];
  readonly cni?: string;
}

/** Writes the page; exit 0. `inputs` is `[after]` or `[before, after]`. */
export async function runReport(inputs: string[], options: ReportOptions, io: Io): Promise<number> {
  if (inputs.length > 2) {
    throw CliError.problem(ErrorCode.MALFORMED_ARGUMENT, 'report', 'takes one input, or two (a base and the new manifests)', inputs, 'Pass a directory such as dist/, or base/dist/ dist/ for the diff');
  }
  const now = await openWorkspace([inputs[inputs.length - 1]], io);
  const base = inputs.length === 2 ? await openWorkspace([inputs[0]], io) : undefined;
  const ports = probePorts(options.port, base === undefined ? [now.model] : [base.model, now.model]);
  const html = await reportHtml(now, base, inputs, ports, options);
  fs.writeFileSync(options.output, html);
  io.err(`wrote ${options.output}\n`);
  return EXIT_OK;
}

type Ports = ReturnType<typeof probePorts>;

async function reportHtml(now: Workspace, base: Workspace | undefined, inputs: string[], ports: Ports, options: ReportOptions): Promise<string> {
  const all = chooseEndpoints([now], []);
  const table = now.analyzer.truthTable({ ports, endpoints: all.endpoints, extraEndpoints: all.extras });
  const governance = Governance.of([now.model], table.endpoints);
  const edges = [...graphEdges(viewOfTable(table), table.endpoints)];
  const governed = edges.filter((x) => governance.governs(x.source, x.destination));
  const quiet: Io = { out: () => true, err: () => true, colour: false, readStdin: async () => '' };
  const shown = governedChoice(all, [now.model], false, quiet);
  const matrixTable = now.analyzer.truthTable({ ports, endpoints: shown.endpoints, extraEndpoints: shown.extras });
  const matrixView = governedView(viewOfTable(matrixTable), Governance.of([now.model], matrixTable.endpoints));
  const nodes = [...new Set(governed.flatMap((x) => [x.source, x.destination]))];
  const findings = Linter.lintManifests(now.loaded.manifests, { sources: now.loaded.sources, cni: cniOf(options.cni) });
  const count = (s: Severity) => findings.filter((f) => f.severity === s).length;
  return reviewPage({
    title: `NetworkPolicy review: ${inputs[inputs.length - 1]}`,
    summary: summarize(table.endpoints, all.endpoints.filter((x) => x.isPod), edges, governance),
    graphSvg: await graphSvg(table.keys.filter((k) => nodes.includes(k)), governed),
    graphNodes: nodes.length,
    matrixTables: matrixTablesHtml(matrixView),
    matrixLegend: matrixLegend(matrixView),
    findingsHtml: findingsHtml(findings),
    findingCounts: { errors: count(Severity.ERROR), warnings: count(Severity.WARNING), infos: count(Severity.INFO) },
    policiesHtml: policiesHtml(now.loaded.manifests),
    diffHtml: base === undefined ? undefined : diffHtml(changes(base, now, ports), inputs[0]),
  });
}

function changes(base: Workspace, now: Workspace, ports: Ports) {
  const choice = chooseEndpoints([base, now], []);
  const extraEndpoints = choice.inferred ? [...choice.endpoints, ...choice.extras] : choice.extras;
  return PolicyAnalyzer.diff(base.analyzer, now.analyzer, { ports, extraEndpoints });
}

function cniOf(name: string | undefined): Cni | undefined {
  try {
    return name === undefined ? undefined : Cni.named(name);
  } catch (e) {
    throw CliError.from(e, '--cni');
  }
}
