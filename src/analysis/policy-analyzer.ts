import { Chart } from 'cdk8s';
import { DiffOptions, FlowChange } from './diff';
import { Endpoint } from './endpoint';
import { computeClassTable, Probe } from './internal/class-table';
import { Cluster } from './internal/cluster';
import { evaluateQuery } from './internal/evaluate';
import { groupSubjects } from './internal/grouping';
import { ClusterModel, normalizeManifests } from './internal/normalize';
import { compareText } from './internal/order';
import { checkStruct } from './internal/struct-checks';
import { flowChanges } from './internal/table-diff';
import { ProbePort, TrafficQuery } from './query';
import { TruthTable, TruthTableOptions, TruthTablePort } from './truth-table';
import { Verdict } from './verdict';
import { argumentError } from '../private/arguments';
import { POLICY_ANALYZER } from '../private/brands';
import { ErrorCode, invalid } from '../private/errors';
import { portNameProblem } from '../private/k8s-names';
import { withoutDefaultLint } from '../private/lint-suspension';
import { Protocol } from '../protocol';

/**
 * Options for reading manifests.
 */
export interface PolicyAnalyzerOptions {
  /**
   * A name per manifest, used in error messages, e.g. `dist/app.k8s.yaml#2`.
   *
   * @default - `manifests[<index>]`
   */
  readonly documentNames?: string[];
}

/**
 * Simulates what a NetworkPolicy-enforcing CNI allows, from plain manifests (networking.k8s.io/v1 semantics).
 *
 * Reads NetworkPolicy, Namespace and workloads (Pod, Deployment, StatefulSet, DaemonSet, ReplicaSet, Job,
 * CronJob). Pure: it never changes its input and gives the same answer every time. It throws only on
 * malformed manifests or queries, never on what a policy means.
 *
 * @example
 * const analyzer = PolicyAnalyzer.fromManifests(manifests);
 * analyzer.evaluate({
 *   source: Endpoint.pod({ namespace: 'shop', labels: { app: 'web' } }),
 *   destination: Endpoint.pod({ namespace: 'shop', labels: { app: 'api' } }),
 *   port: 8080,
 * }).allowed;
 */
export class PolicyAnalyzer {
  /**
   * Reads manifests as plain objects (as `chart.toJson()` or a YAML parser gives them).
   *
   * @example
   * const analyzer = PolicyAnalyzer.fromManifests(manifests);
   * for (const workload of analyzer.endpoints()) {
   *   console.log(workload.key);
   * }
   */
  public static fromManifests(manifests: any[], options: PolicyAnalyzerOptions = {}): PolicyAnalyzer {
    if (!Array.isArray(manifests)) {
      throw argumentError('PolicyAnalyzer.fromManifests()', 'manifests must be a list of manifest objects', manifests,
        'Pass an array, e.g. chart.toJson() or the documents of a parsed YAML file');
    }
    checkStruct('PolicyAnalyzer.fromManifests()', 'options', options, 'PolicyAnalyzerOptions');
    return PolicyAnalyzer._fromModel(normalizeManifests(manifests, { documentNames: options.documentNames }));
  }

  /**
   * An analyzer over manifests already normalized (the CLI keeps the model too, and reads it only once).
   *
   * @internal
   */
  public static _fromModel(model: ClusterModel): PolicyAnalyzer {
    return new PolicyAnalyzer(new Cluster(model));
  }

  /**
   * Reads the manifests a chart synthesizes (`chart.toJson()`). The app's validations run as at synth,
   * except the default lint, whose findings do not change what the manifests allow.
   *
   * @example
   * new DenyAllIngress(chart, 'DenyAll');
   * const analyzer = PolicyAnalyzer.fromChart(chart);
   */
  public static fromChart(chart: Chart): PolicyAnalyzer {
    if (typeof chart !== 'object' || chart === null || !Chart.isChart(chart)) {
      throw argumentError('PolicyAnalyzer.fromChart()', 'chart must be a cdk8s Chart', chart,
        'Pass the chart itself, or use PolicyAnalyzer.fromManifests() for manifests');
    }
    return PolicyAnalyzer.fromManifests(withoutDefaultLint(chart, () => chart.toJson()));
  }

  /**
   * Connections whose verdict differs between two analyzers, sorted by source, destination, then port.
   * Compares the workloads of both (by key) plus `extraEndpoints`.
   *
   * @example
   * const before = PolicyAnalyzer.fromManifests(manifests);
   * const after = PolicyAnalyzer.fromChart(chart);
   * for (const change of PolicyAnalyzer.diff(before, after, { ports: [{ port: 8080 }] })) {
   *   console.log(change.source + ' -> ' + change.destination + ' allowed: ' + change.allowedAfter);
   * }
   */
  public static diff(before: PolicyAnalyzer, after: PolicyAnalyzer, options: DiffOptions): FlowChange[] {
    POLICY_ANALYZER.check('PolicyAnalyzer.diff()', 'before', before);
    POLICY_ANALYZER.check('PolicyAnalyzer.diff()', 'after', after);
    checkStruct('PolicyAnalyzer.diff()', 'options', options, 'DiffOptions');
    const [old, now] = PolicyAnalyzer._diffTables(before, after, options);
    return [...flowChanges(old, now)];
  }

