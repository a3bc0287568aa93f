/**
 * The lint checks whose implementation is indexed, written the straightforward way (each rule compared with
 * every other, each policy's pods found by scanning every workload, DNS re-judged per pod). They are the oracle
 * of the indexed checks: test/lint/indexed-checks.test.ts and `npm run bench -- cli` compare both, report for
 * report, on the fixtures and on generated clusters.
 */
import { ContainerPort } from '../src/analysis/endpoint';
import { Cluster } from '../src/analysis/internal/cluster';
import { ruleAdmitsPeer, ruleAdmitsPort, selectorMatches, Subject } from '../src/analysis/internal/match';
import { NAMESPACE_NAME_LABEL, NormalizedPeer, NormalizedPolicy, NormalizedPort, NormalizedWorkload } from '../src/analysis/model';
import { NO_EGRESS_ANNOTATION } from '../src/lint/checks/egress-blocks-dns';
import { Report as CheckReport } from '../src/lint/engine/check';
import { LintContext, PolicyDoc } from '../src/lint/engine/context';
import { ruleCovers } from '../src/lint/engine/rule-cover';
import { allRules, RuleAt, ruleIsEffective } from '../src/lint/engine/rule-walk';
import { representativeLabels } from '../src/lint/engine/subjects';
import { parseIp } from '../src/private/cidr';
import { Protocol } from '../src/protocol';

/** A report as the checks give it, without the message id (the oracle compares what is reported). */
type Report = Omit<CheckReport, 'messageId'>;

interface CoveredRule {
  readonly covered: RuleAt;
  readonly by: RuleAt;
  readonly equivalent: boolean;
}

function coveredRules(context: LintContext): CoveredRule[] {
  const rules = allRules(context.docs).filter(ruleIsEffective);
  const result: CoveredRule[] = [];
  rules.forEach((rule, i) => {
    for (let j = 0; j < rules.length; j++) {
      const other = rules[j];
      if (i === j || !samePods(rule, other) || !ruleCovers(other.rule, rule.rule)) {
        continue;
      }
      const equivalent = ruleCovers(rule.rule, other.rule);
      if (!equivalent || j < i) {
        result.push({ covered: rule, by: other, equivalent });
        return;
      }
    }
  });
  return result;
}

function samePods(a: RuleAt, b: RuleAt): boolean {
  return a.direction === b.direction && a.doc.policy.namespace === b.doc.policy.namespace
    && a.doc.policy.podSelector.canonical === b.doc.policy.podSelector.canonical;
}

function describeRule(at: RuleAt, from: RuleAt): string {
  return at.doc === from.doc ? at.path : `${at.doc.object} ${at.path}`;
}

function duplicateRule(context: LintContext): Report[] {
  return coveredRules(context).filter((c) => c.equivalent).map(({ covered, by }) => ({
    doc: covered.doc,
    field: covered.path,
    problem: `repeats ${describeRule(by, covered)}, which allows the same peers and ports`,
    got: describeRule(by, covered),
    fix: 'Remove one of the two rules',
  }));
}

function shadowedRule(context: LintContext): Report[] {
  return coveredRules(context).filter((c) => !c.equivalent).map(({ covered, by }) => ({
    doc: covered.doc,
    field: covered.path,
    problem: `is redundant: ${describeRule(by, covered)} already allows every peer and port it allows`,
    got: describeRule(by, covered),
    fix: 'Remove the narrower rule, or narrow the broader one if it allows more than meant',
  }));
}

function selectsNoWorkload(context: LintContext): Report[] {
  const workloads = context.model.workloads;
  if (workloads.length === 0) {
    return [];
  }
  return context.docs
    .filter((doc) => !workloads.some((w) => w.namespace === doc.policy.namespace && selectorMatches(doc.policy.podSelector, w.labels)))
    .map((doc) => ({
      doc,
      field: 'spec.podSelector',
      problem: `matches no workload of namespace "${doc.policy.namespace}" in these manifests`,
      got: { matchLabels: doc.policy.podSelector.matchLabels, matchExpressions: doc.policy.podSelector.requirements },
      fix: 'Check the labels against the pod templates, or lint together with the manifests that define those pods',
    }));
}

function selectedSubjects(context: LintContext, cluster: Cluster, policy: NormalizedPolicy): Subject[] {
  const namespaceLabels = cluster.namespaceLabels(policy.namespace);
  if (context.model.workloads.length === 0) {
    const labels = representativeLabels(policy.podSelector);
    return [{ key: `${policy.namespace}/<pod ${JSON.stringify(labels)}>`, isPod: true, namespace: policy.namespace, labels, namespaceLabels, ports: [] }];
  }
  return context.model.workloads
    .filter((w) => w.namespace === policy.namespace && selectorMatches(policy.podSelector, w.labels))
    .map((w) => ({ key: `${w.namespace}/${w.name}`, isPod: true, namespace: w.namespace, labels: w.labels, namespaceLabels, ports: w.ports }));
}

const DNS_PORTS = [{ name: 'dns', port: 53, protocol: Protocol.UDP }, { name: 'dns-tcp', port: 53, protocol: Protocol.TCP }];
const DNS_TARGETS: Subject[] = [
  {
    key: 'kube-system/kube-dns',
    isPod: true,
    namespace: 'kube-system',
    labels: { 'k8s-app': 'kube-dns' },
    namespaceLabels: { [NAMESPACE_NAME_LABEL]: 'kube-system' },
    ports: DNS_PORTS,
  },
  { key: '169.254.20.10', isPod: false, namespace: '', labels: {}, namespaceLabels: {}, ports: [], ip: parseIp('169.254.20.10').value },
];

