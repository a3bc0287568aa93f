/**
 * Static facts about tier policy rules for the tier lint checks (internal), over every pod, namespace and
 * address there could be, not only those of the manifests: whether two rules can match a common connection,
 * and whether one rule matches every connection another matches. Selectors are compared as sets of label sets
 * (label-regions.ts), exactly; ports as ranges per protocol; networks as address ranges.
 *
 * A rule matches (peer, port) pairs; its peers and its ports are independent, so a rule meets another when a
 * peer meets a peer and a port meets a port, and lies within another when its peers lie within the other's
 * and its ports within the other's. What is not decided exactly, and how it errs:
 * - a peer lies within the others' union only if one of them holds it alone, or `networks` hold every
 *   address (pods, nodes and resolved names all have one); a pod peer that only several pod peers cover
 *   together is not seen as covered (no shadowed-rule finding: silent, never a false report);
 * - `nodes` and `domainNames` may match any address and each other (their addresses are not in manifests),
 *   and two different named ports may be the same port: such pairs count as meeting (an overlap reported
 *   that may not happen, never one missed).
 */
import { regionOf, regionsMeet, regionWithin } from './label-regions';
import { NormalizedTierPolicy, TierPeer, TierPort, TierRule } from '../../analysis/tier-model';
import { Cidr } from '../../private/cidr';
import { Protocol } from '../../protocol';

const PROTOCOLS = [Protocol.TCP, Protocol.UDP, Protocol.SCTP];
const MAX_PORT = 65535;

/** Whether two tier policies' subjects can select a common pod. */
export function subjectsMeet(a: NormalizedTierPolicy, b: NormalizedTierPolicy): boolean {
  return regionsMeet(regionOf(a.subject.namespaceSelector, true), regionOf(b.subject.namespaceSelector, true))
    && regionsMeet(regionOf(a.subject.podSelector), regionOf(b.subject.podSelector));
}

/** Whether some connection (peer and port) matches both rules (of subjects that meet). */
export function rulesMeet(a: TierRule, b: TierRule): boolean {
  return portsMeet(a.ports, b.ports) && a.peers.some((p) => b.peers.some((q) => peersMeet(p, q)));
}

/** Whether `earlier` matches every connection `later` matches (so `later` never decides anything). */
export function ruleCovers(earlier: TierRule, later: TierRule): boolean {
  return portsWithin(later.ports, earlier.ports) && later.peers.every((p) => peerWithin(p, earlier.peers));
}

type PeerKind = 'pods' | 'networks' | 'nodes' | 'domainNames';

function kindOf(peer: TierPeer): PeerKind {
  if (peer.networks !== undefined) return 'networks';
  if (peer.nodes !== undefined) return 'nodes';
  if (peer.domainNames !== undefined) return 'domainNames';
  return 'pods';
}

function peersMeet(p: TierPeer, q: TierPeer): boolean {
  const [a, b] = [kindOf(p), kindOf(q)];
  if (a === 'pods' && b === 'pods') {
    return regionsMeet(regionOf(p.namespaceSelector, true), regionOf(q.namespaceSelector, true))
      && regionsMeet(regionOf(p.podSelector), regionOf(q.podSelector));
  }
  if (a === 'pods' || b === 'pods') {
    // networks match pod addresses; nodes and domainNames never match a pod
    return a === 'networks' || b === 'networks';
  }
  if (a === 'networks' && b === 'networks') {
    return p.networks!.some((x) => q.networks!.some((y) => rangesMeet(rangeOf(x), rangeOf(y))));
  }
  if (a === 'nodes' && b === 'nodes') {
    return regionsMeet(regionOf(p.nodes), regionOf(q.nodes));
  }
  return true; // an address a node or a name may have
}

