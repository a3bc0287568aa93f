/**
 * Egress isolation without DNS. A pod isolated for egress resolves no names unless some policy selecting it
 * allows UDP 53 (and TCP 53, used for large answers) to the cluster DNS: the kube-dns/CoreDNS pods in
 * kube-system (label `k8s-app: kube-dns`), a node-local DNS cache at 169.254.20.10, or OpenShift's DNS pods
 * in openshift-dns (label `dns.operator.openshift.io/daemonset-dns: default`), which listen on 5353.
 *
 * Pods meant to have no egress at all are marked by annotating a policy that selects them with
 * `cdk8s-netpol.dev/no-egress: "true"`. A policy that allows a DNS service the check cannot know (one of
 * your own) says so with `cdk8s-netpol.dev/allows-dns: "true"`; the intents write it for `DnsProfile.custom()`.
 */
import { ruleAdmitsPeer, ruleAdmitsPort, selectorMatches, Subject } from '../../analysis/internal/match';
import { NAMESPACE_NAME_LABEL, NormalizedPolicy, NormalizedRule } from '../../analysis/model';
import { TrafficDirection } from '../../analysis/verdict';
import { parseIp } from '../../private/cidr';
import { Protocol } from '../../protocol';
import { defineCheck, LintMessage, Report } from '../engine/check';
import { LintContext, PolicyDoc } from '../engine/context';
import { lintIndex } from '../engine/lint-index';
import { selectedSubjects } from '../engine/subjects';
import { Severity } from '../severity';

/** The annotation that says the selected pods are meant to have no egress (so no DNS either). */
export const NO_EGRESS_ANNOTATION = 'cdk8s-netpol.dev/no-egress';

/** The annotation that says a policy allows the cluster's DNS, wherever that is. */
export const ALLOWS_DNS_ANNOTATION = 'cdk8s-netpol.dev/allows-dns';

const DNS_PORTS = [{ name: 'dns', port: 53, protocol: Protocol.UDP }, { name: 'dns-tcp', port: 53, protocol: Protocol.TCP }];

const OPENSHIFT_DNS_PORTS = [{ name: 'dns', port: 5353, protocol: Protocol.UDP }, { name: 'dns-tcp', port: 5353, protocol: Protocol.TCP }];

/** Where cluster DNS answers, and on which port: the CoreDNS/kube-dns pods, a node-local cache, OpenShift's DNS pods. */
const DNS_TARGETS: Array<{ readonly subject: Subject; readonly port: number }> = [
  {
    subject: {
      key: 'kube-system/kube-dns',
      isPod: true,
      namespace: 'kube-system',
      labels: { 'k8s-app': 'kube-dns' },
      namespaceLabels: { [NAMESPACE_NAME_LABEL]: 'kube-system' },
      ports: DNS_PORTS,
    },
    port: 53,
  },
  {
    subject: { key: '169.254.20.10', isPod: false, namespace: '', labels: {}, namespaceLabels: {}, ports: [], ip: parseIp('169.254.20.10').value },
    port: 53,
  },
  {
    subject: {
      key: 'openshift-dns/dns-default',
      isPod: true,
      namespace: 'openshift-dns',
      labels: { 'dns.operator.openshift.io/daemonset-dns': 'default' },
      namespaceLabels: { [NAMESPACE_NAME_LABEL]: 'openshift-dns' },
      ports: OPENSHIFT_DNS_PORTS,
    },
    port: 5353,
  },
];

/** Whether one of the egress rules of a policy in `namespace` admits DNS over `protocol` to a DNS target. */
export function rulesAllowDns(rules: NormalizedRule[], namespace: string, protocol: Protocol): boolean {
  return rules.some((rule) => DNS_TARGETS.some(({ subject, port }) =>
    ruleAdmitsPeer(rule, namespace, subject) && ruleAdmitsPort(rule, protocol, port, subject)));
}

/**
 * Whether the pod's egress allows DNS over `protocol` to some DNS target (or the pod is not egress-isolated).
 * Remembered per pod and, since whether a rule admits DNS does not depend on the pod, per policy.
 */