/** Scans every policy of the namespace for every pod (the policy index is not used). */
function dnsAllowed(cluster: Cluster, pod: Subject, protocol: Protocol): boolean {
  const policies = cluster.policiesIn(pod.namespace).filter((p) => p.isolatesEgress && selectorMatches(p.podSelector, pod.labels));
  return policies.length === 0 || policies.some((p) => p.egress.some((rule) => DNS_TARGETS.some((target) =>
    ruleAdmitsPeer(rule, p.namespace, target) && ruleAdmitsPort(rule, protocol, 53, target))));
}

function meantWithoutEgress(context: LintContext, pod: Subject): boolean {
  return context.docs.some((d) => d.policy.namespace === pod.namespace && d.annotations[NO_EGRESS_ANNOTATION] === 'true'
    && selectorMatches(d.policy.podSelector, pod.labels));
}

function blockedDnsReports(context: LintContext, protocol: Protocol, alsoBlocked: (pod: Subject) => boolean): Report[] {
  const cluster = new Cluster(context.model);
  const reported = new Set<string>();
  return context.docs.filter((doc) => doc.policy.isolatesEgress).flatMap((doc: PolicyDoc) => {
    const pod = selectedSubjects(context, cluster, doc.policy).find((s) =>
      !reported.has(s.key) && !meantWithoutEgress(context, s) && alsoBlocked(s) && !dnsAllowed(cluster, s, protocol));
    if (pod === undefined) {
      return [];
    }
    reported.add(pod.key);
    return [{
      doc,
      field: 'spec.egress',
      problem: `isolates egress of pod ${pod.key} and no policy selecting it allows ${protocol} 53 to the cluster DNS, so it cannot resolve names`,
      got: pod.labels,
      fix: `Allow DNS egress (AllowDnsEgress, or a rule to kube-system pods k8s-app=kube-dns on UDP and TCP 53), or annotate the policy ${NO_EGRESS_ANNOTATION}: "true" if the pod is meant to have no egress`,
    }];
  });
}

function egressBlocksDnsTcp(context: LintContext): Report[] {
  const cluster = new Cluster(context.model);
  return blockedDnsReports(context, Protocol.TCP, (pod) => dnsAllowed(cluster, pod, Protocol.UDP));
}

// port-not-declared: every workload scanned for every rule.
const declares = (entry: NormalizedPort) => (c: ContainerPort) => (c.protocol ?? Protocol.TCP) === entry.protocol
  && (entry.portName !== undefined ? c.name === entry.portName : c.port >= entry.port! && c.port <= (entry.endPort ?? entry.port!));

/** The workloads on the receiving side of a rule: the selected pods for ingress, the pod peers' pods for egress. */
function targets(context: LintContext, at: RuleAt): NormalizedWorkload[] {
  const policy = at.doc.policy;
  const workloads = context.model.workloads;
  if (at.direction === 'Ingress') {
    return workloads.filter((w) => w.namespace === policy.namespace && selectorMatches(policy.podSelector, w.labels));
  }
  const peers = (at.rule.peers ?? []).filter((p) => p.ipBlock === undefined);
  const namespaceLabels = (ns: string) => context.model.namespaces.find((n) => n.name === ns)?.labels ?? {};
  const inNamespace = (p: NormalizedPeer, w: NormalizedWorkload) => (p.namespaceSelector === undefined
    ? w.namespace === policy.namespace : selectorMatches(p.namespaceSelector, namespaceLabels(w.namespace)));
  return workloads.filter((w) => peers.some((p) => inNamespace(p, w) && (p.podSelector === undefined || selectorMatches(p.podSelector, w.labels))));
}

function describePort(entry: NormalizedPort): string {
  if (entry.portName !== undefined) {
    return `the port named "${entry.portName}" (${entry.protocol})`;
  }
  return `${entry.protocol} ${entry.port}${entry.endPort !== undefined && entry.endPort !== entry.port ? `-${entry.endPort}` : ''}`;
}

function portReportsFor(context: LintContext, at: RuleAt): Report[] {
  const all = targets(context, at);
  return (at.rule.ports ?? []).flatMap((entry, i) => {
    if (entry.portName === undefined && entry.port === undefined) {
      return []; // a whole protocol
    }
    // Unnamed numbers are only judged against workloads that declare ports: declaring them is optional.
    const judged = entry.portName !== undefined ? all : all.filter((w) => w.ports.length > 0);
    if (judged.length === 0 || judged.some((w) => w.ports.some(declares(entry)))) {
      return [];
    }
    const names = judged.map((w) => `${w.namespace}/${w.name}`).sort();
    return [{
      doc: at.doc,
      field: `${at.path}.ports[${i}]`,
      problem: `grants ${describePort(entry)}, which none of the ${at.direction === 'Ingress' ? 'selected' : 'destination'} workloads (${names.join(', ')}) declares as a container port, so it admits nothing to them`,
      got: entry.portName ?? (entry.endPort !== undefined ? { port: entry.port, endPort: entry.endPort } : entry.port),
      fix: 'Grant a port the pods declare (their containerPort, name and protocol), or declare the port in the pod template',
    }];
  });
}


function portNotDeclared(context: LintContext): Report[] {
  return context.model.workloads.length === 0 ? [] : allRules(context.docs).flatMap((at) => portReportsFor(context, at));
}

/** The reference implementation of each indexed check, by code. */
export const REFERENCE_CHECKS: Record<string, (context: LintContext) => Report[]> = {
  'duplicate-rule': duplicateRule,
  'shadowed-rule': shadowedRule,
  'selects-no-workload': selectsNoWorkload,
  'egress-blocks-dns': (context) => blockedDnsReports(context, Protocol.UDP, () => true),
  'egress-blocks-dns-tcp': egressBlocksDnsTcp,
  'port-not-declared': portNotDeclared,
};
