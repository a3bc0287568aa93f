/**
 * Probing in place (internal, TCP only): an ephemeral netshoot container (`kubectl debug`) in a running pod
 * of the source class connects to a running pod of the destination class. A refused connection reached the
 * destination, so the policy let it through; a timeout means it was dropped. Ephemeral containers cannot be
 * removed: they stay, terminated, in the pod's spec until the pod is replaced.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { resolveImages } from './images';
import { ClusterProblem, clusterProblem, Kubectl } from './kubectl';
import { PLAN_LABEL } from './labels';
import { ProbePlan } from './plan';
import { hostPort, itemsOf, Observation, Prober } from './prober';
import { ProbeErrorCode } from './result';
import { PROBE_USER } from './stand-ins';
import { ProbeCell } from './types';
import { compareText } from '../analysis/internal/order';
import { Protocol } from '../protocol';

/** Settings of the in-place mode. */
export interface InPlaceSettings {
  readonly netshootImage?: string;
  readonly registry?: string;
  readonly connectTimeoutSeconds: number;
}

interface RealPod {
  readonly ns: string;
  readonly name: string;
  readonly ip: string;
}

export class InPlaceProber implements Prober {
  public readonly mode = 'in-place';
  public readonly notes = ['in place: the ephemeral containers stay, terminated, in the source pods until those pods are replaced.'];
  private readonly pods = new Map<string, RealPod>();
  private readonly image: string;
  private readonly dir: string;
  private counter = 0;

  constructor(private readonly kubectl: Kubectl, private readonly plan: ProbePlan, private readonly settings: InPlaceSettings) {
    this.image = resolveImages({ netshoot: settings.netshootImage, registry: settings.registry }).netshoot;
    const cells = [plan.denyCanary, plan.allowCanary, ...plan.cells];
    const udp = cells.find((c) => c.protocol !== Protocol.TCP);
    if (udp !== undefined) {
      throw new ClusterProblem(ProbeErrorCode.USAGE, `in place probes TCP only, and cell ${udp.id} is ${udp.protocol}. Plan with TCP ports only, or use stand-ins.`);
    }
    const added = plan.classes.find((c) => c.members.length === 0 && cells.some((k) => k.sourceClass === c.id || k.destinationClass === c.id));
    if (added !== undefined) {
      throw new ClusterProblem(ProbeErrorCode.USAGE, `the plan adds canary stand-in ${added.id}, which has no real pod to probe in place. Use stand-ins.`);
    }
    this.dir = mkdtempSync(join(tmpdir(), 'netpol-probe-'));
    writeFileSync(join(this.dir, 'custom.json'), JSON.stringify({
      securityContext: {
        allowPrivilegeEscalation: false,
        capabilities: { drop: ['ALL'] },
        runAsGroup: PROBE_USER,
        runAsNonRoot: true,
        runAsUser: PROBE_USER,
        seccompProfile: { type: 'RuntimeDefault' },
      },
    }));
  }

  public async prepare(): Promise<void> {
    const cells = [this.plan.denyCanary, this.plan.allowCanary, ...this.plan.cells];
    const used = new Set(cells.flatMap((c) => [c.sourceClass, c.destinationClass]));
    for (const c of this.plan.classes.filter((k) => used.has(k.id))) {
      const selector = [...Object.entries(c.labels).map(([k, v]) => `${k}=${v}`), `!${PLAN_LABEL}`].join(',');
      const out = await this.kubectl.must(['get', 'pods', '-n', c.namespace, '-l', selector, '-o', 'json'], `finding a pod of class ${c.id}`);
      const running = itemsOf(out).filter((p) => p.status?.phase === 'Running' && typeof p.status?.podIP === 'string' && p.status.podIP !== '')
        .sort((a, b) => compareText(a.metadata.name, b.metadata.name));
      if (running.length === 0) {
        throw new ClusterProblem(ProbeErrorCode.NO_POD, `class ${c.id} (${c.members.join(', ')}) has no running pod in namespace ${c.namespace}`
          + ` matching ${selector}. Apply the application first, or use stand-ins.`);
      }
      this.pods.set(c.id, { ns: c.namespace, name: running[0].metadata.name, ip: running[0].status.podIP });
    }
  }

  public async probe(cell: ProbeCell): Promise<Observation> {
    const source = this.pods.get(cell.sourceClass)!;
    const destination = this.pods.get(cell.destinationClass)!;
    const container = `netpol-probe-${this.plan.id}-${++this.counter}`;
    const timeout = this.settings.connectTimeoutSeconds;
    await this.kubectl.must(['debug', '-n', source.ns, `pod/${source.name}`, `--image=${this.image}`, `--container=${container}`,
      '--profile=restricted', `--custom=${join(this.dir, 'custom.json')}`, '--', 'nc', '-z', '-v', '-w', String(timeout),
      destination.ip, String(cell.targetPort)], `starting an ephemeral container in ${source.ns}/${source.name}`);
    const log = await this.finished(source, container, timeout);
    const seen = { sourcePod: `${source.ns}/${source.name}`, destinationPod: `${destination.ns}/${destination.name} (${hostPort(destination.ip, cell.targetPort)})` };
    if (/succeeded|open/i.test(log)) return { ...seen, allowed: true, detail: 'connected' };
    if (/refused/i.test(log)) return { ...seen, allowed: true, detail: 'refused (the packet reached the pod)' };
    if (/timed out/i.test(log)) return { ...seen, allowed: false, detail: 'timed out' };
    throw new ClusterProblem(ProbeErrorCode.PROBE_BROKEN, `the netshoot probe in ${seen.sourcePod} printed no verdict (${log.trim() || 'nothing'}).`);
  }

  /** Waits until the ephemeral container terminated, then reads its output. */
  private async finished(pod: RealPod, container: string, timeout: number): Promise<string> {
    const deadline = Date.now() + (timeout + 60) * 1000;
    while (Date.now() < deadline) {
      const out = await this.kubectl.must(['get', 'pod', '-n', pod.ns, pod.name, '-o', 'json'], `reading ${pod.ns}/${pod.name}`);
      const status = (itemsOf(out)[0]?.status?.ephemeralContainerStatuses ?? []).find((s: any) => s.name === container);
      const waiting = status?.state?.waiting;
      if (waiting !== undefined && /ErrImagePull|ImagePullBackOff|InvalidImageName/.test(waiting.reason ?? '')) {
        throw new ClusterProblem(ProbeErrorCode.IMAGE_PULL, `the netshoot image cannot be pulled in ${pod.ns}/${pod.name} (${waiting.reason}). Pass --netshoot-image or --registry.`);
      }
      if (status?.state?.terminated !== undefined) {
        const logs = await this.kubectl.run(['logs', '-n', pod.ns, pod.name, '-c', container]);
        if (logs.code !== 0) throw clusterProblem(logs, `reading the output of ${container}`);
        return logs.stdout + logs.stderr;
      }
      await new Promise((r) => setTimeout(r, 250));
    }
    throw new ClusterProblem(ProbeErrorCode.POD_NOT_RUNNING, `the ephemeral container ${container} in ${pod.ns}/${pod.name} did not finish in time.`);
  }

  public async cleanup(): Promise<void> {
    rmSync(this.dir, { recursive: true, force: true });
  }
}
