/**
 * Internals shared by the intent constructs (not exported from the package).
 */
import { DnsProfile } from '../dns';
import { NetworkPolicyProps, NetworkPolicyRule } from '../network-policy';
import { Peer } from '../peer';
import { Port } from '../port';
import { IntentProps } from './intent-props';
import { BoundedCache } from '../private/bounded-cache';
import { cidrContainsCidr, parseCidr } from '../private/cidr';
import { ErrorCode, invalid } from '../private/errors';
import { fitName } from '../private/policy-names';
import { LabelOperator, LabelSelector } from '../selectors/label-selector';

/** What an intent renders: the policy's default name, target pods, rules and description. */
export interface IntentSpec {
  readonly defaultName: string;
  readonly selector: LabelSelector;
  readonly description: string;
  readonly ingress?: NetworkPolicyRule[];
  readonly egress?: NetworkPolicyRule[];
}

/** The props of the NetworkPolicy an intent is, passing `name` and `namespace` through. */
export function intentPolicy(props: IntentProps | undefined, spec: IntentSpec): NetworkPolicyProps {
  return {
    name: props?.name ?? spec.defaultName,
    namespace: props?.namespace,
    selector: spec.selector,
    ingress: spec.ingress,
    egress: spec.egress,
    description: spec.description,
  };
}

/**
 * The error for a rule added to a deny-all intent: a rule would turn its denial into an allowance while its
 * name and description still say "deny all".
 */
export function denyAllRuleError(where: string, intent: string, direction: 'ingress' | 'egress', rule: NetworkPolicyRule | undefined): Error {
  const got = Array.isArray(rule?.peers) ? rule!.peers.map((peer) => String(peer)) : rule;
  return invalid(ErrorCode.RULE_CONTRADICTS_INTENT, where, `${intent} denies all ${direction}, so an ${direction} rule would turn it into an allowance`, got,
    `Allow this traffic with a policy of its own (policies add up), e.g. one of the Allow intents; or use a NetworkPolicy with ${direction}: [] and this rule`);
}

/** The target selector of an Allow* intent, which must be given. */
export function requireSelector(where: string, props: { selector?: LabelSelector } | undefined): LabelSelector {
  const selector = props?.selector;
  if (!(selector instanceof LabelSelector)) {
    throw invalid(ErrorCode.MISSING_VALUE, where, 'selector is required: it names the pods this policy applies to', selector,
      'Pass selector: LabelSelector.of({ labels: {...} }), or LabelSelector.all() if every pod of the namespace is meant');
  }
  return selector;
}

/** The target selector of a deny or baseline intent: every pod of the namespace unless given. */
export function selectorOrAll(where: string, selector: LabelSelector | undefined): LabelSelector {
  if (selector === undefined) {
    return LabelSelector.all();
  }
  if (!(selector instanceof LabelSelector)) {
    throw invalid(ErrorCode.WRONG_TYPE, where, 'selector must be a LabelSelector', selector,
      'Pass LabelSelector.of({ labels: {...} }), or leave selector out for every pod of the namespace');
  }
  return selector;
}

/** Checks an optional list of ports: absent is fine, empty is refused (Kubernetes reads it as every port). */
export function checkPorts(where: string, ports: Port[] | undefined, prop = 'ports'): Port[] | undefined {
  if (ports === undefined) {
    return undefined;
  }
  if (!Array.isArray(ports) || ports.length === 0) {
    throw invalid(ErrorCode.EMPTY_LIST, where, `${prop} is empty, which Kubernetes reads as every port and protocol`, ports,
      `Leave ${prop} out to allow every port, or list the ports, e.g. [Port.tcp(8080)]`);
  }
  for (let i = 0; i < ports.length; i++) {
    if (!(ports[i] instanceof Port)) {
      throw invalid(ErrorCode.WRONG_TYPE, where, `${prop} must be made with the Port factories`, ports[i], 'Use Port.tcp(), Port.udp(), Port.named(), ...');
    }
  }
  return [...ports];
}

/** Checks a required, non-empty list of ports. */
export function requirePorts(where: string, ports: Port[] | undefined, prop = 'ports'): Port[] {
  if (ports === undefined) {
    throw invalid(ErrorCode.MISSING_VALUE, where, `${prop} is required`, ports, `List the ports to open, e.g. ${prop}: [Port.tcp(443)]`);
  }
  return checkPorts(where, ports, prop)!;
}

/** `DnsProfile.kubernetes()`, made once: profiles are immutable, and sharing one lets its peers render once. */
let kubernetesDns: DnsProfile | undefined;

/** The DNS profile to use: `DnsProfile.kubernetes()` unless given. */
export function dnsOrDefault(where: string, dns: DnsProfile | undefined): DnsProfile {
  if (dns === undefined) {
    kubernetesDns ??= DnsProfile.kubernetes();
    return kubernetesDns;
  }
  if (!(dns instanceof DnsProfile)) {
    throw invalid(ErrorCode.WRONG_TYPE, where, 'dns must be a DnsProfile', dns,
      'Use DnsProfile.kubernetes(), DnsProfile.nodeLocal(), DnsProfile.openshift() or DnsProfile.custom()');
  }
  return dns;
}

