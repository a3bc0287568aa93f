/**
 * What each CNI enforces of the cluster-wide tiers (internal): ClusterNetworkPolicy (`v1alpha2`),
 * AdminNetworkPolicy and BaselineAdminNetworkPolicy (`v1alpha1`), and domain-name peers, with the public
 * sources the facts rest on. Keep this table and the one in docs/cluster-policies.md in step.
 */
import { Support } from './cni-support';
import { TierKind } from '../analysis/tier-model';

/** What the support of one tier kind or feature is, and since when. */
export interface TierFact {
  readonly support: Support;
  /** One line for messages, e.g. `from Calico 3.32`. */
  readonly note: string;
  readonly sources: string[];
}

/** The tier features whose support differs between CNIs. */
export type TierFeature = 'ClusterNetworkPolicy' | 'AdminNetworkPolicy' | 'domainNames';

const IMPLEMENTATIONS = 'https://github.com/kubernetes-sigs/network-policy-api/blob/main/site-src/implementations.md';

const CALICO: Record<TierFeature, TierFact> = {
  ClusterNetworkPolicy: { support: 'supported', note: 'Calico enforces it from 3.32 (standard fields), in its kube-admin and kube-baseline tiers', sources: [IMPLEMENTATIONS] },
  AdminNetworkPolicy: {
    support: 'unsupported',
    note: 'Calico enforced it in 3.29 to 3.31 only and removed it in 3.32, which reads ClusterNetworkPolicy instead',
    sources: [IMPLEMENTATIONS],
  },
  domainNames: { support: 'unsupported', note: 'Calico implements the standard fields, and domainNames is an experimental one', sources: [IMPLEMENTATIONS] },
};

/** Support per CNI id (Multus through its delegate). A CNI missing here enforces none of the tiers. */
export const CNI_TIERS: Record<string, Record<TierFeature, TierFact>> = {
  'calico': CALICO,
  'canal': CALICO, // Canal = Flannel networking + Calico (Felix) policy
  'cilium': {
    ClusterNetworkPolicy: {
      support: 'unconfirmed',
      note: 'Cilium enforces it from 1.20 only with --enable-k8s-cluster-network-policy, and does not install the CRD by default',
      sources: ['https://github.com/cilium/cilium/issues/47227'],
    },
    AdminNetworkPolicy: { support: 'unsupported', note: 'Cilium never implemented v1alpha1 (tracking issue only)', sources: ['https://github.com/cilium/cilium/issues/23380'] },
    domainNames: { support: 'unconfirmed', note: 'no source found for Cilium', sources: [] },
  },
  'weave-net': {
    ClusterNetworkPolicy: { support: 'unsupported', note: 'weave-npc enforces NetworkPolicy only', sources: [IMPLEMENTATIONS] },
    AdminNetworkPolicy: { support: 'unsupported', note: 'weave-npc enforces NetworkPolicy only', sources: [IMPLEMENTATIONS] },
    domainNames: { support: 'unsupported', note: 'weave-npc enforces NetworkPolicy only', sources: [IMPLEMENTATIONS] },
  },
  'flannel': {
    ClusterNetworkPolicy: { support: 'unsupported', note: 'Flannel alone enforces no policy at all', sources: [IMPLEMENTATIONS] },
    AdminNetworkPolicy: { support: 'unsupported', note: 'Flannel alone enforces no policy at all', sources: [IMPLEMENTATIONS] },
    domainNames: { support: 'unsupported', note: 'Flannel alone enforces no policy at all', sources: [IMPLEMENTATIONS] },
  },
};

/** The feature a tier kind needs. */
export function featureOfKind(kind: TierKind): TierFeature {
  return kind === 'ClusterNetworkPolicy' ? 'ClusterNetworkPolicy' : 'AdminNetworkPolicy';
}
