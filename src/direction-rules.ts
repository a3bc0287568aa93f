/**
 * The rules of a policy (internal; not exported from the package): the checks a rule must pass, its canonical
 * form, and the rules of one direction, merged and ordered.
 *
 * Peers and ports are immutable values that keep their canonical forms once computed, so a rule's key is joined
 * from those texts instead of serializing the whole rule again, and the common rule (one peer, one port) needs
 * no sorting at all.
 */
import { k8s } from 'cdk8s-plus-28';
import { Peer, PeerKind } from './peer';
import { NetworkPolicyRule } from './policy-rule';
import { Port } from './port';
import { PEER, PORT } from './private/brands';
import { compareStrings, Keyed, SortableKeyed } from './private/canonical';
import { ErrorCode, invalid } from './private/errors';
import { WirePort } from './private/wire';
import { peerOf } from './struct-checks';

/** A rule's peers and ports, deduplicated and in canonical order (in wire shape), and the key that identifies it. */
export interface CanonicalRule {
  /** Equals `canonicalJson({ peers, ports })` of the rule's Kubernetes form. */
  readonly key: string;
  readonly peers: k8s.NetworkPolicyPeer[];
  readonly ports: WirePort[];
}

/**
 * Peers deduplicated and sorted by canonical JSON; ports deduplicated and sorted by `Port._sortKey()`.
 * The objects are shared between rules that use the same values: callers must not mutate them.
 */
export function canonicalRule(peers: Peer[], ports: Port[]): CanonicalRule {
  if (peers.length === 1 && ports.length <= 1) {
    return new SimpleRule(peers[0], ports[0]);
  }
  const peerForms = peers.length === 1 ? peers[0]._canonicalForms() : mergePeers(peers);
  const portForms = ports.length === 1 ? [ports[0]._canonicalForm()] : mergePorts(ports);
  return new MergedRule(peerForms, portForms);
}

/** A rule of several peers or ports, merged and sorted; its key, too, is only computed when asked for. */
class MergedRule implements CanonicalRule {
  public readonly peers: k8s.NetworkPolicyPeer[];
  public readonly ports: WirePort[];
  private _key?: string;

  public constructor(private readonly peerForms: Keyed<k8s.NetworkPolicyPeer>[], private readonly portForms: Keyed<WirePort>[]) {
    this.peers = peerForms.map((form) => form.kube);
    this.ports = portForms.map((form) => form.kube);
  }

  public get key(): string {
    if (this._key === undefined) {
      this._key = ruleKey(this.peerForms.map((form) => form.key), this.portForms.map((form) => form.key));
    }
    return this._key;
  }
}

/**
 * The common rule, one peer and at most one port: nothing to sort, so its key, which only a policy with several
 * rules in a direction needs, is computed on first use.
 */
class SimpleRule implements CanonicalRule {
  public readonly peers: k8s.NetworkPolicyPeer[];
  public readonly ports: WirePort[];
  private _key?: string;

  public constructor(private readonly peer: Peer, private readonly port: Port | undefined) {
    this.peers = peer._kubeForms();
    this.ports = port === undefined ? [] : [port._canonicalForm().kube];
  }

  public get key(): string {
    if (this._key === undefined) {
      this._key = ruleKey(this.peer._canonicalForms().map((form) => form.key), this.port === undefined ? [] : [this.port._canonicalForm().key]);
    }
    return this._key;
  }
}

/** `canonicalJson({ peers, ports })` from the canonical JSON of each peer and port (`peers` sorts before `ports`). */
export function ruleKey(peerKeys: string[], portKeys: string[]): string {
  return `{"peers":[${peerKeys.join(',')}],"ports":[${portKeys.join(',')}]}`;
}

function mergePeers(peers: Peer[]): Keyed<k8s.NetworkPolicyPeer>[] {
  const byKey = new Map<string, Keyed<k8s.NetworkPolicyPeer>>();
  for (const peer of peers) {
    for (const form of peer._canonicalForms()) {
      byKey.set(form.key, form);
    }
  }
  return [...byKey.keys()].sort(compareStrings).map((key) => byKey.get(key)!);
}

function mergePorts(ports: Port[]): SortableKeyed<WirePort>[] {
  if (ports.length === 2) {
    // the common pair (DNS on UDP and TCP): equal sort keys mean the same port
    const [a, b] = [ports[0]._canonicalForm(), ports[1]._canonicalForm()];
    return a.sortKey === b.sortKey ? [b] : compareStrings(a.sortKey, b.sortKey) < 0 ? [a, b] : [b, a];
  }
  const bySortKey = new Map<string, SortableKeyed<WirePort>>();
  for (const port of ports) {
    const form = port._canonicalForm();
    bySortKey.set(form.sortKey, form);
  }
  return [...bySortKey.keys()].sort(compareStrings).map((key) => bySortKey.get(key)!);
}

/** A rule, and the descriptions given for it. */
export interface DescribedRule {
  readonly rule: CanonicalRule;
  readonly descriptions: readonly string[];
}

