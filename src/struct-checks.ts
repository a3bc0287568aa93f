/**
 * The fields of the structs that selectors, policies, intents and connections are given, and the checks of
 * their constructors' arguments (internal, not exported from the package).
 *
 * Each constructor calls one of these first, so that a wrong type (a number for a description, a string for
 * a list, a typo in a field name) is refused in the project's format before the construct reads it. What the
 * values mean is checked by the constructs after that.
 */
import { JsonPatch } from 'cdk8s';
import {
  argumentError, Check, checkBoolean, checkNumber, checkString, checkStringList, checkStringMap, enumOf, Fields,
  listOf, optional, struct, argumentStruct, typeOnly,
} from './private/arguments';
import { CONNECTIONS, DNS_PROFILE, LABEL_REQUIREMENT, LABEL_SELECTOR, PEER, PORT, WORKLOAD } from './private/brands';
import { checkConstructArgsWith } from './private/construct-arguments';
import { ErrorCode } from './private/errors';

import { Protocol } from './protocol';

export { checkConstructArgsWith, checkScope } from './private/construct-arguments';

/** What `IPeer` and `IPodSelector` give, as these checks see it (the value classes are not imported here). */
interface PeerLike { toPeer(namespace?: string): unknown }
interface PodsLike { toPodSelection(): unknown }

/**
 * An `IPeer`: a Peer, a Workload, or another object with a `toPeer()` method (an implementation of the
 * interface in another language).
 */
export const checkPeerLike: Check<PeerLike> = (where, what, value) => {
  if (typeof value !== 'object' || value === null || typeof (value as PeerLike).toPeer !== 'function') {
    throw argumentError(where, value === undefined ? `${what} is required and must be a Peer or a Workload` : `${what} must be a Peer or a Workload`,
      value, 'Make it with Peer.pods(), Peer.namespace(), Peer.ipBlock(), Peer.any(), ..., or pass a Workload');
  }
  return value as PeerLike;
};

/** An `IPodSelector`: a LabelSelector, a Workload of pods, or another object with a `toPodSelection()` method. */
export const checkPodsLike: Check<PodsLike> = (where, what, value) => {
  if (typeof value !== 'object' || value === null || typeof (value as PodsLike).toPodSelection !== 'function') {
    throw argumentError(where, value === undefined ? `${what} is required and must be a LabelSelector or a Workload`
      : `${what} must be a LabelSelector or a Workload`, value,
    'Make it with LabelSelector.of({ labels: {...} }) or LabelSelector.all(), or pass a Workload of pods');
  }
  return value as PodsLike;
};

const POD_SELECTION: Fields = { selector: LABEL_SELECTOR.check, namespace: optional(checkString), name: optional(checkString) };

/**
 * The peer an `IPeer` stands for in a policy of `namespace`, checked: what an implementation of the interface
 * returns is a Peer, or the project's error.
 */
export function peerOf<P>(where: string, what: string, value: PeerLike, namespace: string | undefined): P {
  return PEER.check(where, `${what}.toPeer()`, checkPeerLike(where, what, value).toPeer(namespace)) as P;
}

/** The pods an `IPodSelector` stands for, checked (selector, namespace and name). */
export function podsOf<S>(where: string, what: string, value: PodsLike): S {
  const selection = checkPodsLike(where, what, value).toPodSelection();
  return struct(POD_SELECTION)(where, `${what}.toPodSelection()`, selection) as S;
}

const string = optional(checkString);
const strings = optional(checkStringList);
const selector = optional(LABEL_SELECTOR.check);
const pods = optional(checkPodsLike);
const ports = optional(listOf(PORT.check));
const protocol = optional(enumOf(Protocol, 'Protocol', ErrorCode.INVALID_PROTOCOL));

const INTENT: Fields = { name: string, namespace: string };
const ISOLATION_INTENT: Fields = { ...INTENT, selector: pods };
const ALLOW_INTENT: Fields = { ...INTENT, selector: typeOnly(checkPodsLike) };
const ALLOW_PORTS_INTENT: Fields = { ...ALLOW_INTENT, ports };
const RULE: Fields = { peers: typeOnly(listOf(checkPeerLike)), ports, description: string };
const WORKLOAD_PORT: Fields = { port: typeOnly(checkNumber), name: string, protocol };
const workloadPorts = optional(listOf(struct(WORKLOAD_PORT)));

