/**
 * Builds a probe plan from an analyzer (internal): classes, the cells of the truth table over one stand-in
 * per class, focus, sample and canaries.
 */
import { createHash } from 'crypto';
import { addCanary, canaryNamespaceManifest, pickCanary } from './canaries';
import { classify, classMatches, standInEndpoint } from './classes';
import { sampleIndices } from './sample';
import { ProbeCell, ProbeClass, ProbePlanOptions } from './types';
import { Endpoint, PolicyAnalyzer, TruthTablePort } from '../analysis';
import { ErrorCode, invalid } from '../private/errors';
import { dns1123LabelProblem } from '../private/k8s-names';

/** Everything a plan holds. */
export interface PlanData {
  readonly id: string;
  readonly workloads: number;
  readonly ports: TruthTablePort[];
  readonly classes: ProbeClass[];
  readonly cells: ProbeCell[];
  readonly denyCanary: ProbeCell;
  readonly allowCanary: ProbeCell;
  /** Objects besides the stand-ins: the canary namespace and policy when the plan adds canaries. */
  readonly extraManifests: any[];
  readonly notes: string[];
}

const WHERE = 'ProbePlan';

/** Builds the plan. */
export function buildPlan(analyzer: PolicyAnalyzer, endpoints: Endpoint[], options: ProbePlanOptions): PlanData {
  const pods = endpoints.filter((e) => e.isPod);
  if (pods.length === 0) {
    throw invalid(ErrorCode.NOT_FOUND, WHERE, 'there are no pods to probe', endpoints.length, 'Give manifests with workloads (Deployment, Pod, ...)');
  }
  const classes = classify(analyzer, pods, WHERE);
  const table = analyzer.truthTable({ ports: options.ports, endpoints: classes.map((c) => standInEndpoint(c)) });
  const ports = table.ports;
  const { cells: all, unresolved } = tableCells(analyzer, classes, ports, table);
  const focused = focus(all, classes, options);
  const chosen = sample(focused, options);
  const notes = describe(pods.length, classes.length, ports.length, all.length, unresolved, focused.length, chosen.length, options);
  const id = planId(classes, chosen);
  const namespace = canaryNamespace(options.canaryNamespace, classes);
  const canaries = [pickOrAdd(all, false, namespace, id), pickOrAdd(all, true, namespace, id)];
  const added = new Map<string, ProbeClass>();
  canaries.forEach((c) => c.classes.forEach((k) => added.set(k.id, k)));
  const extraManifests = added.size === 0 ? [] : [canaryNamespaceManifest(namespace, id), ...canaries.flatMap((c) => c.manifests)];
  for (const c of canaries.filter((k) => k.classes.length > 0)) {
    notes.push(`No cell of the table is ${c.cell.expectAllowed ? 'allowed' : 'denied'}: the plan adds canary stand-ins in namespace ${namespace} (${c.cell.id}).`);
  }
  return {
    id,
    workloads: pods.length,
    ports,
    classes: [...classes, ...added.values()],
    cells: chosen,
    denyCanary: canaries[0].cell,
    allowCanary: canaries[1].cell,
    extraManifests,
    notes,
  };
}

function tableCells(analyzer: PolicyAnalyzer, classes: ProbeClass[], ports: TruthTablePort[], table: any) {
  const cells: Array<Omit<ProbeCell, 'explanation'> & { readonly query: () => string }> = [];
  let unresolved = 0;
  const stand = classes.map((c) => standInEndpoint(c));
  classes.forEach((s, si) => classes.forEach((d, di) => ports.forEach((port, p) => {
    const targetPort = port.port ?? d.ports.find((cp) => cp.name === port.portName && cp.protocol === port.protocol)?.port;
    if (targetPort === undefined) {
      unresolved++;
      return;
    }
    const query = () => analyzer.evaluate({ source: stand[si], destination: stand[di], port: targetPort, protocol: port.protocol }).explain();
    cells.push({
      id: `${s.id}>${d.id} ${port.protocol} ${targetPort}`,
      sourceClass: s.id,
      destinationClass: d.id,
      portLabel: port.label,
      targetPort,
      protocol: port.protocol,
      expectAllowed: table.isAllowed(stand[si].key, stand[di].key, p),
      query,
    });
  })));
  return { cells, unresolved };
}

