/**
 * Reads ClusterNetworkPolicy (`policy.networking.k8s.io/v1alpha2`) into the tier model, refusing what the
 * CRD's schema and CEL rules refuse (internal). The shared parts (subject, peers, metadata) serve the
 * v1alpha1 kinds too (`tier-reading-v1alpha1.ts`).
 */
import { FieldReader } from './field-reader';
import { ManifestSource, NormalizedSelector } from '../model';
import { makeSelector, readSelector } from './normalize-rule';
import { Cidr, parseCidr } from '../../private/cidr';
import { dns1123SubdomainProblem } from '../../private/k8s-names';
import { Protocol } from '../../protocol';
import { NormalizedTierPolicy, TIER_GROUP, TierKind, TierName, TierPeer, TierPort, TierRule, TierSubject } from '../tier-model';

/** The schema's domain name pattern (its character class `A-z` also admits `[\]^_` and the backtick). */
const DOMAIN_NAME = /^(\*\.)?([a-zA-z0-9]([-a-zA-Z0-9_]*[a-zA-Z0-9])?\.)+[a-zA-z0-9]([-a-zA-Z0-9_]*[a-zA-Z0-9])?\.?$/;

/** Limits of a CRD version: rules per direction, peers per rule, ports per rule. */
export interface TierLimits {
  readonly rules: number;
  readonly peers: number;
  readonly ports: number;
}

const V1ALPHA2: TierLimits = { rules: 25, peers: 25, ports: 25 };
const TOP_FIELDS = ['apiVersion', 'kind', 'metadata', 'spec', 'status'];

/** `metadata` of a cluster-scoped object: a DNS-1123 subdomain name and no namespace. */
export function readClusterIdentity(document: string, kind: TierKind, top: Record<string, any>): { reader: FieldReader; name: string } {
  const bare = new FieldReader(`${document} ${kind}`);
  const metadata = bare.object('metadata', top.metadata);
  const name = bare.string('metadata.name', metadata.name);
  const problem = dns1123SubdomainProblem(name);
  if (problem !== undefined) {
    bare.fail('metadata.name', problem.problem, name, problem.fix);
  }
  const reader = new FieldReader(`${document} ${kind} ${name}`);
  const namespace = reader.optionalString('metadata.namespace', metadata.namespace);
  if (namespace !== undefined && namespace !== '') {
    reader.fail('metadata.namespace', `must be absent: a ${kind} is cluster-scoped`, namespace,
      'Remove metadata.namespace; the subject selects the namespaces');
  }
  reader.labels('metadata.labels', metadata.labels);
  return { reader, name };
}

/** Fails unless `apiVersion` is the one version of the group that has this kind. */
export function checkApiVersion(r: FieldReader, kind: TierKind, value: unknown, version: string): void {
  if (value !== `${TIER_GROUP}/${version}`) {
    r.fail('apiVersion', `must be "${TIER_GROUP}/${version}" for ${kind}`, value,
      kind === 'ClusterNetworkPolicy' ? 'ClusterNetworkPolicy exists only in v1alpha2'
        : `${kind} exists only in v1alpha1; its successor is ClusterNetworkPolicy (v1alpha2)`);
  }
}

/** A whole ClusterNetworkPolicy. */
export function readClusterNetworkPolicy(document: string, top: Record<string, any>, source: ManifestSource): NormalizedTierPolicy {
  const { reader: r, name } = readClusterIdentity(document, 'ClusterNetworkPolicy', top);
  r.object('', top, TOP_FIELDS);
  checkApiVersion(r, 'ClusterNetworkPolicy', top.apiVersion, 'v1alpha2');
  const spec = r.object('spec', top.spec, ['tier', 'priority', 'subject', 'ingress', 'egress']);
  const tier = r.string('spec.tier', spec.tier);
  if (tier !== 'Admin' && tier !== 'Baseline') {
    r.fail('spec.tier', 'must be "Admin" or "Baseline" (case-sensitive)', tier, 'Use Admin or Baseline');
  }
  const priority = readPriority(r, 'spec.priority', spec.priority);
  const subject = readSubject(r, 'spec.subject', spec.subject);
  const ingress = readRuleList(r, 'spec.ingress', spec.ingress, V1ALPHA2, (path, v, i) => readV2Rule(r, path, v, i, 'from'));
  const egress = readRuleList(r, 'spec.egress', spec.egress, V1ALPHA2, (path, v, i) => readV2Rule(r, path, v, i, 'to'));
  return { id: name, kind: 'ClusterNetworkPolicy', name, tier: tier as TierName, priority, subject, ingress, egress, source };
}