/**
 * The rules of one direction of a policy: identical rules merged (their descriptions joined), listed in canonical
 * order. Rule keys are only computed once a second rule arrives, since a single rule has nothing to merge with
 * or to be sorted against.
 */
export class DirectionRules {
  private readonly rules: DescribedRule[] = [];
  /** Index of each rule by key, from the second rule on. */
  private byKey?: Map<string, number>;

  /** Adds a rule, or merges it into the identical one already there; returns the rule as stored. */
  public add(rule: DescribedRule): DescribedRule {
    if (this.rules.length === 0) {
      this.rules.push(rule);
      return rule;
    }
    if (this.byKey === undefined) {
      this.byKey = new Map(this.rules.map((known, index) => [known.rule.key, index]));
    }
    const at = this.byKey.get(rule.rule.key);
    if (at === undefined) {
      this.byKey.set(rule.rule.key, this.rules.length);
      this.rules.push(rule);
      return rule;
    }
    const merged = { rule: rule.rule, descriptions: [...new Set([...this.rules[at].descriptions, ...rule.descriptions])] };
    this.rules[at] = merged;
    return merged;
  }

  /** A copy, to which more rules can be added without changing this one. */
  public copy(): DirectionRules {
    const copy = new DirectionRules();
    this.rules.forEach((rule) => copy.add(rule));
    return copy;
  }

  /** The rules in the order they were added (not a copy: read only). */
  public get unsorted(): readonly DescribedRule[] {
    return this.rules;
  }

  /** The rules, sorted by key (a new list). */
  public list(): DescribedRule[] {
    return this.rules.length <= 1 ? [...this.rules] : [...this.rules].sort((a, b) => compareStrings(a.rule.key, b.rule.key));
  }
}

/**
 * The descriptions of rules, a line each (`<index>: <descriptions joined by "; ">`), or undefined when no rule
 * has one.
 */
export function describeRules(rules: DescribedRule[]): string | undefined {
  const lines: string[] = [];
  rules.forEach((rule, index) => {
    if (rule.descriptions.length > 0) lines.push(`${index}: ${rule.descriptions.join('; ')}`);
  });
  return lines.length === 0 ? undefined : lines.join('\n');
}

/**
 * A rule of a policy, checked: `[where] ...` errors for what a rule must not be, then its canonical form.
 *
 * @param where the construct path of the policy
 * @param direction the direction the rule is added to
 * @param rule the rule as given
 */
export function checkedRule(where: string, direction: 'ingress' | 'egress', rule: NetworkPolicyRule, namespace: string | undefined): DescribedRule {
  const side = direction === 'ingress' ? 'sources' : 'destinations';
  if (rule === undefined || !Array.isArray(rule.peers) || rule.peers.length === 0) {
    throw invalid(ErrorCode.EMPTY_LIST, where, `${direction} rule has no peers`, rule?.peers,
      `List the ${side} in peers; use Peer.any() if every peer is really meant`);
  }
  const peers = rule.peers.map((given, i) => (PEER.has(given) ? given as Peer : peerOf<Peer>(where, `peers[${i}]`, given, namespace)));
  let hasAny = false;
  let onlyIpBlocks = true;
  for (const peer of peers) {
    hasAny ||= peer.kind === PeerKind.ANY;
    onlyIpBlocks &&= peer.isIpBlock();
  }
  if (hasAny && peers.length > 1) {
    throw invalid(ErrorCode.REDUNDANT_PEERS, where, `Peer.any() already allows every peer, so the other ${side} in this rule mean nothing`,
      peers.map((p) => p.toString()), 'Remove Peer.any(), or remove the other peers');
  }
  const ports = rule.ports ?? [];
  if (rule.ports !== undefined && ports.length === 0) {
    throw invalid(ErrorCode.EMPTY_LIST, where, `${direction} rule has an empty ports list, which Kubernetes reads as every port`, ports,
      'Leave ports out to allow every port, or list the ports');
  }
  let hasNamed = false;
  for (const port of ports) {
    if (!PORT.has(port)) {
      throw invalid(ErrorCode.WRONG_TYPE, where, 'ports must be made with the Port factories', port, 'Use Port.tcp(), Port.udp(), Port.named(), ...');
    }
    hasNamed ||= port.portName !== undefined;
  }
  // In egress a port name resolves on the destination, which an address outside the cluster does not have;
  // in ingress it resolves on the selected pods, so ipBlock sources are fine.
  if (direction === 'egress' && hasNamed && onlyIpBlocks) {
    const named = ports.filter((p) => p.portName !== undefined);
    throw invalid(ErrorCode.NAMED_PORT_TO_IP_BLOCK, where, 'named ports in an egress rule never match ipBlock destinations, because a name is resolved on the destination pod',
      named.map((p) => p.toString()), 'Use numeric ports such as Port.tcp(443) for ipBlock destinations');
  }
  return { rule: canonicalRule(peers, ports), descriptions: rule.description === undefined || rule.description === '' ? NO_DESCRIPTIONS : [rule.description] };
}

/** The descriptions of a rule that has none (shared). */
const NO_DESCRIPTIONS: readonly string[] = [];
