/**
 * Internal: reading the pod selector, namespace and container ports of a cdk8s-plus-28 workload.
 * Not exported from the package.
 */
import * as kplus from 'cdk8s-plus-28';
import { Protocol } from '../protocol';
import { WorkloadPort } from './workload-port';
import { LabelRequirement, LabelSelector } from '../selectors/label-selector';

/**
 * The pods of a cdk8s-plus workload: the workload's own selector (`matchLabels` + `matchExpressions`) when it
 * has one, else the `cdk8s.io/metadata.addr` label cdk8s-plus puts on every pod it renders (Pod, and Job,
 * which does not select). Undefined when neither exists.
 */
export function plusPodSelector(workload: kplus.AbstractPod): LabelSelector | undefined {
  if (workload instanceof kplus.Workload) {
    const labels = workload.matchLabels;
    const expressions = workload.matchExpressions.map(toRequirement);
    if (Object.keys(labels).length > 0 || expressions.length > 0) {
      return LabelSelector.of({ labels, expressions });
    }
  }
  const address = workload.podMetadata.getLabel(kplus.Pod.ADDRESS_LABEL);
  return address === undefined ? undefined : LabelSelector.of({ labels: { [kplus.Pod.ADDRESS_LABEL]: address } });
}

/**
 * Every container port of the workload with its real protocol and name (init containers are left out).
 * A port without a protocol is TCP, as in Kubernetes.
 */
export function plusContainerPorts(workload: kplus.AbstractPod): WorkloadPort[] {
  return workload.containers.flatMap((container) => container.ports.map((port) => ({
    port: port.number,
    name: port.name,
    protocol: toProtocol(port.protocol),
  })));
}

function toProtocol(protocol: kplus.Protocol | undefined): Protocol {
  switch (protocol) {
    case kplus.Protocol.UDP: return Protocol.UDP;
    case kplus.Protocol.SCTP: return Protocol.SCTP;
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
