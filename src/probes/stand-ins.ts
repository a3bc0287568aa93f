/**
 * Stand-in pods (internal): per class, a pod in the class's namespace with the class's labels and named
 * container ports, serving the probed ports with `agnhost netexec`. A readiness gate that no controller sets
 * keeps it out of every Service's ready endpoints, while NetworkPolicy applies to it as to any pod. The pods
 * meet the restricted Pod Security Standard.
 */
import { standInName, twinName } from './classes';
import { resolveImages } from './images';
import { CLASS_LABEL, MEMBERS_ANNOTATION, NEVER_READY, PLAN_LABEL } from './labels';
import { ProbeCell, ProbeClass } from './types';
import { ContainerPort } from '../analysis';
import { compareText } from '../analysis/internal/order';
import { Protocol } from '../protocol';

/** What the stand-in renderer reads of a plan. */
export interface StandInSource {
  readonly id: string;
  readonly classes: ProbeClass[];
  readonly cells: ProbeCell[];
  readonly denyCanary: ProbeCell;
  readonly allowCanary: ProbeCell;
}

/** Rendering choices. */
export interface StandInChoices {
  readonly agnhost?: string;
  readonly registry?: string;
  /** Seconds after which the kubelet stops a stand-in that was not deleted; undefined for none. */
  readonly lifetimeSeconds?: number;
}

/** The user id the stand-ins run as (nobody). */
export const PROBE_USER = 65534;

/** The pods of a plan, sorted by namespace and name. */
export function standInPods(plan: StandInSource, choices: StandInChoices = {}): any[] {
  const image = resolveImages({ agnhost: choices.agnhost, registry: choices.registry }).agnhost;
  const cells = [plan.denyCanary, plan.allowCanary, ...plan.cells];
  const pods: any[] = [];
  for (const c of plan.classes) {
    const served = cells.filter((cell) => cell.destinationClass === c.id);
    const used = cells.some((cell) => cell.sourceClass === c.id || cell.destinationClass === c.id);
    if (!used) continue;
    pods.push(pod(plan.id, c, standInName(c.id), served, image, choices.lifetimeSeconds));
    if (cells.some((cell) => cell.sourceClass === c.id && cell.destinationClass === c.id)) {
      pods.push(pod(plan.id, c, twinName(c.id), [], image, choices.lifetimeSeconds));
    }
  }
  const byName = (a: any, b: any) => compareText(a.metadata.namespace, b.metadata.namespace) || compareText(a.metadata.name, b.metadata.name);
  return JSON.parse(JSON.stringify(pods)).sort(byName);
}

interface Listener {
  readonly port: number;
  readonly protocol: Protocol;
}

function pod(planId: string, c: ProbeClass, name: string, served: ProbeCell[], image: string, lifetime?: number): any {
  const containers = serverContainers(c.ports, listeners(served), image);
  const low = containers.some((k) => (k.ports ?? []).some((p: any) => p.containerPort < 1024));
  const members = c.members.length > 5 ? [...c.members.slice(0, 5), `(+${c.members.length - 5})`] : c.members;
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name,
      namespace: c.namespace,
      labels: { ...c.labels, [PLAN_LABEL]: planId, [CLASS_LABEL]: c.id },
      annotations: members.length === 0 ? undefined : { [MEMBERS_ANNOTATION]: members.join(', ') },
    },
    spec: {
      ...(lifetime === undefined ? {} : { activeDeadlineSeconds: lifetime }),
      automountServiceAccountToken: false,
      containers,
      enableServiceLinks: false,
      readinessGates: [{ conditionType: NEVER_READY }],
      restartPolicy: 'Never',
      securityContext: {
        runAsGroup: PROBE_USER,
        runAsNonRoot: true,
        runAsUser: PROBE_USER,
        seccompProfile: { type: 'RuntimeDefault' },
        ...(low ? { sysctls: [{ name: 'net.ipv4.ip_unprivileged_port_start', value: '0' }] } : {}),
      },
      terminationGracePeriodSeconds: 1,
    },
  };
}

function listeners(cells: ProbeCell[]): Listener[] {
  const found = new Map<string, Listener>();
  cells.forEach((c) => found.set(`${c.protocol} ${c.targetPort}`, { port: c.targetPort, protocol: c.protocol }));
  return [...found.values()].sort((a, b) => a.port - b.port || compareText(a.protocol, b.protocol));
}

/**
 * One netexec per container: it serves one TCP (HTTP), one UDP and one SCTP port, so container i serves the
 * i-th port of each protocol. Declared ports nobody probes go on the first container, so named ports resolve.
 */
function serverContainers(declared: ContainerPort[], served: Listener[], image: string): any[] {
  const of = (protocol: Protocol) => served.filter((l) => l.protocol === protocol).map((l) => l.port);
  const tcp = of(Protocol.TCP); const udp = of(Protocol.UDP); const sctp = of(Protocol.SCTP);
  const count = Math.max(1, tcp.length, udp.length, sctp.length);
  const taken = new Set([...served.map((l) => l.port), ...declared.map((p) => p.port)]);
  let spare = 61000;
  const containers = Array.from({ length: count }, (_, i) => {
    while (tcp[i] === undefined && taken.has(spare)) spare++;
    const http = tcp[i] ?? spare;
    taken.add(http);
    const args = ['netexec', `--http-port=${http}`, `--udp-port=${udp[i] ?? -1}`, ...(sctp[i] === undefined ? [] : [`--sctp-port=${sctp[i]}`])];
    const mine: Listener[] = [
      ...(tcp[i] === undefined ? [] : [{ port: tcp[i], protocol: Protocol.TCP }]),
      ...(udp[i] === undefined ? [] : [{ port: udp[i], protocol: Protocol.UDP }]),
      ...(sctp[i] === undefined ? [] : [{ port: sctp[i], protocol: Protocol.SCTP }]),
    ];
    return { index: i, args, mine };
  });
  const placed = new Set<string>();
  return containers.map(({ index, args, mine }) => {
    const ports = declared.filter((p) => (index === 0 && !served.some((l) => same(l, p))) || mine.some((l) => same(l, p)));
    const extra = mine.filter((l) => !declared.some((p) => same(l, p)));
    const all = [...ports.map((p) => ({ containerPort: p.port, name: p.name, protocol: p.protocol ?? Protocol.TCP })),
      ...extra.map((l) => ({ containerPort: l.port, protocol: l.protocol }))]
      .filter((p) => !placed.has(`${p.protocol} ${p.containerPort}`) && placed.add(`${p.protocol} ${p.containerPort}`) !== undefined)
      .sort((a, b) => a.containerPort - b.containerPort || compareText(a.protocol, b.protocol));
    return container(`serve-${index}`, image, ['/agnhost', ...args], all);
  });
}

function same(l: Listener, p: ContainerPort): boolean {
  return l.port === p.port && l.protocol === (p.protocol ?? Protocol.TCP);
}

function container(name: string, image: string, command: string[], ports: any[]): any {
  const low = ports.some((p) => p.containerPort < 1024);
  return {
    command,
    image,
    imagePullPolicy: 'IfNotPresent',
    name,
    ports: ports.length === 0 ? undefined : ports,
    resources: { limits: { memory: '64Mi' }, requests: { cpu: '10m', memory: '16Mi' } },
    securityContext: {
      allowPrivilegeEscalation: false,
      capabilities: low ? { add: ['NET_BIND_SERVICE'], drop: ['ALL'] } : { drop: ['ALL'] },
      readOnlyRootFilesystem: true,
      runAsNonRoot: true,
    },
  };
}
