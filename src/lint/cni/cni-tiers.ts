/**
 * What each CNI enforces of the cluster-wide tiers (internal): ClusterNetworkPolicy (`v1alpha2`),
 * AdminNetworkPolicy and BaselineAdminNetworkPolicy (`v1alpha1`), and domain-name peers, by release and
 * switch, with the public sources the facts rest on. A CNI declared without a version is read as its latest
 * release below. Keep this table and the ones in docs/lint.md and docs/cluster-policies.md in step.
 *
 * Support: `supported` (no finding), `unsupported` (an error: the API server accepts the object and the
 * cluster ignores it), `unconfirmed` (a warning: it depends on a switch, or no source says either way).
 */
import { Cni, versionAtLeast } from './cni';
import { Support } from './cni-support';
import { TierKind } from '../../analysis/tier-model';

/** What the support of one tier kind or feature is, and since when. */
export interface TierFact {
  readonly support: Support;
  /** One line for messages, e.g. `Calico enforces it from 3.32`. */
  readonly note: string;
  readonly sources: string[];
}

/** The tier features whose support differs between CNIs. */
export type TierFeature = 'ClusterNetworkPolicy' | 'AdminNetworkPolicy' | 'domainNames';

type TierFacts = Record<TierFeature, TierFact>;

/**
 * The upstream list of implementations (network-policy-api `site-src/implementations.md`, updated 2026-04-21):
 * ClusterNetworkPolicy: kube-network-policies, Kube-OVN (experimental), Calico (standard support in 3.32);
 * AdminNetworkPolicy/BaselineAdminNetworkPolicy: kube-network-policies (tree v0.8.1), OVN-Kubernetes (standard
 * fields, nodes and networks experimental), Antrea (standard fields), Kube-OVN (standard fields), Calico
 * (standard fields, networks experimental, in 3.29, 3.30 and 3.31), Cilium (tracking issue only).
 */
const IMPLEMENTATIONS = 'https://github.com/kubernetes-sigs/network-policy-api/blob/main/site-src/implementations.md';
/** Calico's entry for ClusterNetworkPolicy: 3.32 supports the standard fields, network peers and named ports. */
const CALICO_CNP = 'https://github.com/kubernetes-sigs/network-policy-api/pull/376';
/** Calico removed AdminNetworkPolicy and added ClusterNetworkPolicy for 3.32 (maintainer comment, 2026-01-06). */
const CALICO_SWITCH = 'https://github.com/projectcalico/calico/issues/10745';
/** Cilium 1.20: ClusterNetworkPolicy with --enable-k8s-cluster-network-policy, CRD installed by hand. */
const CILIUM_CNP = 'https://github.com/cilium/cilium/pull/47227';
const CILIUM_ANP = 'https://github.com/cilium/cilium/issues/23380';
/** Antrea 2.7: ClusterNetworkPolicy behind the ClusterNetworkPolicy feature gate; ANP/BANP deprecated. */
const ANTREA_CNP = 'https://github.com/antrea-io/antrea/pull/8018';
const ANTREA_CNP_DOCS = 'https://github.com/antrea-io/antrea/pull/8044';
/** Antrea 1.13: AdminNetworkPolicy and BaselineAdminNetworkPolicy, alpha, behind the AdminNetworkPolicy gate (off by default). */
const ANTREA_ANP = 'https://github.com/antrea-io/antrea/pull/5270';

const fact = (support: Support, note: string, ...sources: string[]): TierFact => ({ support, note, sources });

/** The facts for the declared CNI (Multus through its delegate); undefined for an undeclared CNI. */
export function tierFacts(cni: Cni): TierFacts | undefined {
  const enforcer = cni.enforcer;
  const maker = FACTS[enforcer.id];
  return maker === undefined ? undefined : maker(enforcer.version, enforcer.clusterPoliciesEnabled);
}

const FACTS: Record<string, (version: string | undefined, enabled: boolean | undefined) => TierFacts> = {
  'calico': calico,
  'canal': calico, // Canal = Flannel networking + Calico (Felix) policy
  'cilium': cilium,
  'antrea': antrea,
  'ovn-kubernetes': () => ({
    ClusterNetworkPolicy: fact('unsupported', 'OVN-Kubernetes implements AdminNetworkPolicy and BaselineAdminNetworkPolicy (v1alpha1), not ClusterNetworkPolicy', IMPLEMENTATIONS),
    AdminNetworkPolicy: fact('supported', 'OVN-Kubernetes implements the standard fields', IMPLEMENTATIONS),
    domainNames: fact('unconfirmed', 'no source says whether OVN-Kubernetes enforces domainNames (its experimental support names nodes and networks)', IMPLEMENTATIONS),
  }),
  'kube-network-policies': (version) => ({
    ClusterNetworkPolicy: fact('unconfirmed',
      'kube-network-policies implements it in its current releases; the first release and whether it must be switched on are unconfirmed', IMPLEMENTATIONS),
    AdminNetworkPolicy: version !== undefined && !versionAtLeast(version, '0.9')
      ? fact('supported', 'kube-network-policies implements it up to v0.8.1', IMPLEMENTATIONS)
      : fact('unconfirmed', 'kube-network-policies implemented it up to v0.8.1; later releases read ClusterNetworkPolicy', IMPLEMENTATIONS),
    domainNames: fact('unconfirmed', 'no source says whether kube-network-policies enforces domainNames', IMPLEMENTATIONS),
  }),
  'kube-ovn': () => ({
    ClusterNetworkPolicy: fact('unconfirmed', 'Kube-OVN supports it as experimental (first release unconfirmed)', IMPLEMENTATIONS),
    AdminNetworkPolicy: fact('supported', 'Kube-OVN implements the standard fields', IMPLEMENTATIONS),
    domainNames: fact('unconfirmed', 'no source says whether Kube-OVN enforces domainNames', IMPLEMENTATIONS),
  }),
  'weave-net': () => none('weave-npc enforces NetworkPolicy only'),
  'flannel': () => none('Flannel alone enforces no policy at all'),
};