type Pending = ReturnType<typeof tableCells>['cells'][number];

function focus(cells: Pending[], classes: ProbeClass[], options: ProbePlanOptions): Pending[] {
  const pick = (values: string[] | undefined, option: string) => {
    if (values === undefined || values.length === 0) return undefined;
    const ids = new Set<string>();
    for (const v of values) {
      const found = classes.filter((c) => classMatches(c, v));
      if (found.length === 0) {
        throw invalid(ErrorCode.NOT_FOUND, `${WHERE} ${option}`, 'no workload or namespace of the plan matches', v, 'Give a namespace or a namespace/name of a workload');
      }
      found.forEach((c) => ids.add(c.id));
    }
    return ids;
  };
  const sources = pick(options.sources, 'sources');
  const destinations = pick(options.destinations, 'destinations');
  return cells.filter((c) => (sources?.has(c.sourceClass) ?? true) && (destinations?.has(c.destinationClass) ?? true));
}

function sample(cells: Pending[], options: ProbePlanOptions): ProbeCell[] {
  if (options.sample !== undefined && (!Number.isInteger(options.sample) || options.sample < 1)) {
    throw invalid(ErrorCode.WRONG_TYPE, `${WHERE} sample`, 'must be a whole number of at least 1', options.sample, 'Give how many cells to keep');
  }
  const seed = options.seed ?? 1;
  if (!Number.isInteger(seed)) {
    throw invalid(ErrorCode.WRONG_TYPE, `${WHERE} seed`, 'must be a whole number', options.seed, 'Give an integer seed');
  }
  const keep = sampleIndices(cells.length, options.sample ?? cells.length, seed);
  return keep.map((i) => finish(cells[i]));
}

function finish(cell: Pending): ProbeCell {
  const { query, ...rest } = cell;
  return { ...rest, explanation: query() };
}

function pickOrAdd(all: Pending[], allowed: boolean, namespace: string, id: string) {
  const found = pickCanary(all, allowed);
  return found !== undefined ? { cell: finish(found), classes: [] as ProbeClass[], manifests: [] as any[] } : addCanary(namespace, allowed, id);
}

function canaryNamespace(given: string | undefined, classes: ProbeClass[]): string {
  const namespace = given ?? 'cdk8s-netpol-probes';
  const problem = dns1123LabelProblem(namespace);
  if (problem !== undefined) {
    throw invalid(ErrorCode.INVALID_NAME, `${WHERE} canaryNamespace`, problem.problem, namespace, problem.fix);
  }
  if (classes.some((c) => c.namespace === namespace)) {
    throw invalid(ErrorCode.CONFLICTING_OPTIONS, `${WHERE} canaryNamespace`, 'holds workloads of the application; canaries need a namespace of their own', namespace,
      'Choose another canaryNamespace');
  }
  return namespace;
}

function describe(workloads: number, classes: number, ports: number, cells: number, unresolved: number,
  focused: number, chosen: number, options: ProbePlanOptions): string[] {
  const n = (x: number) => x.toLocaleString('en-US');
  const notes = [
    `${n(workloads)} workloads fall into ${n(classes)} classes (workloads no selector, ipBlock or named port can tell apart).`,
    `${n(classes)} source classes x ${n(classes)} destination classes x ${n(ports)} ports = ${n(classes * classes * ports)} cells`
      + ` (not ${n(workloads)} x ${n(workloads)} x ${n(ports)} = ${n(workloads * workloads * ports)} workload pairs).`,
  ];
  if (unresolved > 0) {
    notes.push(`${n(unresolved)} cells have no port to connect to (the named port is not on the destination class) and are not probed; ${n(cells)} remain.`);
  }
  if (focused !== cells) {
    notes.push(`Focus (sources ${JSON.stringify(options.sources ?? [])}, destinations ${JSON.stringify(options.destinations ?? [])}): ${n(focused)} cells.`);
  }
  if (chosen !== focused) {
    notes.push(`Sample of ${n(options.sample!)} with seed ${options.seed ?? 1}: ${n(chosen)} of ${n(focused)} cells.`);
  }
  return notes;
}

function planId(classes: ProbeClass[], cells: ProbeCell[]): string {
  const text = JSON.stringify([classes, cells.map((c) => [c.id, c.expectAllowed])]);
  return createHash('sha256').update(text).digest('hex').slice(0, 10);
}
