/**
 * The baseline: a deliberately straightforward evaluator written for the benchmark. For one pair it walks
 * every rule of every policy, straight from the manifest JSON, with no grouping and no index. It is also an
 * independent second reading of the semantics, so the benchmark checks that both agree.
 */
import { cidrContainsIp, parseCidr, parseIp } from '../src/private/cidr';

export interface NaiveEndpoint {
  readonly key: string;
  readonly isPod: boolean;
  readonly namespace: string;
  readonly labels: Record<string, string>;
  readonly namespaceLabels: Record<string, string>;
  /** name, port, protocol */
  readonly ports: Array<{ name?: string; port: number; protocol?: string }>;
  readonly ip?: string;
}

export class NaiveEvaluator {
  private readonly policies: any[];

  constructor(manifests: any[]) {
    this.policies = manifests.filter((m) => m?.kind === 'NetworkPolicy');
  }

  public allowed(src: NaiveEndpoint, dst: NaiveEndpoint, port: number, protocol: string): boolean {
    return this.side(src, dst, dst, 'Egress', port, protocol) && this.side(dst, src, dst, 'Ingress', port, protocol);
  }

  private side(subject: NaiveEndpoint, peer: NaiveEndpoint, dst: NaiveEndpoint, dir: string, port: number, protocol: string): boolean {
    if (!subject.isPod) return true;
    let isolated = false;
    for (const p of this.policies) {
      const ns = p.metadata.namespace ?? 'default';
      const spec = p.spec ?? {};
      const types: string[] = spec.policyTypes?.length ? spec.policyTypes : (spec.egress?.length ? ['Ingress', 'Egress'] : ['Ingress']);
      if (ns !== subject.namespace || !types.includes(dir) || !labelsMatch(spec.podSelector ?? {}, subject.labels)) continue;
      isolated = true;
      const rules: any[] = (dir === 'Ingress' ? spec.ingress : spec.egress) ?? [];
      for (const rule of rules) {
        const peers: any[] = (dir === 'Ingress' ? rule?.from : rule?.to) ?? [];
        const peerOk = peers.length === 0 || peers.some((x) => peerMatch(x, ns, peer));
        const ports: any[] = rule?.ports ?? [];
        const portOk = ports.length === 0 || ports.some((x) => portMatch(x, port, protocol, dst));
        if (peerOk && portOk) return true;
      }
    }
    return !isolated;
  }
}

function labelsMatch(sel: any, labels: Record<string, string>): boolean {
  for (const [k, v] of Object.entries(sel.matchLabels ?? {})) if (labels[k] !== v) return false;
  for (const e of sel.matchExpressions ?? []) {
    const has = e.key in labels;
    const inValues = has && e.values.includes(labels[e.key]);
    if (e.operator === 'In' && !inValues) return false;
    if (e.operator === 'NotIn' && inValues) return false;
    if (e.operator === 'Exists' && !has) return false;
    if (e.operator === 'DoesNotExist' && has) return false;
  }
  return true;
}

function peerMatch(peer: any, policyNs: string, ep: NaiveEndpoint): boolean {
  if (peer.ipBlock) {
    if (ep.ip === undefined) return false;
    const ip = parseIp(ep.ip).value!;
    return cidrContainsIp(parseCidr(peer.ipBlock.cidr).value!, ip)
      && !(peer.ipBlock.except ?? []).some((e: string) => cidrContainsIp(parseCidr(e).value!, ip));
  }
  if (!ep.isPod) return false;
  const nsOk = peer.namespaceSelector ? labelsMatch(peer.namespaceSelector, ep.namespaceLabels) : ep.namespace === policyNs;
  return nsOk && (!peer.podSelector || labelsMatch(peer.podSelector, ep.labels));
}

function portMatch(entry: any, port: number, protocol: string, dst: NaiveEndpoint): boolean {
  if ((entry.protocol ?? 'TCP') !== protocol) return false;
  if (entry.port === undefined) return true;
  if (typeof entry.port === 'string') {
    return dst.isPod && dst.ports.some((c) => c.name === entry.port && (c.protocol ?? 'TCP') === protocol && c.port === port);
  }
  return port >= entry.port && port <= (entry.endPort ?? entry.port);
}
