import { Cni, Linter, Severity } from '../../src/lint';
import { tierFacts } from '../../src/lint/cni/cni-tiers';
import { anp, banp, cnp, nsName } from '../cluster/tier-manifests';

const ALL = { namespaces: {} };
const CNP = cnp('guard', { tier: 'Admin', priority: 1, subject: { namespaces: nsName('shop') }, ingress: [{ action: 'Deny', from: [ALL] }] });
const ANP = anp('guard', { priority: 1, subject: ALL, ingress: [{ action: 'Deny', from: [ALL] }] });
const BANP = banp({ subject: ALL, ingress: [{ action: 'Deny', from: [ALL] }] });
const DOMAINS = cnp('names', { tier: 'Admin', priority: 2, subject: { namespaces: nsName('shop') }, egress: [{ action: 'Accept', to: [{ domainNames: ['example.com'] }] }] });

/** The severity `cni-unsupported-tier` gives the manifest's kind on the CNI, or 'none'. */
function verdict(cni: Cni, manifest: any): string {
  const found = Linter.lintManifests([manifest], { cni }).filter((f) => f.code === 'cni-unsupported-tier' && f.field === 'kind');
  expect(found.length).toBeLessThanOrEqual(1);
  return found.length === 0 ? 'none' : found[0].severity;
}

const E = Severity.ERROR;
const W = Severity.WARNING;

describe('cni-unsupported-tier by CNI, release and switch', () => {
  test.each([
    // Calico: AdminNetworkPolicy/Baseline in 3.29-3.31, ClusterNetworkPolicy from 3.32 (which removed the former)
    ['calico, no version (the latest)', Cni.CALICO, 'none', E, E],
    ['calico 3.32', Cni.of('calico', { version: '3.32' }), 'none', E, E],
    ['calico 3.31', Cni.of('calico', { version: '3.31' }), E, 'none', 'none'],
    ['calico 3.29.0', Cni.of('calico', { version: '3.29.0' }), E, 'none', 'none'],
    ['calico 3.28', Cni.of('calico', { version: '3.28' }), E, E, E],
    ['canal 3.30 (Calico policy)', Cni.of('canal', { version: '3.30' }), E, 'none', 'none'],
    // Cilium: ClusterNetworkPolicy from 1.20 behind a flag; v1alpha1 never
    ['cilium, no version, switch unknown', Cni.CILIUM, W, E, E],
    ['cilium 1.20, switch on', Cni.of('cilium', { version: '1.20', clusterPoliciesEnabled: true }), 'none', E, E],
    ['cilium 1.20, switch off', Cni.of('cilium', { version: '1.20.1', clusterPoliciesEnabled: false }), E, E, E],
    ['cilium 1.19, switch on', Cni.of('cilium', { version: '1.19', clusterPoliciesEnabled: true }), E, E, E],
    // Antrea: v1alpha1 from 1.13 behind its gate, ClusterNetworkPolicy from 2.7 behind its gate
    ['antrea, no version, gates unknown', Cni.ANTREA, W, W, W],
    ['antrea 2.7, gates on', Cni.of('antrea', { version: '2.7', clusterPoliciesEnabled: true }), 'none', 'none', 'none'],
    ['antrea 2.6, gates on', Cni.of('antrea', { version: '2.6', clusterPoliciesEnabled: true }), E, 'none', 'none'],
    ['antrea 1.12, gates on', Cni.of('antrea', { version: '1.12', clusterPoliciesEnabled: true }), E, E, E],
    ['antrea 2.7, gates off', Cni.of('antrea', { version: '2.7', clusterPoliciesEnabled: false }), E, E, E],
    // OVN-Kubernetes: v1alpha1 only
    ['ovn-kubernetes', Cni.OVN_KUBERNETES, E, 'none', 'none'],
    // kube-network-policies: ClusterNetworkPolicy now (first release unconfirmed), v1alpha1 up to v0.8.1
    ['kube-network-policies, no version', Cni.KUBE_NETWORK_POLICIES, W, W, W],
    ['kube-network-policies 0.8.1', Cni.of('kube-network-policies', { version: '0.8.1' }), W, 'none', 'none'],
    // Kube-OVN: ClusterNetworkPolicy experimental, v1alpha1 standard fields
    ['kube-ovn', Cni.KUBE_OVN, W, 'none', 'none'],
    // Neither
    ['weave-net', Cni.WEAVE_NET, E, E, E],
    ['flannel', Cni.FLANNEL, E, E, E],
    ['multus delegating to calico 3.31', Cni.multus(Cni.of('calico', { version: '3.31' })), E, 'none', 'none'],
    ['undeclared', Cni.UNKNOWN, 'none', 'none', 'none'],
  ])('%s: ClusterNetworkPolicy %s, AdminNetworkPolicy %s, BaselineAdminNetworkPolicy %s', (_name, cni, cnpSeverity, anpSeverity, banpSeverity) => {
    // GIVEN one policy of each kind
    // WHEN
    const got = [verdict(cni, CNP), verdict(cni, ANP), verdict(cni, BANP)];
    // THEN
    expect(got).toEqual([cnpSeverity, anpSeverity, banpSeverity]);
  });

  test('the message names the declared release and the source', () => {
    // WHEN
    const [finding] = Linter.lintManifests([CNP], { cni: Cni.of('calico', { version: '3.31' }) }).filter((f) => f.code === 'cni-unsupported-tier');
    // THEN
    expect(finding.message).toContain('calico@3.31');
    expect(finding.message).toContain('from 3.32 only (declared 3.31)');
    expect(finding.message).toContain('https://github.com/kubernetes-sigs/network-policy-api/pull/376');
  });

  test.each([
    ['calico', Cni.CALICO, E],
    ['cilium', Cni.of('cilium', { version: '1.20', clusterPoliciesEnabled: true }), W],
    ['antrea', Cni.of('antrea', { version: '2.7', clusterPoliciesEnabled: true }), W],
    ['ovn-kubernetes', Cni.OVN_KUBERNETES, W],
    ['weave-net', Cni.WEAVE_NET, E],
  ])('domain names on %s: %s', (_name, cni, severity) => {
    // WHEN
    const found = Linter.lintManifests([DOMAINS], { cni }).filter((f) => f.code === 'cni-unsupported-tier' && f.field !== 'kind');
    // THEN
    expect(found.map((f) => [f.field, f.severity])).toEqual([['spec.egress[0].to[0].domainNames', severity]]);
  });

  test('every fact of every declarable CNI names a source', () => {
    // GIVEN every CNI at no version, an old and a new release, each switch
    const cnis = ['calico', 'canal', 'cilium', 'antrea', 'ovn-kubernetes', 'kube-network-policies', 'kube-ovn', 'weave-net', 'flannel']
      .flatMap((name) => [Cni.of(name), Cni.of(name, { version: '0.1' }), Cni.of(name, { version: '9.0', clusterPoliciesEnabled: true }),
        Cni.of(name, { clusterPoliciesEnabled: false })]);
    // WHEN
    const facts = cnis.flatMap((cni) => Object.values(tierFacts(cni)!));
    // THEN
    expect(facts.length).toBe(cnis.length * 3);
    expect(facts.filter((f) => f.sources.length === 0 || f.note === '')).toEqual([]);
  });
});
