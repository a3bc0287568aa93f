/**
 * Matching primitives (internal): label selectors, peers (pods, namespaces, ipBlock/except) and ports
 * (single, endPort ranges, protocol-only, named ports resolved on the destination pod).
 */
import { cidrContainsIp, IpAddress } from '../../private/cidr';
import { Protocol } from '../../protocol';
import { ContainerPort } from '../endpoint';
import { NormalizedPeer, NormalizedPort, NormalizedRule, NormalizedSelector } from '../model';

/** An endpoint with everything matching needs resolved (namespace labels from the cluster, parsed IP). */
export interface Subject {
  readonly key: string;
  readonly isPod: boolean;
  /** Empty for addresses. */
  readonly namespace: string;
  readonly labels: Record<string, string>;
  readonly namespaceLabels: Record<string, string>;
  readonly ports: ContainerPort[];
  readonly ip?: IpAddress;
}

/** Whether a label selector matches a label set. `NotIn` matches when the key is absent. */
export function selectorMatches(selector: NormalizedSelector, labels: Record<string, string>): boolean {
  for (const key in selector.matchLabels) {
    if (labels[key] !== selector.matchLabels[key]) {
      return false;
    }
  }
  for (const req of selector.requirements) {
    const has = Object.prototype.hasOwnProperty.call(labels, req.key);
    switch (req.operator) {
      case 'In':
        if (!has || !req.values.includes(labels[req.key])) return false;
        break;
      case 'NotIn':
        if (has && req.values.includes(labels[req.key])) return false;
        break;
      case 'Exists':
        if (!has) return false;
        break;
      case 'DoesNotExist':
        if (has) return false;
        break;
    }
  }
  return true;
}

/** Whether one peer of a rule in a policy of `policyNamespace` matches the endpoint. */
export function peerMatches(peer: NormalizedPeer, policyNamespace: string, subject: Subject): boolean {
  if (peer.ipBlock !== undefined) {
    const ip = subject.ip;
    return ip !== undefined && cidrContainsIp(peer.ipBlock.cidr, ip)
      && !peer.ipBlock.except.some((e) => cidrContainsIp(e, ip));
  }
  if (!subject.isPod) {
    return false;
  }
  const namespaceOk = peer.namespaceSelector === undefined
    ? subject.namespace === policyNamespace
    : selectorMatches(peer.namespaceSelector, subject.namespaceLabels);
  return namespaceOk && (peer.podSelector === undefined || selectorMatches(peer.podSelector, subject.labels));
}

/** Whether a rule admits the peer (absent/empty peer list = every peer). */
export function ruleAdmitsPeer(rule: NormalizedRule, policyNamespace: string, peer: Subject): boolean {
  return rule.peers === undefined || rule.peers.some((p) => peerMatches(p, policyNamespace, peer));
}

/**
 * Whether one port entry admits a connection to `port`/`protocol` on `destination`. A named port resolves on
 * the destination pod's container ports, protocol included; it never matches an address.
 */
export function portEntryMatches(entry: NormalizedPort, protocol: Protocol, port: number, destination: Subject): boolean {
  if (entry.protocol !== protocol) {
    return false;
  }
  if (entry.portName !== undefined) {
    return destination.isPod && destination.ports.some((c) =>
      c.name === entry.portName && (c.protocol ?? Protocol.TCP) === protocol && c.port === port);
  }
  if (entry.port === undefined) {
    return true;
  }
  return port >= entry.port && port <= (entry.endPort ?? entry.port);
}

/** Whether a rule admits the port (absent/empty port list = every port and protocol). */
export function ruleAdmitsPort(rule: NormalizedRule, protocol: Protocol, port: number, destination: Subject): boolean {
  return rule.ports === undefined || rule.ports.some((e) => portEntryMatches(e, protocol, port, destination));
}

/** Resolves a container port name (with protocol) on a destination; undefined when it has none. */
export function resolvePortName(destination: Subject, name: string, protocol: Protocol): number | undefined {
  if (!destination.isPod) {
    return undefined;
  }
  return destination.ports.find((c) => c.name === name && (c.protocol ?? Protocol.TCP) === protocol)?.port;
}