/** The egress rule that allows DNS: a rule of its own, its ports beside (never inside) the peers. */
export function dnsRule(dns: DnsProfile): NetworkPolicyRule {
  return { peers: dns.peers, ports: dns.ports, description: `DNS: ${dns.description}` };
}

/**
 * One ipBlock peer per CIDR, each `except` range placed in the CIDR that strictly contains it.
 * Syntax errors come from `Peer.ipBlock()`.
 */
export function cidrPeers(where: string, cidrs: string[] | undefined, except: string[] | undefined): Peer[] {
  const key = cidrPeersKey(cidrs, except);
  if (key === undefined) {
    return makeCidrPeers(where, cidrs, except);
  }
  // Peers are immutable: equal ranges share their peers (a failure throws, so only valid ranges are kept)
  return [...CIDR_PEERS.get(key, () => makeCidrPeers(where, cidrs, except))];
}

/** `cidrPeers()` results by their arguments. */
const CIDR_PEERS = new BoundedCache<Peer[]>(1024);

/** The cache key of `cidrPeers(cidrs, except)`, or undefined unless both are lists of strings. */
function cidrPeersKey(cidrs: string[] | undefined, except: string[] | undefined): string | undefined {
  if (!isStringList(cidrs) || (except !== undefined && !isStringList(except))) {
    return undefined;
  }
  return except === undefined || except.length === 0 ? cidrs.join('\u0000') : `${cidrs.join('\u0000')}\u0001${except.join('\u0000')}`;
}

function isStringList(value: unknown): value is string[] {
  if (!Array.isArray(value)) {
    return false;
  }
  for (let i = 0; i < value.length; i++) {
    if (typeof value[i] !== 'string') {
      return false;
    }
  }
  return true;
}

function makeCidrPeers(where: string, cidrs: string[] | undefined, except: string[] | undefined): Peer[] {
  if (!Array.isArray(cidrs) || cidrs.length === 0) {
    throw invalid(ErrorCode.EMPTY_LIST, where, 'cidrs must list at least one CIDR', cidrs, 'Give the address ranges, e.g. cidrs: ["203.0.113.0/24"]');
  }
  cidrs.forEach((cidr) => Peer.ipBlock(cidr));
  const excepts = except ?? [];
  if (!Array.isArray(excepts)) {
    throw invalid(ErrorCode.WRONG_TYPE, where, 'except must be a list of CIDRs', excepts, 'Pass a list, e.g. except: ["10.1.0.0/16"]');
  }
  excepts.forEach((range) => Peer.ipBlock(range));
  const outer = cidrs.map((cidr) => parseCidr(cidr).value!);
  const inner = excepts.map((range) => parseCidr(range).value!);
  inner.forEach((range, i) => {
    if (!outer.some((o) => cidrContainsCidr(o, range) && range.prefix > o.prefix)) {
      throw invalid(ErrorCode.EXCEPT_OUTSIDE_CIDR, where, 'except range lies strictly inside none of the cidrs', excepts[i],
        `Remove it, or add a cidr that contains it (cidrs are ${outer.map((o) => o.text).join(', ')})`);
    }
  });
  return outer.map((o) => {
    const mine = inner.filter((range) => cidrContainsCidr(o, range) && range.prefix > o.prefix).map((r) => r.text);
    return mine.length === 0 ? Peer.ipBlock(o.text) : Peer.ipBlock(o.text, mine);
  });
}

/**
 * A readable policy name from parts, e.g. `['web', 'allow-dns-egress']` -> `web-allow-dns-egress`.
 * Longer than 63 characters: cut, plus 8 hex characters of the full name's SHA-1, so it stays unique.
 */
export function intentName(parts: string[]): string {
  let name = '';
  for (let i = 0; i < parts.length; i++) {
    const part = slug(parts[i]);
    if (part !== '') {
      name = name === '' ? part : `${name}-${part}`;
    }
  }
  return fitName(name, () => name);
}

/**
 * A short name part for a selector: its label values in key order, then its expressions
 * (`app=web` -> `web`; `tier in (a,b)` -> `a-b`; `!canary` -> `no-canary`). Empty for `LabelSelector.all()`.
 */
export function selectorSlug(selector: LabelSelector): string {
  const kube = selector._toKube();
  const parts: string[] = [];
  const labels = kube.matchLabels;
  for (const key in labels) {
    parts.push(labels[key] === '' ? keyName(key) : labels[key]);
  }
  for (const expression of kube.matchExpressions ?? []) {
    const key = keyName(expression.key);
    const values = (expression.values ?? []).join('-');
    switch (expression.operator) {
      case LabelOperator.IN: parts.push(values); break;
      case LabelOperator.NOT_IN: parts.push(`not-${values}`); break;
      case LabelOperator.EXISTS: parts.push(key); break;
      default: parts.push(`no-${key}`);
    }
  }
  return slug(parts.join('-'));
}

/** A name part for CIDRs: `10.0.0.0/8` -> `10-0-0-0-8`, `2001:db8::/32` -> `2001-db8-32`. */
export function cidrSlug(cidrs: string[]): string {
  return slug(cidrs.join('-'));
}

function keyName(key: string): string {
  return key.split('/').pop()!;
}

/** Text that is already a slug: lowercase letters and digits in groups joined by single dashes. */
const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;

function slug(text: string): string {
  if (SLUG.test(text)) {
    return text;
  }
  return text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
}
