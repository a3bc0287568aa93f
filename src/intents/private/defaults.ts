/**
 * What intents fill in and check (internal): the props of the policy an intent is, its default target pods
 * and DNS profile, and the checks of the props that every intent shares.
 */
import { Construct } from 'constructs';
import { DnsProfile } from '../../dns';
import { ALLOWS_DNS_ANNOTATION } from '../../lint/checks/egress-blocks-dns';
import { NetworkPolicy, NetworkPolicyProps } from '../../network-policy';
import { NetworkPolicyRule } from '../../policy-rule';
import { targetOf } from '../../policy-spec';
import { Port } from '../../port';
import { DNS_PROFILE, PORT } from '../../private/brands';
import { ErrorCode, invalid } from '../../private/errors';
import { IPodSelector, LabelSelector } from '../../selectors/label-selector';
import { IntentProps } from '../intent-props';

/** The annotation by which a policy overrides lint checks for itself (`code=off`), as the lint reads it. */
export const LINT_ANNOTATION = 'cdk8s-netpol.dev/lint';

/**
 * The DNS of a Kubernetes cluster, the default of every intent that allows DNS: one immutable value made
 * when the module loads, as `Port.DNS_UDP` is, so that its peers and ports render once for all intents.
 */
const KUBERNETES_DNS = DnsProfile.kubernetes();

/** What an intent renders: the policy's default name, target pods, rules and description. */
export interface IntentSpec {
  readonly defaultName: string;
  readonly target: IntentTarget;
  readonly description: string;
  readonly ingress?: NetworkPolicyRule[];
  readonly egress?: NetworkPolicyRule[];
}

/** The props of the NetworkPolicy an intent is, passing `name` and `namespace` through. */
export function intentPolicy(props: IntentProps | undefined, spec: IntentSpec): NetworkPolicyProps {
  return {
    name: props?.name ?? spec.defaultName,
    namespace: spec.target.namespace,
    selector: spec.target.selector,
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

/** The pods an intent applies to, and the namespace of its policy (see `targetOf()`). */
export interface IntentTarget {
  readonly selector: LabelSelector;
  readonly namespace?: string;
  /** The workload's name, for the default name. */
  readonly name?: string;
}

/** The target of an Allow* intent, which must be given: a LabelSelector or a workload of pods. */
export function requireTarget(where: string, scope: Construct, props: { selector?: IPodSelector; namespace?: string } | undefined): IntentTarget {
  const selector = props?.selector;
  if (selector === undefined) {
    throw invalid(ErrorCode.MISSING_VALUE, where, 'selector is required: it names the pods this policy applies to', selector,
      'Pass selector: LabelSelector.of({ labels: {...} }) or a Workload, or LabelSelector.all() if every pod of the namespace is meant');
  }
  return targetOf(where, scope, selector, props?.namespace);
}

/** The target of a deny or baseline intent: every pod of the namespace unless given. */
export function targetOrAll(where: string, scope: Construct, props: { selector?: IPodSelector; namespace?: string } | undefined): IntentTarget {
  return targetOf(where, scope, props?.selector ?? LabelSelector.all(), props?.namespace);
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
    if (!PORT.has(ports[i])) {
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

/** The DNS profile to use: `DnsProfile.kubernetes()` unless given. */
export function dnsOrDefault(where: string, dns: DnsProfile | undefined): DnsProfile {
  if (dns === undefined) {
    return KUBERNETES_DNS;
  }
  if (!DNS_PROFILE.has(dns)) {
    throw invalid(ErrorCode.WRONG_TYPE, where, 'dns must be a DnsProfile', dns,
      'Use DnsProfile.kubernetes(), DnsProfile.nodeLocal(), DnsProfile.openshift() or DnsProfile.custom()');
  }
  return dns as DnsProfile;
}

/**
 * Marks a policy that allows a DNS service of your own (`DnsProfile.custom()`), so that the lint counts it
 * as allowing DNS; the lint knows the other profiles' DNS pods and addresses by itself.
 */
export function markCustomDns(policy: NetworkPolicy, dns: DnsProfile | undefined): void {
  if (dns?._isCustom === true) {
    policy.metadata.addAnnotation(ALLOWS_DNS_ANNOTATION, 'true');
  }
}

/** The egress rule that allows DNS: a rule of its own, its ports beside (never inside) the peers. */
export function dnsRule(dns: DnsProfile): NetworkPolicyRule {
  return { peers: dns.peers, ports: dns.ports, description: `DNS: ${dns.description}` };
}