function none(note: string): TierFacts {
  return { ClusterNetworkPolicy: fact('unsupported', note, IMPLEMENTATIONS), AdminNetworkPolicy: fact('unsupported', note, IMPLEMENTATIONS), domainNames: fact('unsupported', note, IMPLEMENTATIONS) };
}

/** Calico: AdminNetworkPolicy/Baseline in 3.29 to 3.31, ClusterNetworkPolicy from 3.32 (which removed the former). */
function calico(version: string | undefined): TierFacts {
  const at = version === undefined ? '' : ` (declared ${version})`;
  const cnp = version === undefined || versionAtLeast(version, '3.32')
    ? fact('supported', 'Calico enforces it from 3.32 (standard fields), in its kube-admin and kube-baseline tiers', CALICO_CNP, IMPLEMENTATIONS)
    : fact('unsupported', `Calico enforces it from 3.32 only${at}`, CALICO_CNP, IMPLEMENTATIONS);
  const anp = version !== undefined && versionAtLeast(version, '3.29') && !versionAtLeast(version, '3.32')
    ? fact('supported', 'Calico enforces it in 3.29 to 3.31', IMPLEMENTATIONS)
    : fact('unsupported', `Calico enforced it in 3.29 to 3.31 only and removed it in 3.32, which reads ClusterNetworkPolicy instead${version === undefined ? ' (no version declared: read as the latest)' : at}`,
      IMPLEMENTATIONS, CALICO_SWITCH);
  return { ClusterNetworkPolicy: cnp, AdminNetworkPolicy: anp, domainNames: fact('unsupported', 'Calico implements the standard fields, and domainNames is an experimental one', CALICO_CNP) };
}

/** Cilium: ClusterNetworkPolicy from 1.20 behind a flag; AdminNetworkPolicy never. */
function cilium(version: string | undefined, enabled: boolean | undefined): TierFacts {
  let cnp: TierFact;
  if (version !== undefined && !versionAtLeast(version, '1.20')) {
    cnp = fact('unsupported', `Cilium enforces it from 1.20 only (declared ${version})`, CILIUM_CNP);
  } else if (enabled === true) {
    cnp = fact('supported', 'Cilium enforces it from 1.20 with --enable-k8s-cluster-network-policy, declared on', CILIUM_CNP);
  } else if (enabled === false) {
    cnp = fact('unsupported', 'Cilium enforces it only with --enable-k8s-cluster-network-policy, declared off', CILIUM_CNP);
  } else {
    cnp = fact('unconfirmed', 'Cilium enforces it from 1.20 only with --enable-k8s-cluster-network-policy, and does not install the CRD by default', CILIUM_CNP);
  }
  return {
    ClusterNetworkPolicy: cnp,
    AdminNetworkPolicy: fact('unsupported', 'Cilium never implemented v1alpha1 (tracking issue only)', CILIUM_ANP, IMPLEMENTATIONS),
    domainNames: fact('unconfirmed', 'no source says whether Cilium enforces domainNames in ClusterNetworkPolicy', CILIUM_CNP),
  };
}

/** Antrea: AdminNetworkPolicy/Baseline from 1.13 (gate), ClusterNetworkPolicy from 2.7 (gate). */
function antrea(version: string | undefined, enabled: boolean | undefined): TierFacts {
  const gated = (feature: string, since: string, gate: string, ...sources: string[]): TierFact => {
    if (version !== undefined && !versionAtLeast(version, since)) {
      return fact('unsupported', `Antrea enforces ${feature} from ${since} only (declared ${version})`, ...sources);
    }
    if (enabled === true) return fact('supported', `Antrea enforces ${feature} from ${since} with its ${gate} feature gate, declared on`, ...sources);
    if (enabled === false) return fact('unsupported', `Antrea enforces ${feature} only with its ${gate} feature gate, declared off`, ...sources);
    return fact('unconfirmed', `Antrea enforces ${feature} from ${since} only with its ${gate} feature gate on`, ...sources);
  };
  return {
    ClusterNetworkPolicy: gated('it', '2.7', 'ClusterNetworkPolicy', ANTREA_CNP, ANTREA_CNP_DOCS),
    AdminNetworkPolicy: gated('it', '1.13', 'AdminNetworkPolicy', ANTREA_ANP, IMPLEMENTATIONS),
    domainNames: fact('unconfirmed', 'no released source says whether Antrea enforces domainNames', ANTREA_CNP_DOCS),
  };
}

/** The feature a tier kind needs. */
export function featureOfKind(kind: TierKind): TierFeature {
  return kind === 'ClusterNetworkPolicy' ? 'ClusterNetworkPolicy' : 'AdminNetworkPolicy';
}