/** `priority`: required, 0-1000. */
export function readPriority(r: FieldReader, path: string, value: unknown): number {
  if (value === undefined || value === null) {
    r.fail(path, 'is required', value, 'Give a priority from 0 (evaluated first) to 1000');
  }
  const priority = r.int32(path, value);
  if (priority < 0 || priority > 1000) {
    r.fail(path, 'must be from 0 to 1000', priority, 'Use a priority from 0 (evaluated first) to 1000');
  }
  return priority;
}

/** A rule list: optional, at most `limits.rules` entries. */
export function readRuleList(r: FieldReader, path: string, value: unknown, limits: TierLimits,
  read: (path: string, value: unknown, index: number) => TierRule): TierRule[] {
  const list = r.optionalArray(path, value) ?? [];
  if (list.length > limits.rules) {
    r.fail(path, `must have at most ${limits.rules} rules`, list.length, 'Split the rules over several policies');
  }
  return list.map((rule, i) => read(`${path}[${i}]`, rule, i));
}

function readV2Rule(r: FieldReader, path: string, value: unknown, index: number, peersField: 'from' | 'to'): TierRule {
  const rule = r.object(path, value, ['name', 'action', peersField, 'protocols']);
  const name = readRuleName(r, `${path}.name`, rule.name);
  const action = r.string(`${path}.action`, rule.action);
  if (action !== 'Accept' && action !== 'Deny' && action !== 'Pass') {
    r.fail(`${path}.action`, 'must be "Accept", "Deny" or "Pass" (case-sensitive)', action,
      action === 'Allow' ? 'v1alpha2 calls it Accept' : 'Use Accept, Deny or Pass');
  }
  const egress = peersField === 'to';
  const fields = egress ? ['namespaces', 'pods', 'nodes', 'networks', 'domainNames'] : ['namespaces', 'pods'];
  const peers = readPeerList(r, `${path}.${peersField}`, rule[peersField], V1ALPHA2.peers, fields);
  const ports = readV2Protocols(r, `${path}.protocols`, rule.protocols);
  if (egress) {
    checkNamedPortTargets(r, path, peers, ports, 'protocols', 'destinationNamedPort');
  }
  return { index, name, action, peers, ports };
}

/** `name`: optional, at most 100 characters. */
export function readRuleName(r: FieldReader, path: string, value: unknown): string | undefined {
  const name = r.optionalString(path, value);
  if (name !== undefined && name.length > 100) {
    r.fail(path, `must be at most 100 characters, not ${name.length}`, name, 'Shorten the rule name');
  }
  return name === '' ? undefined : name;
}

/** The CEL rule of egress rules: a named port never toward networks, nodes or domain names. */
export function checkNamedPortTargets(r: FieldReader, path: string, peers: TierPeer[], ports: TierPort[] | undefined,
  portsField: string, namedField: string): void {
  const external = peers.findIndex((p) => p.networks !== undefined || p.nodes !== undefined || p.domainNames !== undefined);
  const named = ports?.findIndex((p) => p.portName !== undefined) ?? -1;
  if (external >= 0 && named >= 0) {
    r.fail(`${path}.${portsField}[${named}].${namedField}`, `cannot be used with the networks, nodes or domainNames peer to[${external}]`,
      ports![named].portName, 'Named ports exist only on pods: use a port number, or move that peer into its own rule');
  }
}

