/**
 * Probing with stand-in pods (internal): apply them, wait until they run, `agnhost connect` from the source
 * class's stand-in to the destination class's stand-in, delete them by the plan's label.
 */
import { standInName, twinName } from './classes';
import { ClusterProblem, clusterProblem, Kubectl } from './kubectl';
import { PLAN_LABEL } from './labels';
import { ProbePlan } from './plan';
import { hostPort, itemsOf, Observation, Prober } from './prober';
import { ProbeErrorCode } from './result';
import { ProbeCell } from './types';
import { compareText } from '../analysis/internal/order';

/** Settings of the stand-in mode. */
export interface StandInSettings {
  readonly agnhostImage?: string;
  readonly registry?: string;
  readonly connectTimeoutSeconds: number;
  readonly startTimeoutSeconds: number;
}

const PULL_FAILURES = ['ErrImagePull', 'ImagePullBackOff', 'InvalidImageName', 'ErrImageNeverPull'];

export class StandInProber implements Prober {
  public readonly mode = 'stand-ins';
  public readonly notes: string[] = [];
  private readonly ips = new Map<string, string>();
  private readonly classNamespace = new Map<string, string>();

  constructor(private readonly kubectl: Kubectl, private readonly plan: ProbePlan, private readonly settings: StandInSettings) {
    plan.classes.forEach((c) => this.classNamespace.set(c.id, c.namespace));
  }

  public async prepare(): Promise<void> {
    const pods = this.plan.standInManifests({ agnhostImage: this.settings.agnhostImage, registry: this.settings.registry, lifetimeSeconds: 3600 });
    const items = [...this.plan.extraManifests(), ...pods];
    await this.kubectl.must(['apply', '-f', '-'], 'applying the stand-in pods', { input: JSON.stringify({ apiVersion: 'v1', kind: 'List', items }) });
    const namespaces = [...new Set(pods.map((p) => p.metadata.namespace as string))].sort(compareText);
    for (const ns of namespaces) {
      await this.waitRunning(ns);
    }
    const out = await this.kubectl.must(['get', 'pods', '--all-namespaces', '-l', `${PLAN_LABEL}=${this.plan.id}`, '-o', 'json'], 'reading the stand-in pods');
    for (const pod of itemsOf(out)) {
      if (typeof pod.status?.podIP === 'string' && pod.status.podIP !== '') {
        this.ips.set(`${pod.metadata.namespace}/${pod.metadata.name}`, pod.status.podIP);
      }
    }
  }

  private async waitRunning(ns: string): Promise<void> {
    const timeout = this.settings.startTimeoutSeconds;
    const result = await this.kubectl.run(['wait', '--for=jsonpath={.status.phase}=Running', 'pod', '-n', ns,
      '-l', `${PLAN_LABEL}=${this.plan.id}`, `--timeout=${timeout}s`], { timeoutMs: (timeout + 30) * 1000 });
    if (result.code === 0 && !result.timedOut) return;
    const problem = clusterProblem(result, `waiting for the stand-in pods in namespace ${ns}`);
    if (problem.code !== ProbeErrorCode.KUBECTL_FAILED) throw problem;
    const listed = await this.kubectl.must(['get', 'pods', '-n', ns, '-l', `${PLAN_LABEL}=${this.plan.id}`, '-o', 'json'], 'reading the stand-in pods');
    for (const pod of itemsOf(listed).sort((a, b) => compareText(a.metadata.name, b.metadata.name))) {
      const waiting = (pod.status?.containerStatuses ?? []).map((s: any) => s.state?.waiting).find((w: any) => w !== undefined);
      if (waiting !== undefined && PULL_FAILURES.includes(waiting.reason)) {
        throw new ClusterProblem(ProbeErrorCode.IMAGE_PULL, `pod ${ns}/${pod.metadata.name} cannot pull its image (${waiting.reason}: ${waiting.message ?? 'no message'}).`
          + ' Mirror the image and pass --registry or --agnhost-image.');
      }
      if (pod.status?.phase !== 'Running') {
        const why = waiting === undefined ? pod.status?.phase ?? 'unknown phase' : `${waiting.reason}${waiting.message === undefined ? '' : `: ${waiting.message}`}`;
        throw new ClusterProblem(ProbeErrorCode.POD_NOT_RUNNING, `pod ${ns}/${pod.metadata.name} is not running after ${timeout}s (${why}).`
          + ' Check `kubectl describe pod`; raise --start-timeout on a slow cluster.');
      }
    }
    throw new ClusterProblem(ProbeErrorCode.POD_NOT_RUNNING, `the stand-in pods in namespace ${ns} did not all start in ${timeout}s (${result.stderr.trim()}).`);
  }

  public async probe(cell: ProbeCell): Promise<Observation> {
    const sourceNs = this.classNamespace.get(cell.sourceClass)!;
    const destNs = this.classNamespace.get(cell.destinationClass)!;
    const source = `${sourceNs}/${cell.sourceClass === cell.destinationClass ? twinName(cell.sourceClass) : standInName(cell.sourceClass)}`;
    const destination = `${destNs}/${standInName(cell.destinationClass)}`;
    const ip = this.ips.get(destination);
    if (ip === undefined) {
      throw new ClusterProblem(ProbeErrorCode.POD_NOT_RUNNING, `stand-in ${destination} has no pod IP.`);
    }
    const timeout = this.settings.connectTimeoutSeconds;
    const [ns, name] = source.split('/');
    const result = await this.kubectl.run(['exec', '-n', ns, name, '-c', 'serve-0', '--', '/agnhost', 'connect', hostPort(ip, cell.targetPort),
      `--timeout=${timeout}s`, `--protocol=${cell.protocol.toLowerCase()}`], { timeoutMs: (timeout + 30) * 1000 });
    const seen = { sourcePod: source, destinationPod: `${destination} (${hostPort(ip, cell.targetPort)})` };
    if (result.code === 0 && !result.timedOut) {
      return { ...seen, allowed: true, detail: 'connected' };
    }
    const marker = /^(TIMEOUT|REFUSED|OTHER|DNS|UNKNOWN)\b.*$/m.exec(result.stderr);
    if (marker === null || result.timedOut) {
      throw clusterProblem(result, `probing ${cell.id} from ${source}`);
    }
    if (marker[1] === 'DNS' || marker[1] === 'UNKNOWN') {
      throw new ClusterProblem(ProbeErrorCode.PROBE_BROKEN, `agnhost connect could not run in ${source} (${marker[0].trim()}).`);
    }
    return { ...seen, allowed: false, detail: marker[0].trim() };
  }

  public async cleanup(): Promise<void> {
    await this.kubectl.must(['delete', 'pods,networkpolicies,namespaces', '--all-namespaces', '-l', `${PLAN_LABEL}=${this.plan.id}`,
      '--ignore-not-found', '--wait=false'], 'deleting the stand-in pods');
  }
}
