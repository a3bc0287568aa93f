/**
 * The normalized model with the lookups evaluation needs (internal): namespace labels, policies indexed by
 * namespace, endpoint resolution, and the endpoints found in workload manifests.
 */
import { Endpoint } from '../endpoint';
import { SelectorIndex } from './label-index';
import { Subject } from './match';
import { parseIp } from '../../private/cidr';
import { ClusterModel, NAMESPACE_NAME_LABEL, NormalizedPolicy, NormalizedRule, NormalizedWorkload } from '../model';
import { compareText } from './order';
import { TrafficDirection } from '../verdict';

export class Cluster {
  private readonly namespaceLabelMap = new Map<string, Record<string, string>>();
  private readonly policiesByNamespace = new Map<string, NormalizedPolicy[]>();
  /** Per namespace, its policies indexed by podSelector, built on first use. */
  private readonly selectorIndexes = new Map<string, SelectorIndex<NormalizedPolicy>>();

  constructor(public readonly model: ClusterModel) {
    for (const ns of model.namespaces) {
      this.namespaceLabelMap.set(ns.name, ns.labels);
    }
    for (const policy of model.policies) {
      const list = this.policiesByNamespace.get(policy.namespace) ?? [];
      list.push(policy);
      this.policiesByNamespace.set(policy.namespace, list);
    }
  }

  /** Labels of a namespace: declared ones, or only `kubernetes.io/metadata.name`. */
  public namespaceLabels(namespace: string): Record<string, string> {
    return this.namespaceLabelMap.get(namespace) ?? { [NAMESPACE_NAME_LABEL]: namespace };
  }

  /** Policies of a namespace, sorted by id. */
  public policiesIn(namespace: string): NormalizedPolicy[] {
    return this.policiesByNamespace.get(namespace) ?? [];
  }

  /** Policies that select the pod and isolate it for the direction, sorted by id. */
  public selectingPolicies(subject: Subject, direction: TrafficDirection): NormalizedPolicy[] {
    if (!subject.isPod) {
      return [];
    }
    let index = this.selectorIndexes.get(subject.namespace);
    if (index === undefined) {
      index = new SelectorIndex(this.policiesIn(subject.namespace), (p) => p.podSelector);
      this.selectorIndexes.set(subject.namespace, index);
    }
    const ingress = direction === TrafficDirection.INGRESS;
    return index.matching(subject.labels, (p) => (ingress ? p.isolatesIngress : p.isolatesEgress));
  }

  /** Resolves an endpoint against this cluster. */
  public resolve(endpoint: Endpoint): Subject {
    const ip = endpoint.address === undefined ? undefined : parseIp(endpoint.address).value;
    if (!endpoint.isPod) {
      return { key: endpoint.key, isPod: false, namespace: '', labels: {}, namespaceLabels: {}, ports: [], ip };
    }
    const namespace = endpoint.namespace!;
    const given = endpoint.namespaceLabels;
    const namespaceLabels = given === undefined ? this.namespaceLabels(namespace)
      : { ...given, [NAMESPACE_NAME_LABEL]: namespace };
    return { key: endpoint.key, isPod: true, namespace, labels: endpoint.labels, namespaceLabels, ports: endpoint.ports, ip };
  }

  /** One endpoint per workload, sorted by key; a key shared by two kinds gets the kind appended. */
  public endpoints(): Endpoint[] {
    const latest = new Map<string, NormalizedWorkload>();
    for (const w of this.model.workloads) {
      latest.set(`${w.kind} ${w.namespace}/${w.name}`, w); // as with kubectl apply, a later document replaces
    }
    const counts = new Map<string, number>();
    for (const w of latest.values()) {
      counts.set(`${w.namespace}/${w.name}`, (counts.get(`${w.namespace}/${w.name}`) ?? 0) + 1);
    }
    return [...latest.values()].map((w) => {
      const shared = (counts.get(`${w.namespace}/${w.name}`) ?? 0) > 1;
      const name = shared ? `${w.name}@${w.kind}` : w.name;
      return Endpoint.pod({ namespace: w.namespace, name, labels: w.labels, ports: w.ports, ip: w.ipText });
    }).sort((a, b) => compareText(a.key, b.key));
  }
}

/** The rules of a policy for a direction. */
export function rulesOf(policy: NormalizedPolicy, direction: TrafficDirection): NormalizedRule[] {
  return direction === TrafficDirection.INGRESS ? policy.ingress : policy.egress;
}
