import { Chart } from 'cdk8s';
import { buildPlan, PlanData } from './build-plan';
import { readPlanJson } from './plan-json';
import { PROBE_PLAN, probeStruct } from './probe-struct-checks';
import { standInPods } from './stand-ins';
import { ProbeCell, ProbeClass, ProbePlanOptions } from './types';
import { PolicyAnalyzer, TruthTablePort } from '../analysis';
import { Endpoint } from '../analysis/endpoint';
import { argumentError, listOf, optional } from '../private/arguments';
import { ENDPOINT, POLICY_ANALYZER } from '../private/brands';
import { withoutDefaultLint } from '../private/lint-suspension';

/** The format tag of a saved plan. */
export const PLAN_FORMAT = 'cdk8s-netpol/probe-plan@1';

/**
 * Options for the stand-in pods of a plan.
 */
export interface StandInOptions {
  /**
   * The agnhost image.
   *
   * @default - `ProbeImageDefaults.AGNHOST`, with `registry` in front when given
   */
  readonly agnhostImage?: string;

  /**
   * A registry that mirrors the default images (see `ProbeImages.registry`).
   *
   * @default - registry.k8s.io
   */
  readonly registry?: string;

  /**
   * Seconds after which the kubelet stops a stand-in that was never deleted (`activeDeadlineSeconds`).
   *
   * @default - no deadline
   */
  readonly lifetimeSeconds?: number;
}

/**
 * What to probe on a cluster: one cell per (source class, destination class, port) of the truth table, with
 * the verdict the analyzer expects, plus a canary cell that must be denied and one that must be allowed.
 *
 * A class is a set of workloads no selector, ipBlock or named port of the policies can tell apart, so the
 * plan grows with classes x classes x ports, not with workload pairs. Output is sorted and stable; a sample
 * is chosen by its seed.
 *
 * @example
 * const plan = ProbePlan.fromChart(chart, { ports: [{ port: 8080 }] });
 * plan.cells.length;
 */
export class ProbePlan {
  /**
   * A plan from an analyzer and its workloads.
   *
   * @param endpoints the pods to group into classes; default: `analyzer.endpoints()`
   * @example
   * ProbePlan.fromAnalyzer(PolicyAnalyzer.fromManifests(manifests), { ports: [{ port: 8080 }], sample: 50, seed: 7 });
   */
  public static fromAnalyzer(analyzer: PolicyAnalyzer, options: ProbePlanOptions, endpoints?: Endpoint[]): ProbePlan {
    const where = 'ProbePlan.fromAnalyzer()';
    POLICY_ANALYZER.check(where, 'analyzer', analyzer);
    probeStruct('ProbePlanOptions')(where, 'options', options);
    optional(listOf(ENDPOINT.check))(where, 'endpoints', endpoints);
    return new ProbePlan(buildPlan(analyzer, endpoints ?? analyzer.endpoints(), options));
  }

  /**
   * A plan from plain manifests (as `chart.toJson()` or a YAML parser gives them).
   *
   * @example
   * ProbePlan.fromManifests(manifests, { ports: [{ portName: 'http' }, { port: 53, protocol: Protocol.UDP }] });
   */
  public static fromManifests(manifests: any[], options: ProbePlanOptions): ProbePlan {
    const where = 'ProbePlan.fromManifests()';
    if (!Array.isArray(manifests)) {
      throw argumentError(where, 'manifests must be a list of manifest objects', manifests, 'Pass an array, e.g. chart.toJson() or the documents of a parsed YAML file');
    }
    probeStruct('ProbePlanOptions')(where, 'options', options);
    return ProbePlan.fromAnalyzer(PolicyAnalyzer.fromManifests(manifests), options);
  }

  /**
   * A plan from the manifests a chart synthesizes.
   *
   * @example
   * ProbePlan.fromChart(chart, { ports: [{ port: 8080 }], sources: ['shop'] });
   */
  public static fromChart(chart: Chart, options: ProbePlanOptions): ProbePlan {
    const where = 'ProbePlan.fromChart()';
    if (typeof chart !== 'object' || chart === null || !Chart.isChart(chart)) {
      throw argumentError(where, 'chart must be a cdk8s Chart', chart, 'Pass the chart itself, or use ProbePlan.fromManifests() for manifests');
    }
    probeStruct('ProbePlanOptions')(where, 'options', options);
    return ProbePlan.fromManifests(withoutDefaultLint(chart, () => chart.toJson()), options);
  }

  /**
   * Reads a plan saved with `toJson()` (for example by `cdk8s-netpol probe plan`), refusing any field it cannot trust.
   *
   * @example
   * const saved = plan.toJson(); // as `cdk8s-netpol probe plan` writes it
   * ProbePlan.fromJson(saved);
   */
  public static fromJson(json: any): ProbePlan {
    return new ProbePlan(readPlanJson(json, PLAN_FORMAT));
  }

  private constructor(private readonly data: PlanData) {}

  /** Stable id of the plan (a hash of its classes and cells); every object it creates carries it as a label. */
  public get id(): string {
    return this.data.id;
  }

  /** How many workloads the classes were made from. */
  public get workloadCount(): number {
    return this.data.workloads;
  }

  /** The probed ports. */
  public get ports(): TruthTablePort[] {
    return this.data.ports.map((p) => ({ ...p }));
  }

  /** The classes, sorted by namespace and first member (canary classes last). */
  public get classes(): ProbeClass[] {
    return this.data.classes.map((c) => ({ ...c, labels: { ...c.labels }, ports: c.ports.map((p) => ({ ...p })), members: [...c.members] }));
  }

  /** The cells to probe, sorted by source class, destination class, then port. */
  public get cells(): ProbeCell[] {
    return this.data.cells.map((c) => ({ ...c }));
  }

  /** The cell probed first, which must be denied. */
  public get denyCanary(): ProbeCell {
    return { ...this.data.denyCanary };
  }

  /** The cell probed second, which must be allowed. */
  public get allowCanary(): ProbeCell {
    return { ...this.data.allowCanary };
  }

  /** How the plan came to its number of cells, one sentence per line. */
  public get notes(): string[] {
    return [...this.data.notes];
  }

  /** The stand-in pods, sorted by namespace and name. */
  public standInManifests(options: StandInOptions = {}): any[] {
    probeStruct('StandInOptions')('ProbePlan.standInManifests()', 'options', options);
    return standInPods(this.data, { agnhost: options.agnhostImage, registry: options.registry, lifetimeSeconds: options.lifetimeSeconds });
  }

  /** Other objects the plan needs: the canary namespace and policy when it adds canaries, else none. */
  public extraManifests(): any[] {
    return JSON.parse(JSON.stringify(this.data.extraManifests));
  }

  /** The plan as plain JSON, stable from run to run. */
  public toJson(): any {
    const d = this.data;
    return JSON.parse(JSON.stringify({
      format: PLAN_FORMAT,
      id: d.id,
      workloads: d.workloads,
      notes: d.notes,
      ports: d.ports,
      classes: d.classes,
      denyCanary: d.denyCanary,
      allowCanary: d.allowCanary,
      cells: d.cells,
      extraManifests: d.extraManifests,
    }));
  }
}

PROBE_PLAN.mark(ProbePlan);