/** The fields of every struct checked here, by interface name. */
export const STRUCTS: Readonly<Record<string, Fields>> = {
  LabelSelectorOptions: { labels: optional(checkStringMap), expressions: optional(listOf(LABEL_REQUIREMENT.check)) },
  NetworkPolicyRule: RULE,
  NetworkPolicyProps: {
    name: string,
    namespace: string,
    selector: typeOnly(checkPodsLike),
    description: string,
    ingress: optional(listOf(struct(RULE))),
    egress: optional(listOf(struct(RULE))),
  },
  IntentProps: INTENT,
  IsolationIntentProps: ISOLATION_INTENT,
  AllowIntentProps: ALLOW_INTENT,
  AllowPortsIntentProps: ALLOW_PORTS_INTENT,
  CidrIntentProps: { ...ALLOW_PORTS_INTENT, cidrs: strings, except: strings, workloads: optional(listOf(WORKLOAD.check)) },
  AllowDnsEgressProps: { ...ALLOW_INTENT, dns: optional(DNS_PROFILE.check) },
  AllowDnsHttpsEgressProps: { ...ALLOW_INTENT, dns: optional(DNS_PROFILE.check), httpsDestinations: optional(listOf(checkPeerLike)) },
  AllowExternalIngressProps: { ...ALLOW_INTENT, ports: typeOnly(listOf(PORT.check)), cidrs: strings, workloads: optional(listOf(WORKLOAD.check)) },
  AllowFromLabelProps: {
    ...ALLOW_PORTS_INTENT, sourceSelector: typeOnly(checkPodsLike), sourceNamespace: string, sourceNamespaceSelector: selector,
  },
  AllowFromNamespaceProps: { ...ALLOW_PORTS_INTENT, namespaces: strings, namespaceSelector: selector },
  AllowKubeApiEgressProps: { ...ALLOW_INTENT, cidrs: strings, workloads: optional(listOf(WORKLOAD.check)), ports },
  DenyExternalEgressProps: { ...ISOLATION_INTENT, dns: optional(DNS_PROFILE.check) },
  NamespaceBaselineProps: { ...ISOLATION_INTENT, dns: optional(DNS_PROFILE.check), allowSameNamespace: optional(checkBoolean) },
  WorkloadPort: WORKLOAD_PORT,
  WorkloadFromLabelsProps: {
    labels: optional(checkStringMap),
    expressions: optional(listOf(LABEL_REQUIREMENT.check)),
    namespace: string,
    name: string,
    ports: workloadPorts,
  },
  WorkloadFromCidrProps: { cidr: typeOnly(checkString), except: strings, name: string, ports: workloadPorts },
  WorkloadFromPlusOptions: { name: string },
  WorkloadAllPodsOfProps: { namespace: typeOnly(checkString), name: string },
  // `sides` is checked against GrantSides by the grant itself
  GrantOptions: { sides: string, description: string },
};

/** The check of each struct, made once. */
const CHECKS = new Map(Object.entries(STRUCTS).map(([name, fields]) => [name, argumentStruct(fields)]));

/** Checks a struct argument against the fields of the named interface. */
export function checkStruct(where: string, what: string, value: unknown, structName: string): void {
  CHECKS.get(structName)!(where, what, value);
}

/** `checkStruct()`, with `undefined` allowed. */
export function checkOptionalStruct(where: string, what: string, value: unknown, structName: string): void {
  if (value !== undefined) {
    CHECKS.get(structName)!(where, what, value);
  }
}

/** Checks `LabelSelector.of()`'s options. */
export const checkLabelSelectorOptions: Check<unknown> = (where, what, value) => checkStruct(where, what, value, 'LabelSelectorOptions');

/**
 * Checks the arguments of a construct's constructor (or a factory that makes a construct): the scope, the id
 * and the props, given as the name of their interface. Returns the construct path the new construct will have.
 *
 * @param call the constructor or factory, e.g. `new AllowFromLabel()` or `Workload.fromLabels()`
 */
export function checkConstructArgs(call: string, scope: unknown, id: unknown, props: unknown, propsStruct: string): string {
  return checkConstructArgsWith(call, scope, id, props, CHECKS.get(propsStruct)!);
}

/** Checks a rule given to `addIngressRule()` or `addEgressRule()`. */
export function checkRuleArgument(where: string, rule: unknown): void {
  checkStruct(where, 'rule', rule, 'NetworkPolicyRule');
}

/** Checks the JSON patches given to `addJsonPatch()`. */
export function checkJsonPatches(where: string, ops: unknown[]): void {
  for (let i = 0; i < ops.length; i++) {
    if (!(ops[i] instanceof JsonPatch)) {
      throw argumentError(where, `ops[${i}] must be a JsonPatch`, ops[i], 'Make it with JsonPatch.add(), JsonPatch.replace(), JsonPatch.remove(), ...');
    }
  }
}

/** Checks the arguments of `Connections.allowTo()` and `allowFrom()` (`path`: the workload's construct path). */
export function checkGrantArgs(call: string, path: string, other: unknown, port: unknown, options: unknown): void {
  const connections = typeof other === 'object' && other !== null ? (other as { connections?: unknown }).connections : undefined;
  if (!CONNECTIONS.has(connections)) {
    throw argumentError(call, 'the other side must be a Workload',
      other, 'Pass a Workload made with Workload.fromLabels(), Workload.fromCidr() or Workload.fromPlusWorkload()');
  }
  optional(PORT.check)(path, 'port', port);
  checkOptionalStruct(path, 'options', options, 'GrantOptions');
}
