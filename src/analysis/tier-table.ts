/**
 * Truth table cells when cluster-wide tier policies are present (internal). Endpoints are grouped into
 * classes that neither the NetworkPolicies (the classes of `grouping.ts`) nor the tier policies can tell
 * apart (the same subjects select them, the same peers match them); one connection per pair of classes is
 * then judged by the single-query evaluation, which knows the tiers. Cells: 0 denied, 1 allowed,
 * `UNKNOWN_CELL` unknown.
 */
import { Cluster } from './cluster';
import { Endpoint } from './endpoint';
import { evaluateQuery } from './evaluate';
import { Probe } from './fast-table';
import { groupSubjects } from './grouping';
import { selectorMatches, Subject } from './match';
import { subjectSelects } from './tier-evaluate';
import { TierPeer } from './tier-model';
import { UNKNOWN_CELL } from './truth-table';
import { cidrContainsIp } from '../private/cidr';

/** Cells of one probe, row-major: `cells[source * n + destination]`. */
export function computeTierCells(cluster: Cluster, endpoints: Endpoint[], probe: Probe): Uint8Array {
  const { classOf, representatives } = tierClasses(cluster, endpoints);
  const C = representatives.length;
  const matrix = new Uint8Array(C * C);
  for (let s = 0; s < C; s++) {
    for (let d = 0; d < C; d++) {
      const verdict = evaluateQuery(cluster, {
        source: representatives[s], destination: representatives[d], port: probe.port, portName: probe.portName, protocol: probe.protocol,
      });
      matrix[s * C + d] = verdict.unknown ? UNKNOWN_CELL : verdict.allowed ? 1 : 0;
    }
  }
  const n = endpoints.length;
  const cells = new Uint8Array(n * n);
  for (let s = 0; s < n; s++) {
    const row = classOf[s] * C;
    for (let d = 0; d < n; d++) cells[s * n + d] = matrix[row + classOf[d]];
  }
  return cells;
}

/** The classes: the NetworkPolicy classes, split further by what every tier subject and peer sees. */
function tierClasses(cluster: Cluster, endpoints: Endpoint[]): { classOf: Int32Array; representatives: Endpoint[] } {
  const subjects = endpoints.map((e) => cluster.resolve(e));
  const base = groupSubjects(cluster, subjects);
  const policies = cluster.model.tierPolicies;
  const peers = policies.flatMap((p) => [...p.ingress, ...p.egress].flatMap((r) => r.peers));
  const byKey = new Map<string, number>();
  const representatives: Endpoint[] = [];
  const classOf = new Int32Array(endpoints.length);
  subjects.forEach((s, i) => {
    const bits = [...policies.map((p) => subjectSelects(p, s)), ...peers.map((p) => peerSees(p, s))].map((b) => (b ? '1' : '0')).join('');
    const key = `${base.classOf[i]}|${bits}`;
    let c = byKey.get(key);
    if (c === undefined) {
      c = representatives.length;
      byKey.set(key, c);
      representatives.push(endpoints[i]);
    }
    classOf[i] = c;
  });
  return { classOf, representatives };
}

/** What a tier peer reads of an endpoint, as one bit (whether it is a pod covers the nodes and domainNames peers). */
function peerSees(peer: TierPeer, s: Subject): boolean {
  if (peer.networks !== undefined) {
    return s.ip !== undefined && peer.networks.some((n) => cidrContainsIp(n, s.ip!));
  }
  if (peer.namespaceSelector === undefined) {
    return s.isPod;
  }
  return s.isPod && selectorMatches(peer.namespaceSelector, s.namespaceLabels)
    && (peer.podSelector === undefined || selectorMatches(peer.podSelector, s.labels));
}
