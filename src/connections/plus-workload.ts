/**
 * Internal: reading the pod selector, namespace, name and container ports of a cdk8s-plus workload, by its
 * shape, so that every cdk8s-plus line (28, 32, 33, 34, ...) is read alike. Not exported from the package.
 */
import { Protocol } from '../protocol';
import { WorkloadPort } from './workload-port';
import { LabelRequirement, LabelSelector } from '../selectors/label-selector';

/** A cdk8s-plus label selector as its lines render it. */
interface PlusKubeSelector {
  readonly matchLabels?: Record<string, string>;
  readonly matchExpressions?: Array<{ readonly key: string; readonly operator: string; readonly values?: string[] }>;
}

/** What the constructs read of a cdk8s-plus workload (AbstractPod in every line). */
export interface PlusWorkloadShape {
  readonly name: string;
  readonly metadata: { readonly namespace?: string };
  readonly containers: ReadonlyArray<{ readonly ports: ReadonlyArray<PlusContainerPort> }>;
  /** The selector of a Deployment, StatefulSet, DaemonSet or Job (not of a Pod). */
  readonly matchLabels?: Record<string, string>;
  readonly matchExpressions?: PlusKubeSelector['matchExpressions'];
  toPodSelectorConfig(): { readonly labelSelector: { _toKube(): PlusKubeSelector } };
}

/** A container port as every cdk8s-plus line describes it. */
interface PlusContainerPort {
  readonly number: number;
  readonly name?: string;
  readonly protocol?: string;
}

/** The workload as a cdk8s-plus workload, or undefined when it does not have that shape. */
export function asPlusWorkload(value: unknown): PlusWorkloadShape | undefined {
  const w = value as Partial<PlusWorkloadShape> | undefined;
  if (typeof w !== 'object' || w === null || typeof w.toPodSelectorConfig !== 'function' || !Array.isArray(w.containers)
    || typeof w.name !== 'string' || typeof w.metadata !== 'object' || w.metadata === null) {
    return undefined;
  }
  return w as PlusWorkloadShape;
}

/**
 * The pods of a cdk8s-plus workload, as cdk8s-plus selects them for its own network policies: the workload's
 * selector (`matchLabels` + `matchExpressions`) when it has one, else the `cdk8s.io/metadata.addr` label it
 * puts on every pod it renders (Pod, and Job, which does not select). Undefined when it selects nothing.
 */
export function plusPodSelector(workload: PlusWorkloadShape): LabelSelector | undefined {
  const own = selectorOf({ matchLabels: workload.matchLabels, matchExpressions: workload.matchExpressions });
  return own ?? selectorOf(workload.toPodSelectorConfig().labelSelector._toKube());
}

function selectorOf(kube: PlusKubeSelector): LabelSelector | undefined {
  const labels = kube.matchLabels ?? {};
  const expressions = (kube.matchExpressions ?? []).map(toRequirement);
  if (Object.keys(labels).length === 0 && expressions.length === 0) {
    return undefined;
  }
  return LabelSelector.of({ labels, expressions });
}

/**
 * Every container port of the workload with its real protocol and name (init containers are left out).
 * A port without a protocol is TCP, as in Kubernetes.
 */
export function plusContainerPorts(workload: PlusWorkloadShape): WorkloadPort[] {
  return workload.containers.flatMap((container) => container.ports.map((port) => ({
    port: port.number,
    name: port.name,
    protocol: toProtocol(port.protocol),
  })));
}

function toProtocol(protocol: string | undefined): Protocol {
  switch (protocol) {
    case Protocol.UDP: return Protocol.UDP;
    case Protocol.SCTP: return Protocol.SCTP;
    default: return Protocol.TCP;
  }
}

function toRequirement(requirement: { key: string; operator: string; values?: string[] }): LabelRequirement {
  switch (requirement.operator) {
    case 'In': return LabelRequirement.isIn(requirement.key, requirement.values ?? []);
    case 'NotIn': return LabelRequirement.isNotIn(requirement.key, requirement.values ?? []);
    case 'Exists': return LabelRequirement.exists(requirement.key);
    default: return LabelRequirement.doesNotExist(requirement.key);
  }
}
