import { Subject } from '../../analysis/internal/match';
import { judgeTiers, subjectSelects } from '../../analysis/internal/tier-evaluate';
import { NAMESPACE_NAME_LABEL } from '../../analysis/model';
import { TrafficDirection, VerdictOutcome } from '../../analysis/verdict';
import { Protocol } from '../../protocol';
import { defineCheck, Report } from '../engine/check';
import { Severity } from '../severity';

const KUBE_DNS: Subject = {
  key: 'kube-system/kube-dns',
  isPod: true,
  namespace: 'kube-system',
  labels: { 'k8s-app': 'kube-dns' },
  namespaceLabels: { [NAMESPACE_NAME_LABEL]: 'kube-system' },
  ports: [{ name: 'dns', port: 53, protocol: Protocol.UDP }],
};

const FIX = 'Accept UDP and TCP 53 to the DNS pods (egress) and into them (ingress) before the Deny, as ClusterBaseline does';

/**
 * The Baseline tier denies DNS (UDP 53 to the kube-dns/CoreDNS pods) for pods of some namespace that no
 * NetworkPolicy selects, both for their egress and for the DNS pods' ingress: name resolution stops there.
 */
export const baselineBlocksDns = defineCheck({
  code: 'baseline-blocks-dns',
  description: 'The Baseline tier denies DNS to the cluster DNS pods for pods that no NetworkPolicy selects.',
  defaultSeverity: Severity.WARNING,
  messages: {
    deniesEgress: { problem: 'denies DNS (UDP 53) from pods of {{namespace}} to the kube-dns pods where no NetworkPolicy selects them', fix: FIX },
    deniesIngress: { problem: 'denies DNS (UDP 53) from pods of {{namespace}} into the kube-dns pods where no NetworkPolicy selects them', fix: FIX },
  },
  check: (context) => {
    const tiers = context.model.tierPolicies.filter((p) => p.tier === 'Baseline');
    if (tiers.length === 0) return [];
    const reported = new Set<string>();
    const reports: Array<Report<'deniesEgress' | 'deniesIngress'>> = [];
    for (const ns of context.model.namespaces) {
      const pod: Subject = { key: `${ns.name}/*`, isPod: true, namespace: ns.name, labels: {}, namespaceLabels: ns.labels, ports: [] };
      if (!tiers.some((p) => subjectSelects(p, pod) || subjectSelects(p, KUBE_DNS))) continue;
      const connection = { source: pod, destination: KUBE_DNS, port: 53, protocol: Protocol.UDP };
      for (const direction of [TrafficDirection.EGRESS, TrafficDirection.INGRESS]) {
        const side = judgeTiers(tiers, connection, direction, () => undefined);
        const denier = side.reasons.find((r) => r.policy !== undefined);
        if (side.outcome !== VerdictOutcome.DENIED || denier === undefined || reported.has(`${denier.policy} ${direction}`)) continue;
        reported.add(`${denier.policy} ${direction}`);
        const policy = tiers.find((p) => p.id === denier.policy)!;
        const word = direction === TrafficDirection.EGRESS ? 'egress' : 'ingress';
        reports.push({
          where: `${policy.kind} ${policy.name}`,
          source: policy.source,
          field: `spec.${word}[${denier.ruleIndex}]`,
          got: denier.ruleName ?? 'Deny',
          messageId: word === 'egress' ? 'deniesEgress' : 'deniesIngress',
          data: { namespace: ns.name },
        });
      }
    }
    return reports;
  },
});