/** Whether every connection the peer matches, one of `peers` matches. */
function peerWithin(peer: TierPeer, peers: TierPeer[]): boolean {
  if (everyAddress(peers)) return true;
  switch (kindOf(peer)) {
    case 'pods': {
      const [ns, pods] = [regionOf(peer.namespaceSelector, true), regionOf(peer.podSelector)];
      return peers.some((q) => kindOf(q) === 'pods' && regionWithin(ns, regionOf(q.namespaceSelector, true)) && regionWithin(pods, regionOf(q.podSelector)));
    }
    case 'networks': {
      const outer = peers.flatMap((q) => q.networks ?? []);
      return peer.networks!.every((n) => rangeWithin(rangeOf(n), outer.filter((o) => o.family === n.family).map(rangeOf)));
    }
    case 'nodes':
      return peers.some((q) => q.nodes !== undefined && regionWithin(regionOf(peer.nodes), regionOf(q.nodes)));
    case 'domainNames':
      return peer.domainNames!.every((d) => peers.some((q) => q.domainNames?.includes(d) === true));
  }
}

/** Whether the `networks` among the peers hold every IPv4 and every IPv6 address. */
function everyAddress(peers: TierPeer[]): boolean {
  const networks = peers.flatMap((q) => q.networks ?? []);
  return [4, 6].every((family) => networks.some((n) => n.family === family && n.prefix === 0));
}

interface Range {
  readonly first: bigint;
  readonly last: bigint;
}

function rangeOf(cidr: Cidr): Range {
  const size = 1n << BigInt((cidr.family === 4 ? 32 : 128) - cidr.prefix);
  return { first: cidr.network, last: cidr.network + size - 1n };
}

function rangesMeet(a: Range, b: Range): boolean {
  return a.first <= b.last && b.first <= a.last;
}

/** Whether the union of `outer` holds every value of `inner`. */
function rangeWithin(inner: Range, outer: Range[]): boolean {
  let next = inner.first;
  for (const o of [...outer].sort((x, y) => (x.first < y.first ? -1 : x.first > y.first ? 1 : 0))) {
    if (o.first > next) break;
    if (o.last >= next) next = o.last + 1n;
    if (next > inner.last) return true;
  }
  return next > inner.last;
}

/** The port numbers an entry may stand for, per protocol; a named port (resolved on the pod) may be any. */
function portRanges(entry: TierPort): Array<{ protocol: Protocol; first: number; last: number }> {
  const protocols = entry.protocol === undefined ? PROTOCOLS : [entry.protocol];
  if (entry.portName !== undefined || entry.port === undefined) return protocols.map((protocol) => ({ protocol, first: 1, last: MAX_PORT }));
  return protocols.map((protocol) => ({ protocol, first: entry.port!, last: entry.endPort ?? entry.port! }));
}

/** Undefined ports: every port of every protocol. */
const EVERY_PORT: TierPort[] = PROTOCOLS.map((protocol) => ({ protocol }));

function portsMeet(a: TierPort[] | undefined, b: TierPort[] | undefined): boolean {
  const ra = (a ?? EVERY_PORT).flatMap(portRanges);
  const rb = (b ?? EVERY_PORT).flatMap(portRanges);
  return ra.some((x) => rb.some((y) => x.protocol === y.protocol && x.first <= y.last && y.first <= x.last));
}

/** Whether `outer` matches every port `inner` matches: a named port only by the same name, or by every port. */
function portsWithin(inner: TierPort[] | undefined, outer: TierPort[] | undefined): boolean {
  if (outer === undefined) return true;
  const numeric = outer.filter((o) => o.portName === undefined).flatMap(portRanges);
  const big = (r: { first: number; last: number }): Range => ({ first: BigInt(r.first), last: BigInt(r.last) });
  const covered = (protocol: Protocol, first: number, last: number) =>
    rangeWithin(big({ first, last }), numeric.filter((r) => r.protocol === protocol).map(big));
  return (inner ?? EVERY_PORT).every((entry) => {
    if (entry.portName !== undefined
      && outer.some((o) => o.portName === entry.portName && (o.protocol === undefined || o.protocol === entry.protocol))) {
      return true;
    }
    return portRanges(entry).every((r) => covered(r.protocol, r.first, r.last));
  });
}

/** `ClusterNetworkPolicy guardrails`, for messages. */
export function tierObject(policy: NormalizedTierPolicy): string {
  return `${policy.kind} ${policy.name}`;
}
