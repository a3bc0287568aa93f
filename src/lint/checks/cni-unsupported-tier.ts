import { featureOfKind, tierFacts } from '../cni/cni-tiers';
import { defineCheck, Report } from '../engine/check';
import { Severity } from '../severity';

const KIND_PROBLEM = 'is not enforced by {{cni}}{{condition}}: {{note}}{{see}}';

/**
 * A cluster-wide policy (or a domain-name peer) on a CNI that does not enforce it: the API server accepts it
 * and the cluster ignores it. An error where the CNI (at its declared release and switches) is known not to
 * enforce it; a warning where it depends on a switch, or no source says either way (cni-tiers.ts).
 */
type Id = 'clusterPolicyNotEnforced' | 'adminPolicyNotEnforced' | 'domainNamesNotEnforced';

export const cniUnsupportedTier = defineCheck({
  code: 'cni-unsupported-tier',
  description: 'A ClusterNetworkPolicy, AdminNetworkPolicy or domain-name peer that the declared CNI does not enforce (or only from a version or with a flag).',
  defaultSeverity: Severity.ERROR,
  messages: {
    clusterPolicyNotEnforced: {
      problem: KIND_PROBLEM,
      fix: 'Run a CNI release that enforces ClusterNetworkPolicy (and declare it: Cni.of(name, { version, clusterPoliciesEnabled })), or express the rule as NetworkPolicies',
    },
    adminPolicyNotEnforced: { problem: KIND_PROBLEM, fix: 'Write it as a ClusterNetworkPolicy (v1alpha2), its successor, or declare the release the cluster runs if it enforces v1alpha1' },
    domainNamesNotEnforced: {
      problem: 'are not enforced by {{cni}}: {{note}}',
      fix: 'Use networks (CIDRs) for the destinations, or a CNI that enforces domain names',
    },
  },
  check: (context) => {
    const table = tierFacts(context.cni);
    if (table === undefined) {
      return [];
    }
    const cni = context.cni.enforcer.toString();
    return context.model.tierPolicies.flatMap((policy): Array<Report<Id>> => {
      const where = `${policy.kind} ${policy.name}`;
      const kindFact = table[featureOfKind(policy.kind)];
      const reports: Array<Report<Id>> = [];
      if (kindFact.support !== 'supported') {
        reports.push({
          where,
          source: policy.source,
          field: 'kind',
          got: policy.kind,
          severity: kindFact.support === 'unsupported' ? Severity.ERROR : Severity.WARNING,
          messageId: policy.kind === 'ClusterNetworkPolicy' ? 'clusterPolicyNotEnforced' : 'adminPolicyNotEnforced',
          data: {
            cni,
            condition: kindFact.support === 'unconfirmed' ? ' unless it is set up for it' : '',
            note: kindFact.note,
            see: kindFact.sources.length ? ` (see ${kindFact.sources[0]})` : '',
          },
        });
      }
      const names = table.domainNames;
      if (names.support !== 'supported') {
        policy.egress.forEach((rule) => rule.peers.forEach((peer, p) => {
          if (peer.domainNames === undefined) return;
          reports.push({
            where,
            source: policy.source,
            field: `spec.egress[${rule.index}].to[${p}].domainNames`,
            got: peer.domainNames,
            severity: names.support === 'unsupported' ? Severity.ERROR : Severity.WARNING,
            messageId: 'domainNamesNotEnforced',
            data: { cni, note: names.note },
          });
        }));
      }
      return reports;
    });
  },
});
