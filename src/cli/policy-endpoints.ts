/**
 * The endpoints that policies name, probed by default next to the workloads (internal): for each NetworkPolicy
 * ipBlock one address inside it and one inside each `except`, one address inside each `networks` CIDR of the
 * cluster-wide tier policies (ClusterNetworkPolicy, AdminNetworkPolicy, BaselineAdminNetworkPolicy), the
 * internet (a public address per address family in use; the IPv4 one too where a tier egress rule has a
 * `domainNames` or `nodes` peer, which may be any address), and the pods that DNS rules (port 53) point at
 * when the manifests do not define them.
 */
import { peerEndpoint } from './infer-endpoints';
import { Endpoint } from '../analysis';
import { selectorMatches } from '../analysis/internal/match';
import { ClusterModel, NormalizedIpBlock, NormalizedPeer, NormalizedPolicy, NormalizedRule } from '../analysis/internal/normalize';
import { Cidr, cidrContainsIp, formatIp, parseIp } from '../private/cidr';

/** Documentation addresses (RFC 5737, RFC 3849) that stand for "somewhere on the internet". */
export const INTERNET_V4 = '203.0.113.7';
export const INTERNET_V6 = '2001:db8::7';
const DNS_PORT = 53;

/** Every endpoint the policies of the models name, sorted by key, without the given ones. */
export function policyEndpoints(models: ClusterModel[], known: Endpoint[]): Endpoint[] {
  const found = new Map<string, Endpoint>();
  const add = (e: Endpoint | undefined) => e !== undefined && !found.has(e.key) && found.set(e.key, e);
  for (const model of models) {
    const blocks = [...model.policies.flatMap((p) => rules(p).flatMap((r) => (r.peers ?? []).flatMap((peer) => peer.ipBlock ?? []))),
      ...networkBlocks(model)];
    const families = new Set(blocks.map((b) => b.cidr.family));
    // A domainNames or nodes peer may be any address: the internet address shows what it decides.
    if (model.tierPolicies.some((p) => p.egress.some((r) => r.peers.some((peer) => peer.domainNames !== undefined || peer.nodes !== undefined)))) {
      families.add(4);
    }
    if (families.has(4)) add(Endpoint.ip(INTERNET_V4));
    if (families.has(6)) add(Endpoint.ip(INTERNET_V6));
    blocks.forEach((b) => addresses(b).forEach((a) => add(Endpoint.ip(a))));
    dnsPeers(model).forEach(add);
  }
  const skip = new Set(known.map((e) => e.key));
  return [...found.values()].filter((e) => !skip.has(e.key)).sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

function rules(policy: NormalizedPolicy): NormalizedRule[] {
  return [...policy.ingress, ...policy.egress];
}

/** The `networks` CIDRs of the tier policies' rules, in evaluation order, as blocks without excepts. */
function networkBlocks(model: ClusterModel): NormalizedIpBlock[] {
  return model.tierPolicies.flatMap((p) => [...p.ingress, ...p.egress]
    .flatMap((r) => r.peers.flatMap((peer) => (peer.networks ?? []).map((cidr) => ({ cidr, except: [] })))));
}

/** One address inside the block and outside its excepts (unless the internet address is one), one in each except. */
function addresses(block: NormalizedIpBlock): string[] {
  const outside = (value: bigint) => cidrContainsIp(block.cidr, ip(value, block.cidr.family))
    && !block.except.some((e) => cidrContainsIp(e, ip(value, block.cidr.family)));
  const internet = parseIp(block.cidr.family === 4 ? INTERNET_V4 : INTERNET_V6).value!;
  const inside = outside(internet.value) ? [] : [firstHost(block.cidr), ...block.except.map(afterEnd)].filter(outside).slice(0, 1);
  return [...inside, ...block.except.map(firstHost)].map((v) => formatIp(v, block.cidr.family));
}

function ip(value: bigint, family: 4 | 6) {
  return { family, value, mapped: false, leadingZeros: false };
}

/** The first address after the network address (the network itself for /31, /32, /127, /128). */
function firstHost(cidr: Cidr): bigint {
  const bits = cidr.family === 4 ? 32 : 128;
  return bits - cidr.prefix > 1 ? cidr.network + 1n : cidr.network;
}

function afterEnd(cidr: Cidr): bigint {
  const bits = cidr.family === 4 ? 32 : 128;
  return cidr.network + (1n << BigInt(bits - cidr.prefix));
}

/**
 * Pods named by egress rules that grant port 53, of NetworkPolicies and of tier policies (whatever the action),
 * when no workload of the manifests matches the peer.
 */
function dnsPeers(model: ClusterModel): Endpoint[] {
  const isDns = (ports: ReadonlyArray<{ port?: number; endPort?: number }> | undefined) =>
    (ports ?? []).some((p) => p.port !== undefined && p.port <= DNS_PORT && DNS_PORT <= (p.endPort ?? p.port));
  const labelsOf = (ns: string) => model.namespaces.find((n) => n.name === ns)?.labels ?? {};
  const defined = (peer: NormalizedPeer, own: string) => model.workloads.some((w) => (peer.namespaceSelector === undefined
    ? w.namespace === own : selectorMatches(peer.namespaceSelector, labelsOf(w.namespace)))
    && (peer.podSelector === undefined || selectorMatches(peer.podSelector, w.labels)));
  const ofPolicies = model.policies.flatMap((policy) => policy.egress.filter((r) => isDns(r.ports))
    .flatMap((rule) => (rule.peers ?? []).map((peer): [NormalizedPeer, string] => [peer, policy.namespace])));
  // A tier pod peer always has its namespace selector: it needs no namespace of its own.
  const ofTiers = model.tierPolicies.flatMap((policy) => policy.egress.filter((r) => isDns(r.ports))
    .flatMap((rule) => rule.peers.filter((peer) => peer.namespaceSelector !== undefined)
      .map((peer): [NormalizedPeer, string] => [{ namespaceSelector: peer.namespaceSelector, podSelector: peer.podSelector }, ''])));
  return [...ofPolicies, ...ofTiers]
    .filter(([peer, own]) => peer.ipBlock === undefined && !defined(peer, own))
    .flatMap(([peer, own]) => peerEndpoint(peer, own) ?? []);
}