/** A peer list: required, 1 to `max` entries, each with exactly one of `fields`. */
export function readPeerList(r: FieldReader, path: string, value: unknown, max: number, fields: string[], v1alpha1 = false): TierPeer[] {
  const list = r.optionalArray(path, value);
  if (list === undefined || list.length === 0) {
    r.fail(path, 'must list at least one peer', value, 'Give the peers the rule is about (namespaces: {} for every pod)');
  }
  if (list.length > max) {
    r.fail(path, `must have at most ${max} peers`, list.length, 'Split the peers over several rules');
  }
  return list.map((p, i) => readPeer(r, `${path}[${i}]`, p, fields, v1alpha1));
}

function readPeer(r: FieldReader, path: string, value: unknown, fields: string[], v1alpha1: boolean): TierPeer {
  const peer = r.object(path, value, fields);
  const field = exactlyOne(r, path, peer, fields);
  const at = `${path}.${field}`;
  switch (field) {
    case 'namespaces': return { namespaceSelector: readSelector(r, at, peer[field]) };
    case 'pods': return readNamespacedPods(r, at, peer[field], v1alpha1);
    case 'nodes': return { nodes: readSelector(r, at, peer[field]) };
    case 'networks': return { networks: readNetworks(r, at, peer[field]) };
    default: return { domainNames: readDomainNames(r, at, peer[field]) };
  }
}

/** The one field of an object whose schema says exactly one may be set. */
export function exactlyOne(r: FieldReader, path: string, value: Record<string, any>, fields: string[]): string {
  const set = fields.filter((f) => value[f] !== undefined && value[f] !== null);
  if (set.length !== 1) {
    r.fail(path, `must set exactly one of ${fields.join(', ')}`, set,
      set.length === 0 ? `Set one of ${fields.join(', ')}` : 'Split it into separate list items (separate items are OR)');
  }
  return set[0];
}

/** `subject`: exactly one of namespaces, pods. */
export function readSubject(r: FieldReader, path: string, value: unknown, v1alpha1 = false): TierSubject {
  const subject = r.object(path, value, ['namespaces', 'pods']);
  const field = exactlyOne(r, path, subject, ['namespaces', 'pods']);
  if (field === 'namespaces') {
    return { namespaceSelector: readSelector(r, `${path}.namespaces`, subject.namespaces) };
  }
  const pods = readNamespacedPods(r, `${path}.pods`, subject.pods, v1alpha1);
  return { namespaceSelector: pods.namespaceSelector!, podSelector: pods.podSelector };
}

interface NamespacedPods {
  readonly namespaceSelector: NormalizedSelector;
  readonly podSelector: NormalizedSelector;
}

/** `pods`: podSelector required; namespaceSelector optional in v1alpha2 (absent: every namespace), required in v1alpha1. */
function readNamespacedPods(r: FieldReader, path: string, value: unknown, v1alpha1: boolean): NamespacedPods {
  const pods = r.object(path, value, ['namespaceSelector', 'podSelector']);
  if (v1alpha1 && (pods.namespaceSelector === undefined || pods.namespaceSelector === null)) {
    r.fail(`${path}.namespaceSelector`, 'is required in v1alpha1', pods.namespaceSelector, 'Give a namespace selector ({} for every namespace)');
  }
  if (pods.podSelector === undefined || pods.podSelector === null) {
    r.fail(`${path}.podSelector`, 'is required', pods.podSelector, 'Give a pod selector ({} for every pod), or use namespaces instead of pods');
  }
  const namespaceSelector = pods.namespaceSelector === undefined || pods.namespaceSelector === null ? makeSelector({}, [])
    : readSelector(r, `${path}.namespaceSelector`, pods.namespaceSelector);
  return { namespaceSelector, podSelector: readSelector(r, `${path}.podSelector`, pods.podSelector) };
}

