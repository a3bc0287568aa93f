/**
 * What each CNI enforces of NetworkPolicy (internal), with the public sources the facts rest on.
 * `unconfirmed` means no source was found either way: the linter reports those as info, never as a warning.
 * Keep this table and the one in docs/lint.md in step.
 */

export type Support = 'supported' | 'unsupported' | 'unconfirmed';

/** The NetworkPolicy features whose support differs between CNIs. */
export type Feature = 'endPort' | 'SCTP' | 'named ports';

export interface SupportFact {
  readonly support: Support;
  /** One line for messages, e.g. `ignored before Cilium 1.16`. */
  readonly note: string;
  readonly sources: string[];
}

const CALICO: Record<Feature, SupportFact> = {
  'endPort': {
    support: 'supported',
    note: 'Calico translates endPort to a port range (first version unconfirmed)',
    sources: ['https://github.com/projectcalico/calico/issues/4249', 'https://github.com/projectcalico/libcalico-go/pull/1357'],
  },
  'SCTP': {
    support: 'supported',
    note: 'Calico accepts SCTP ports in policy',
    sources: ['https://github.com/projectcalico/libcalico-go/pull/1182'],
  },
  'named ports': {
    support: 'supported',
    note: 'Calico resolves named ports on workload endpoints',
    sources: ['https://github.com/projectcalico/libcalico-go/pull/1182'],
  },
};

/** Support per CNI id (Multus is looked up through its delegate; Flannel enforces nothing). */
export const CNI_SUPPORT: Record<string, Record<Feature, SupportFact>> = {
  'calico': CALICO,
  'canal': CALICO, // Canal = Flannel networking + Calico (Felix) policy
  'cilium': {
    'endPort': {
      support: 'unsupported',
      note: 'Cilium ignored endPort (enforcing only the first port) until port ranges arrived, documented in July 2024 (Cilium 1.16, version inferred from the date)',
      sources: ['https://github.com/cilium/cilium/issues/28684', 'https://github.com/cilium/cilium/pull/33389'],
    },
    'SCTP': {
      support: 'unsupported',
      note: 'Cilium enforces SCTP policy only with its SCTP support enabled, and not for SCTP through Services',
      sources: ['https://github.com/cilium/cilium/pull/20033', 'https://github.com/cilium/cilium/issues/5719', 'https://github.com/cilium/cilium/pull/35238'],
    },
    'named ports': { support: 'unconfirmed', note: 'no source found for Cilium', sources: [] },
  },
  'weave-net': {
    'endPort': { support: 'unconfirmed', note: 'no source found for weave-npc', sources: [] },
    'SCTP': { support: 'unconfirmed', note: 'no source found for weave-npc', sources: [] },
    'named ports': {
      support: 'unsupported',
      note: 'weave-npc does not handle named ports (open issue)',
      sources: ['https://github.com/weaveworks/weave/issues/3032'],
    },
  },
};

/** Why Flannel is an error. */
export const FLANNEL_SOURCES = ['https://github.com/coreos/flannel/issues/558', 'https://docs.tigera.io/calico/latest/getting-started/kubernetes/flannel/'];

/** Why Multus needs a note: NetworkPolicy covers the cluster network only; secondary interfaces need MultiNetworkPolicy. */
export const MULTUS_SOURCES = ['https://github.com/k8snetworkplumbingwg/multus-cni/issues/465', 'https://github.com/openshift/enhancements/pull/430'];
