import { ContainerPort } from '../../analysis/endpoint';
import { selectorMatches } from '../../analysis/internal/match';
import { NormalizedPort, NormalizedWorkload } from '../../analysis/model';
import { Protocol } from '../../protocol';
import { defineCheck, Report } from '../engine/check';
import { LintContext } from '../engine/context';
import { lintIndex } from '../engine/lint-index';
import { RuleAt, allRules } from '../engine/rule-walk';
import { Severity } from '../severity';

const declares = (entry: NormalizedPort) => (c: ContainerPort) => (c.protocol ?? Protocol.TCP) === entry.protocol
  && (entry.portName !== undefined ? c.name === entry.portName : c.port >= entry.port! && c.port <= (entry.endPort ?? entry.port!));

/**
 * The workloads on the receiving side of a rule: the selected pods for ingress, the pod peers' pods for egress
 * (found through the run's workload index, namespace by namespace; in no particular order).
 */
function targets(context: LintContext, at: RuleAt): NormalizedWorkload[] {
  const policy = at.doc.policy;
  const index = lintIndex(context);
  if (at.direction === 'Ingress') {
    return index.selectedWorkloads(policy);
  }
  const labels = index.memo('namespace-labels', () => {
    const byName = new Map<string, Record<string, string>>();
    context.model.namespaces.forEach((n) => byName.has(n.name) || byName.set(n.name, n.labels));
    return byName;
  });
  const found = new Set<NormalizedWorkload>();
  for (const peer of (at.rule.peers ?? []).filter((p) => p.ipBlock === undefined)) {
    const selector = peer.namespaceSelector;
    const namespaces = selector === undefined ? [policy.namespace] : index.memo(`namespaces-matching ${selector.canonical}`,
      () => index.workloadNamespaces().filter((ns) => selectorMatches(selector, labels.get(ns) ?? {})));
    namespaces.forEach((ns) => index.workloadsMatching(ns, peer.podSelector).forEach((w) => found.add(w)));
  }
  return [...found];
}

function describe(entry: NormalizedPort): string {
  if (entry.portName !== undefined) {
    return `the port named "${entry.portName}" (${entry.protocol})`;
  }
  return `${entry.protocol} ${entry.port}${entry.endPort !== undefined && entry.endPort !== entry.port ? `-${entry.endPort}` : ''}`;
}

function reportsFor(context: LintContext, at: RuleAt): Array<Report<'notDeclared'>> {
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
      messageId: 'notDeclared',
      data: { port: describe(entry), side: at.direction === 'Ingress' ? 'selected' : 'destination', workloads: names.join(', ') },
      got: entry.portName ?? (entry.endPort !== undefined ? { port: entry.port, endPort: entry.endPort } : entry.port),
    }];
  });
}

/** A rule granting a port (number or name) that no workload on its receiving side declares. */
export const portNotDeclared = defineCheck({
  code: 'port-not-declared',
  description: 'A rule granting a port (number or name) that none of the receiving workloads of the manifests declares (numbers are checked only against workloads that declare ports).',
  defaultSeverity: Severity.WARNING,
  messages: {
    notDeclared: {
      problem: 'grants {{port}}, which none of the {{side}} workloads ({{workloads}}) declares as a container port, so it admits nothing to them',
      fix: 'Grant a port the pods declare (their containerPort, name and protocol), or declare the port in the pod template',
    },
  },
  check: (context) => (context.model.workloads.length === 0 ? [] : allRules(context.docs).flatMap((at) => reportsFor(context, at))),
});
