import { InPlaceProber } from './in-place-prober';
import { ClusterProblem, Kubectl } from './kubectl';
import { ProbePlan } from './plan';
import { PROBE_PLAN, probeStruct } from './probe-struct-checks';
import { Prober } from './prober';
import { ProbeReport } from './report';
import { ProbeErrorCode, ProbeResult } from './result';
import { StandInProber } from './stand-in-prober';
import { ProbeCell } from './types';
import { ErrorCode, invalid } from '../private/errors';

/**
 * How the cells are probed.
 */
export enum ProbeMode {
  /** Stand-in pods per class, `agnhost connect` between them (every protocol). */
  STAND_INS = 'stand-ins',
  /** An ephemeral netshoot container in a real source pod, to a real destination pod (TCP only). */
  IN_PLACE = 'in-place',
}

/**
 * Options of a probe run.
 */
export interface ProbeRunOptions {
  /**
   * The kubectl executable.
   *
   * @default "kubectl"
   */
  readonly kubectl?: string;

  /**
   * The kubeconfig context.
   *
   * @default - kubectl's current context
   */
  readonly context?: string;

  /**
   * How many cells to probe at once.
   *
   * @default 4
   */
  readonly parallel?: number;

  /**
   * Leave the stand-in pods (and the canary namespace) on the cluster.
   *
   * @default false
   */
  readonly keep?: boolean;

  /**
   * How cells are probed.
   *
   * @default ProbeMode.STAND_INS
   */
  readonly mode?: ProbeMode;

  /**
   * Seconds a connection attempt may take before it counts as dropped.
   *
   * @default 1
   */
  readonly connectTimeoutSeconds?: number;

  /**
   * Seconds the stand-in pods may take to reach the Running phase.
   *
   * @default 120
   */
  readonly startTimeoutSeconds?: number;

  /**
   * The agnhost image of the stand-ins.
   *
   * @default - `ProbeImageDefaults.AGNHOST`, with `registry` in front when given
   */
  readonly agnhostImage?: string;

  /**
   * The netshoot image of the in-place mode.
   *
   * @default - `ProbeImageDefaults.NETSHOOT`, with `registry` in front when given
   */
  readonly netshootImage?: string;

  /**
   * A registry that mirrors the default images.
   *
   * @default - the images' own registries
   */
  readonly registry?: string;
}

/**
 * One run of a probe plan against a cluster, through kubectl: the deny canary first (if it connects, the
 * cluster does not enforce NetworkPolicy), then the allow canary (if it does not, the probes are broken),
 * then every cell, each retried once when it disagrees; probe objects are deleted afterwards unless `keep`,
 * also after `interrupt()`.
 *
 * @example
 * const report = await new ProbeRun(plan, { context: 'kind-probes' }).execute();
 * report.exitCode;
 */
export class ProbeRun {
  private interrupted = false;
  private readonly options: ProbeRunOptions;

  constructor(private readonly plan: ProbePlan, options: ProbeRunOptions = {}) {
    PROBE_PLAN.check('new ProbeRun()', 'plan', plan);
    probeStruct('ProbeRunOptions')('new ProbeRun()', 'options', options);
    this.options = { ...options };
    const parallel = options.parallel ?? 4;
    if (!Number.isInteger(parallel) || parallel < 1 || parallel > 64) {
      throw invalid(ErrorCode.WRONG_TYPE, 'ProbeRun', 'parallel must be a whole number from 1 to 64', options.parallel, 'Give how many cells to probe at once');
    }
    for (const [field, value, max] of [['connectTimeoutSeconds', options.connectTimeoutSeconds, 60], ['startTimeoutSeconds', options.startTimeoutSeconds, 3600]] as const) {
      if (value !== undefined && (!Number.isInteger(value) || value < 1 || value > max)) {
        throw invalid(ErrorCode.WRONG_TYPE, 'ProbeRun', `${field} must be a whole number from 1 to ${max}`, value, 'Give a number of seconds');
      }
    }
    if (options.mode !== undefined && !Object.values(ProbeMode).includes(options.mode)) {
      throw invalid(ErrorCode.UNKNOWN_VALUE, 'ProbeRun', 'mode must be a ProbeMode', options.mode, 'Use ProbeMode.STAND_INS or ProbeMode.IN_PLACE');
    }
  }

  /** Stops the run after the cells in flight; the probe objects are still deleted. */
  public interrupt(): void {
    this.interrupted = true;
  }