function readSet(r: FieldReader, path: string, value: unknown, what: string): string[] {
  const list = r.optionalArray(path, value) ?? [];
  if (list.length === 0 || list.length > 25) {
    r.fail(path, `must list from 1 to 25 ${what}`, list.length, `Give 1 to 25 ${what} per peer; use more peers for more`);
  }
  const texts = list.map((v, i) => r.string(`${path}[${i}]`, v));
  const twice = texts.findIndex((t, i) => texts.indexOf(t) !== i);
  if (twice >= 0) {
    r.fail(`${path}[${twice}]`, 'is listed twice (the list is a set)', texts[twice], 'Remove the duplicate');
  }
  return texts;
}

function readNetworks(r: FieldReader, path: string, value: unknown): Cidr[] {
  return readSet(r, path, value, 'CIDRs').map((text, i) => {
    if (text.length > 43) {
      r.fail(`${path}[${i}]`, 'must be at most 43 characters', text, 'Write the CIDR in its short form');
    }
    const parsed = parseCidr(text);
    if (parsed.value === undefined) {
      r.fail(`${path}[${i}]`, `is not a valid CIDR: ${parsed.problem}`, text, parsed.fix!);
    }
    return parsed.value;
  });
}

function readDomainNames(r: FieldReader, path: string, value: unknown): string[] {
  return readSet(r, path, value, 'domain names').map((text, i) => {
    if (!DOMAIN_NAME.test(text)) {
      r.fail(`${path}[${i}]`, 'is not a domain name (a wildcard is allowed only as a leading "*.")', text,
        'Write a name such as "example.com" or "*.example.com"');
    }
    return text;
  });
}

function readV2Protocols(r: FieldReader, path: string, value: unknown): TierPort[] | undefined {
  const list = r.optionalArray(path, value);
  if (list === undefined) {
    return undefined;
  }
  if (list.length === 0 || list.length > V1ALPHA2.ports) {
    r.fail(path, `must list from 1 to ${V1ALPHA2.ports} protocols when given`, list.length, 'Leave it out to match every port and protocol');
  }
  return list.map((entry, i) => readV2Protocol(r, `${path}[${i}]`, entry));
}

function readV2Protocol(r: FieldReader, path: string, value: unknown): TierPort {
  const fields = ['tcp', 'udp', 'sctp', 'destinationNamedPort'];
  const entry = r.object(path, value, fields);
  const field = exactlyOne(r, path, entry, fields);
  if (field === 'destinationNamedPort') {
    const portName = r.string(`${path}.${field}`, entry[field]);
    if (portName === '') {
      r.fail(`${path}.${field}`, 'must not be empty', portName, 'Give a container port name');
    }
    return { portName };
  }
  const protocol = field.toUpperCase() as Protocol;
  const match = r.object(`${path}.${field}`, entry[field], ['destinationPort']);
  if (match.destinationPort === undefined || match.destinationPort === null) {
    r.fail(`${path}.${field}.destinationPort`, 'is required', match.destinationPort,
      `Give a port number or range; to match every ${protocol} port, list the ports or leave protocols out`);
  }
  const at = `${path}.${field}.destinationPort`;
  const port = r.object(at, match.destinationPort, ['number', 'range']);
  if (exactlyOne(r, at, port, ['number', 'range']) === 'number') {
    return { protocol, port: portNumber(r, `${at}.number`, port.number) };
  }
  const range = r.object(`${at}.range`, port.range, ['start', 'end']);
  const start = portNumber(r, `${at}.range.start`, range.start);
  const end = portNumber(r, `${at}.range.end`, range.end);
  if (start >= end) {
    r.fail(`${at}.range`, 'start must be less than end', { start, end }, 'Use a single number for one port, or fix the range');
  }
  return { protocol, port: start, endPort: end };
}

/** A required port number, 1-65535. */
export function portNumber(r: FieldReader, path: string, value: unknown): number {
  if (value === undefined || value === null) {
    r.fail(path, 'is required', value, 'Give a port number from 1 to 65535');
  }
  const port = r.int32(path, value);
  if (port < 1 || port > 65535) {
    r.fail(path, 'must be from 1 to 65535', port, 'Use a valid port number');
  }
  return port;
}