export function dnsAllowed(context: LintContext, pod: Subject, protocol: Protocol): boolean {
  const index = lintIndex(context);
  const byPod = index.memo(`dns-pods-${protocol}`, () => new Map<Subject, boolean>());
  const byPolicy = index.memo(`dns-policies-${protocol}`, () => new Map<NormalizedPolicy, boolean>());
  const annotated = index.memo('allows-dns-policies', () =>
    new Set(context.docs.filter((d) => d.annotations[ALLOWS_DNS_ANNOTATION] === 'true').map((d) => d.policy.id)));
  const policyAllows = (p: NormalizedPolicy) => {
    let allows = byPolicy.get(p);
    if (allows === undefined) {
      allows = annotated.has(p.id) || rulesAllowDns(p.egress, p.namespace, protocol);
      byPolicy.set(p, allows);
    }
    return allows;
  };
  let allowed = byPod.get(pod);
  if (allowed === undefined) {
    const policies = index.cluster.selectingPolicies(pod, TrafficDirection.EGRESS);
    allowed = policies.length === 0 || policies.some(policyAllows);
    byPod.set(pod, allowed);
  }
  return allowed;
}

/** Whether a policy selecting the pod says the pod is meant to have no egress (annotated policies by namespace). */
function meantWithoutEgress(context: LintContext, pod: Subject): boolean {
  const annotated = lintIndex(context).memo('no-egress-docs', () => {
    const byNamespace = new Map<string, PolicyDoc[]>();
    for (const d of context.docs.filter((doc) => doc.annotations[NO_EGRESS_ANNOTATION] === 'true')) {
      byNamespace.set(d.policy.namespace, [...(byNamespace.get(d.policy.namespace) ?? []), d]);
    }
    return byNamespace;
  });
  return (annotated.get(pod.namespace) ?? []).some((d) => selectorMatches(d.policy.podSelector, pod.labels));
}

/**
 * Reports, per egress-isolating policy, the first selected pod whose DNS over `protocol` is blocked; a pod is
 * reported once, on the first such policy in document order.
 */
export function blockedDnsReports(context: LintContext, protocol: Protocol, alsoBlocked: (pod: Subject) => boolean): Array<Report<'blocksDns'>> {
  const reported = new Set<string>();
  return context.docs.filter((doc) => doc.policy.isolatesEgress).flatMap((doc: PolicyDoc) => {
    const pod = selectedSubjects(context, doc.policy).find((s) =>
      !reported.has(s.key) && !meantWithoutEgress(context, s) && alsoBlocked(s) && !dnsAllowed(context, s, protocol));
    if (pod === undefined) {
      return [];
    }
    reported.add(pod.key);
    return [{
      doc,
      field: 'spec.egress',
      messageId: 'blocksDns',
      data: { pod: pod.key, protocol },
      got: pod.labels,
    }];
  });
}

/** The message of both DNS checks: `blockedDnsReports()` reports it. */
export const BLOCKED_DNS_MESSAGES: Record<'blocksDns', LintMessage> = {
  blocksDns: {
    problem: 'isolates egress of pod {{pod}} and no policy selecting it allows {{protocol}} 53 to the cluster DNS, so it cannot resolve names',
    fix: `Allow DNS egress (AllowDnsEgress, or a rule to kube-system pods k8s-app=kube-dns on UDP and TCP 53), or annotate the policy ${NO_EGRESS_ANNOTATION}: "true" if the pod is meant to have no egress`,
  },
};

/** Egress isolation that blocks DNS over UDP. */
export const egressBlocksDns = defineCheck({
  code: 'egress-blocks-dns',
  description: 'Egress isolation that blocks UDP 53 to the cluster DNS for pods not marked as meant to have no egress.',
  defaultSeverity: Severity.ERROR,
  messages: BLOCKED_DNS_MESSAGES,
  check: (context) => blockedDnsReports(context, Protocol.UDP, () => true),
});
