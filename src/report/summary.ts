/**
 * The review summary (internal): what outside addresses may reach, what may reach the internet, flows between
 * namespaces, and pods that no policy isolates in either direction.
 */
import { Endpoint } from '../analysis';
import { GraphEdge } from '../cli/format-graph';
import { Governance } from '../cli/governed';
import { INTERNET_V4, INTERNET_V6 } from '../cli/policy-endpoints';

/** The facts a reviewer looks at first. */
export interface ReviewSummary {
  /** Pods that an address outside the cluster may reach, with the ports. */
  readonly fromOutside: GraphEdge[];
  /** Pods that may reach the internet (a public address), with the ports. */
  readonly toInternet: GraphEdge[];
  /** Allowed pod-to-pod flows between two namespaces. */
  readonly crossNamespace: GraphEdge[];
  /** Pods that no policy isolates for ingress nor for egress: all their traffic is allowed. */
  readonly unisolated: string[];
}

const INTERNET = new Set([`ip:${INTERNET_V4}`, `ip:${INTERNET_V6}`]);

function namespaceOf(key: string): string {
  return key.slice(0, key.indexOf('/'));
}

/**
 * The summary of one truth table's allowed edges (every pair, governed or not); `workloads` are the pods of the
 * manifests (not the ones made up for DNS peers), judged for isolation.
 */
export function summarize(endpoints: Endpoint[], workloads: Endpoint[], edges: GraphEdge[], governance: Governance): ReviewSummary {
  const pods = new Set(endpoints.filter((e) => e.isPod).map((e) => e.key));
  return {
    fromOutside: edges.filter((e) => !pods.has(e.source) && pods.has(e.destination)),
    toInternet: edges.filter((e) => pods.has(e.source) && INTERNET.has(e.destination)),
    crossNamespace: edges.filter((e) => pods.has(e.source) && pods.has(e.destination) && namespaceOf(e.source) !== namespaceOf(e.destination)),
    unisolated: workloads.map((w) => w.key).filter((key) => !governance.isolatedForEgress(key) && !governance.isolatedForIngress(key)),
  };
}