  /**
   * @internal The two truth tables `diff()` compares: the workloads of both (by key) plus `extraEndpoints`,
   * sorted by key, over the same ports. `flowChanges()` lists their differences as it finds them.
   */
  public static _diffTables(before: PolicyAnalyzer, after: PolicyAnalyzer, options: DiffOptions): TruthTable[] {
    const endpoints = new Map<string, Endpoint>();
    for (const e of [...after.endpoints(), ...before.endpoints(), ...(options.extraEndpoints ?? [])]) {
      if (!endpoints.has(e.key)) endpoints.set(e.key, e);
    }
    const list = [...endpoints.values()].sort((a, b) => compareText(a.key, b.key));
    return [before.truthTable({ ports: options.ports, endpoints: list }), after.truthTable({ ports: options.ports, endpoints: list })];
  }

  private constructor(private readonly cluster: Cluster) {}

  /** Whether a connection is allowed, and why. */
  public evaluate(query: TrafficQuery): Verdict {
    checkStruct('PolicyAnalyzer.evaluate()', 'query', query, 'TrafficQuery');
    return evaluateQuery(this.cluster, query);
  }

  /** One endpoint per workload found in the manifests, sorted by key (`namespace/name`). */
  public endpoints(): Endpoint[] {
    return this.cluster.endpoints();
  }

  /** `namespace/name` of every NetworkPolicy read, sorted. */
  public policyIds(): string[] {
    return this.cluster.model.policies.map((p) => p.id);
  }

  /**
   * The class of each endpoint, in order: endpoints no selector, ipBlock or named port can tell apart share
   * a class (numbered from 0 in order of first appearance).
   *
   * @internal
   */
  public _classesOf(endpoints: Endpoint[]): number[] {
    return Array.from(groupSubjects(this.cluster, endpoints.map((e) => this.cluster.resolve(e))).classOf);
  }

  /** Which endpoint may reach which, for each port. */
  public truthTable(options: TruthTableOptions): TruthTable {
    checkStruct('PolicyAnalyzer.truthTable()', 'options', options, 'TruthTableOptions');
    const endpoints = [...(options.endpoints ?? this.endpoints()), ...(options.extraEndpoints ?? [])];
    const seen = new Set<string>();
    for (const e of endpoints) {
      if (seen.has(e.key)) {
        throw invalid(ErrorCode.DUPLICATE, 'PolicyAnalyzer.truthTable()', 'two endpoints have the same key', e.key, 'Give each pod endpoint a distinct name');
      }
      seen.add(e.key);
    }
    const subjects = endpoints.map((e) => this.cluster.resolve(e));
    const ports = options.ports.map((p, i) => checkProbe(p, i));
    return TruthTable._create(endpoints, ports, computeClassTable(this.cluster, subjects, ports));
  }
}

POLICY_ANALYZER.mark(PolicyAnalyzer);

function checkProbe(probe: ProbePort, index: number): TruthTablePort & Probe {
  const where = 'PolicyAnalyzer.truthTable()';
  const protocol = probe.protocol ?? Protocol.TCP;
  if ((probe.port === undefined) === (probe.portName === undefined)) {
    throw invalid(ErrorCode.CONFLICTING_OPTIONS, where, `ports[${index}] must give exactly one of port and portName`, probe, 'Give a port number or a container port name');
  }
  if (probe.port !== undefined && (!Number.isInteger(probe.port) || probe.port < 1 || probe.port > 65535)) {
    throw invalid(ErrorCode.PORT_OUT_OF_RANGE, where, `ports[${index}].port must be a whole number from 1 to 65535`, probe.port, 'Use a valid port number');
  }
  const problem = probe.portName === undefined ? undefined : portNameProblem(probe.portName);
  if (problem !== undefined) {
    throw invalid(ErrorCode.INVALID_PORT_NAME, where, `ports[${index}].portName: ${problem.problem}`, probe.portName, problem.fix);
  }
  if (!Object.values(Protocol).includes(protocol)) {
    throw invalid(ErrorCode.INVALID_PROTOCOL, where, `ports[${index}].protocol must be TCP, UDP or SCTP`, probe.protocol, 'Use the Protocol enum');
  }
  const label = probe.port !== undefined ? `${protocol} ${probe.port}` : `${protocol} ${JSON.stringify(probe.portName)}`;
  return probe.port !== undefined ? { label, port: probe.port, protocol } : { label, portName: probe.portName, protocol };
}
