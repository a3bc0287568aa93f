/**
 * Static facts about tier policy rules for the tier lint checks (internal): whether one rule matches all
 * that another matches, and whether two selectors can never match the same labels.
 */
import { NormalizedSelector } from '../analysis/model';
import { NormalizedTierPolicy, TierPeer, TierPort, TierRule } from '../analysis/tier-model';
import { cidrContainsCidr } from '../private/cidr';

/** Whether `a` and `b` provably match no common label set (a matchLabels key with two values, or In vs matchLabels). */
export function selectorsDisjoint(a: NormalizedSelector, b: NormalizedSelector): boolean {
  const value = (s: NormalizedSelector, key: string) => s.matchLabels[key];
  for (const key of a.keys) {
    const va = value(a, key);
    const vb = value(b, key);
    if (va !== undefined && vb !== undefined && va !== vb) return true;
  }
  return false;
}

/** Whether two tier policies' subjects provably select no common pod. */
export function subjectsDisjoint(a: NormalizedTierPolicy, b: NormalizedTierPolicy): boolean {
  if (selectorsDisjoint(a.subject.namespaceSelector, b.subject.namespaceSelector)) return true;
  return a.subject.podSelector !== undefined && b.subject.podSelector !== undefined
    && selectorsDisjoint(a.subject.podSelector, b.subject.podSelector);
}

/** Whether `earlier` matches every connection `later` matches (so `later` never decides anything). */
export function ruleCovers(earlier: TierRule, later: TierRule): boolean {
  const portsOk = earlier.ports === undefined
    || (later.ports !== undefined && later.ports.every((p) => earlier.ports!.some((q) => portCovers(q, p))));
  return portsOk && later.peers.every((p) => earlier.peers.some((q) => peerCovers(q, p)));
}

function portCovers(outer: TierPort, inner: TierPort): boolean {
  if (inner.portName !== undefined || outer.portName !== undefined) {
    return inner.portName === outer.portName && (outer.protocol === undefined || outer.protocol === inner.protocol);
  }
  return outer.protocol === inner.protocol && outer.port! <= inner.port! && (outer.endPort ?? outer.port!) >= (inner.endPort ?? inner.port!);
}

function peerCovers(outer: TierPeer, inner: TierPeer): boolean {
  if (outer.networks !== undefined) {
    return inner.networks !== undefined && inner.networks.every((n) => outer.networks!.some((o) => cidrContainsCidr(o, n)));
  }
  if (outer.nodes !== undefined) {
    return inner.nodes !== undefined && (outer.nodes.matchesAll || outer.nodes.canonical === inner.nodes.canonical);
  }
  if (outer.domainNames !== undefined) {
    return inner.domainNames !== undefined && inner.domainNames.every((d) => outer.domainNames!.includes(d));
  }
  if (inner.namespaceSelector === undefined) {
    return false;
  }
  const namespacesOk = outer.namespaceSelector!.matchesAll || outer.namespaceSelector!.canonical === inner.namespaceSelector.canonical;
  const podsOk = outer.podSelector === undefined || outer.podSelector.matchesAll
    || (inner.podSelector !== undefined && outer.podSelector.canonical === inner.podSelector.canonical);
  return namespacesOk && podsOk;
}

/** `ClusterNetworkPolicy guardrails`, for messages. */
export function tierObject(policy: NormalizedTierPolicy): string {
  return `${policy.kind} ${policy.name}`;
}
