/**
 * The review summary (internal): what outside addresses may reach, what may reach the internet, flows between
 * namespaces, pods that no policy isolates in either direction, and flows whose verdict is unknown.
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
  /**
   * Flows with a port whose verdict is unknown (a `nodes` or `domainNames` peer of a cluster-wide policy
   * decides it): never counted as allowed above unless another port is allowed.
   */
  readonly unknown: GraphEdge[];
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
  const allowed = edges.filter((e) => e.unknownOnly !== true);
  return {
    fromOutside: allowed.filter((e) => !pods.has(e.source) && pods.has(e.destination)),
    toInternet: allowed.filter((e) => pods.has(e.source) && INTERNET.has(e.destination)),
    crossNamespace: allowed.filter((e) => pods.has(e.source) && pods.has(e.destination) && namespaceOf(e.source) !== namespaceOf(e.destination)),
    unisolated: workloads.map((w) => w.key).filter((key) => !governance.isolatedForEgress(key) && !governance.isolatedForIngress(key)),
    unknown: edges.filter((e) => e.unknown !== undefined),
  };
}