  /** Runs the plan; resolves with the report (never rejects for cluster problems: they are in the report). */
  public async execute(): Promise<ProbeReport> {
    const results: ProbeResult[] = [];
    const notes: string[] = [];
    let error: ClusterProblem | undefined;
    let prober: Prober | undefined;
    try {
      prober = this.prober();
      notes.push(...prober.notes);
      await prober.prepare();
      this.check();
      await this.canaries(prober, results);
      results.push(...await this.cells(prober));
    } catch (e) {
      if (!(e instanceof ClusterProblem)) throw e;
      // Ctrl-C also reaches the kubectl children, whose failures then only echo the interruption
      error = this.interrupted ? new ClusterProblem(ProbeErrorCode.INTERRUPTED, 'the run was interrupted; no result counts.') : e;
    } finally {
      if (prober !== undefined && this.options.keep !== true) {
        await prober.cleanup().catch((e: Error) => notes.push(`cleanup failed: ${e.message} Delete the pods labelled probes.cdk8s-netpol.io/plan=${this.plan.id} by hand.`));
      } else if (prober !== undefined) {
        notes.push(`kept the probe objects: kubectl delete pods,networkpolicies,namespaces -A -l probes.cdk8s-netpol.io/plan=${this.plan.id}`);
      }
    }
    const mode = prober?.mode ?? this.options.mode ?? ProbeMode.STAND_INS;
    return ProbeReport._create({ planId: this.plan.id, mode, results, errorCode: error?.code, errorMessage: error?.message, notes });
  }

  private prober(): Prober {
    const kubectl = new Kubectl({ path: this.options.kubectl ?? 'kubectl', context: this.options.context });
    const connectTimeoutSeconds = this.options.connectTimeoutSeconds ?? 1;
    if ((this.options.mode ?? ProbeMode.STAND_INS) === ProbeMode.IN_PLACE) {
      return new InPlaceProber(kubectl, this.plan, {
        netshootImage: this.options.netshootImage, registry: this.options.registry, connectTimeoutSeconds,
      });
    }
    return new StandInProber(kubectl, this.plan, {
      agnhostImage: this.options.agnhostImage,
      registry: this.options.registry,
      connectTimeoutSeconds,
      startTimeoutSeconds: this.options.startTimeoutSeconds ?? 120,
    });
  }

  private check(): void {
    if (this.interrupted) {
      throw new ClusterProblem(ProbeErrorCode.INTERRUPTED, 'the run was interrupted; no result counts.');
    }
  }

  private async canaries(prober: Prober, results: ProbeResult[]): Promise<void> {
    const deny = await this.probeCell(prober, this.plan.denyCanary, 'deny-canary');
    results.push(deny);
    if (!deny.agrees) {
      throw new ClusterProblem(ProbeErrorCode.NOT_ENFORCED, `this cluster does not enforce NetworkPolicy: the deny canary ${deny.cell.id} connected`
        + ` (${deny.sourcePod} -> ${deny.destinationPod}). Install a CNI that enforces NetworkPolicy (Calico, Cilium, ...); no other result counts.`);
    }
    this.check();
    const allow = await this.probeCell(prober, this.plan.allowCanary, 'allow-canary');
    results.push(allow);
    if (!allow.agrees) {
      throw new ClusterProblem(ProbeErrorCode.PROBE_BROKEN, `the allow canary ${allow.cell.id} did not connect (${allow.detail}), so a denied`
        + ' cell could not be told from a broken probe. Check the probe image and the pods\' logs.');
    }
  }

  private async cells(prober: Prober): Promise<ProbeResult[]> {
    const cells = this.plan.cells;
    const out: ProbeResult[] = new Array(cells.length);
    let next = 0;
    let failure: unknown;
    const worker = async () => {
      while (next < cells.length && failure === undefined && !this.interrupted) {
        const i = next++;
        try {
          out[i] = await this.probeCell(prober, cells[i], 'cell');
        } catch (e) {
          failure = failure ?? e;
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(this.options.parallel ?? 4, cells.length) }, worker));
    if (failure !== undefined) throw failure;
    this.check();
    return out;
  }

  /** Probes a cell; one retry when it disagrees, as upstream does. */
  private async probeCell(prober: Prober, cell: ProbeCell, role: string): Promise<ProbeResult> {
    let seen = await prober.probe(cell);
    let attempts = 1;
    if (seen.allowed !== cell.expectAllowed) {
      seen = await prober.probe(cell);
      attempts = 2;
    }
    return {
      cell,
      role,
      observedAllowed: seen.allowed,
      agrees: seen.allowed === cell.expectAllowed,
      attempts,
      detail: seen.detail,
      sourcePod: seen.sourcePod,
      destinationPod: seen.destinationPod,
    };
  }
}
