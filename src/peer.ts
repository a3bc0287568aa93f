import { k8s } from 'cdk8s-plus-28';
import { checkString, checkStringList, optional } from './private/arguments';
import { LABEL_SELECTOR, PEER } from './private/brands';
import { canonicalJson, compareStrings, Keyed, sortedUnique } from './private/canonical';
import { checkCidr } from './private/checked-cidr';
import { cidrContainsCidr } from './private/cidr';
import { ErrorCode, invalid } from './private/errors';
import { checkNamespaceName } from './private/k8s-names';
import { LabelSelector } from './selectors/label-selector';
import { NamespaceSelector } from './selectors/namespace-selector';
import { checkPodLabels, namesNamespaces } from './selectors/pod-labels';

/** What kind of peer a `Peer` is. */
export enum PeerKind {
  /** Pods selected by labels in the policy's own namespace. */
  PODS = 'PODS',
  /** Every pod of the selected namespaces. */
  NAMESPACES = 'NAMESPACES',
  /** Pods selected by labels, in the selected namespaces (AND). */
  PODS_IN_NAMESPACES = 'PODS_IN_NAMESPACES',
  /** IP address ranges. */
  IP_BLOCK = 'IP_BLOCK',
  /** Every peer: the rule has no `from`/`to`. */
  ANY = 'ANY',
}

/**
 * Anything that can stand on the other side of a rule: a `Peer`, or a `Workload` (pods by labels, a
 * cdk8s-plus workload, an address range).
 */
export interface IPeer {
  /**
   * The peer as a rule of a policy in `namespace` writes it: pods of that namespace by their labels, pods of
   * another namespace by namespace and labels (AND), or address ranges.
   *
   * @param namespace the namespace of the policy
   */
  toPeer(namespace?: string): Peer;
}

/**
 * The other side of a rule: where ingress comes from, or where egress goes to.
 *
 * The AND of a namespace selector and a pod selector is only made by `podsInNamespace()` /
 * `podsInNamespaces()`, so the classic AND-versus-OR mistake cannot happen by accident.
 *
 * @see https://kubernetes.io/docs/concepts/services-networking/network-policies/#behavior-of-to-and-from-selectors
 * @example Peer.podsInNamespace('monitoring', LabelSelector.of({ labels: { app: 'prometheus' } }))
 */
export class Peer implements IPeer {
  /**
   * Pods matching `selector` in the policy's own namespace.
   *
   * @param selector the pods; `LabelSelector.all()` for every pod of the namespace
   * @example Peer.pods(LabelSelector.of({ labels: { app: 'web' } }))
   */
  public static pods(selector: LabelSelector): Peer {
    checkSelector('Peer.pods()', selector);
    checkPodLabels('Peer.pods()', 'selector', selector);
    return new Peer(PeerKind.PODS, [{ podSelector: selector._toKube() }], () => `pods(${selector})`);
  }

  /**
   * Pods matching `selector` in the named namespace (AND).
   *
   * @param namespace namespace name
   * @param selector the pods; `LabelSelector.all()` for every pod of the namespace
   * @example Peer.podsInNamespace('monitoring', LabelSelector.of({ labels: { app: 'prometheus' } }))
   */
  public static podsInNamespace(namespace: string, selector: LabelSelector): Peer {
    checkNamespaceName('Peer.podsInNamespace()', namespace);
    checkSelector('Peer.podsInNamespace()', selector);
    checkPodLabels('Peer.podsInNamespace()', 'selector', selector);
    return new Peer(PeerKind.PODS_IN_NAMESPACES,
      [{ namespaceSelector: NamespaceSelector.named(namespace)._toKube(), podSelector: selector._toKube() }],
      () => `pods(${selector}) in namespace ${namespace}`);
  }

  /**
   * Pods matching `podSelector` in namespaces matching `namespaceSelector` (AND, in one peer).
   *
   * @param namespaceSelector the namespaces (`LabelSelector.all()` for every namespace)
   * @param podSelector the pods
   * @example Peer.podsInNamespaces(LabelSelector.of({ labels: { team: 'data' } }), LabelSelector.of({ labels: { app: 'etl' } }))
   */
  public static podsInNamespaces(namespaceSelector: LabelSelector, podSelector: LabelSelector): Peer {
    checkSelector('Peer.podsInNamespaces()', namespaceSelector, 'namespaceSelector');
    checkSelector('Peer.podsInNamespaces()', podSelector, 'podSelector');
    if (namesNamespaces(podSelector) && !namesNamespaces(namespaceSelector)) {
      throw invalid(ErrorCode.SWAPPED_ARGUMENTS, 'Peer.podsInNamespaces()', `the pod selector names namespaces (${NamespaceSelector.NAME_LABEL}), so the arguments look swapped`,
        { namespaceSelector: namespaceSelector.toString(), podSelector: podSelector.toString() },
        'Give the namespaces first and the pods second: Peer.podsInNamespaces(namespaceSelector, podSelector)');
    }
    checkPodLabels('Peer.podsInNamespaces()', 'podSelector', podSelector);
    return new Peer(PeerKind.PODS_IN_NAMESPACES,
      [{ namespaceSelector: namespaceSelector._toKube(), podSelector: podSelector._toKube() }],
      () => `pods(${podSelector}) in namespaces(${namespaceSelector})`);
  }

  /**
   * Every pod of the named namespace.
   *
   * @param name namespace name
   * @example Peer.namespace('monitoring')
   */
  public static namespace(name: string): Peer {
    checkNamespaceName('Peer.namespace()', name);
    return new Peer(PeerKind.NAMESPACES, [{ namespaceSelector: NamespaceSelector.named(name)._toKube() }], `namespace ${name}`);
  }

  /**
   * Every pod of the namespaces matching `selector`.
   *
   * @param selector the namespaces
   * @example Peer.namespaces(LabelSelector.of({ labels: { team: 'data' } }))
   */
  public static namespaces(selector: LabelSelector): Peer {
    checkSelector('Peer.namespaces()', selector);
    return new Peer(PeerKind.NAMESPACES, [{ namespaceSelector: selector._toKube() }], () => `namespaces(${selector})`);
  }

  /**
   * Every pod in every namespace of the cluster (`namespaceSelector: {}`).
   *
   * @example Peer.allPodsInCluster()
   */
  public static allPodsInCluster(): Peer {
    return new Peer(PeerKind.NAMESPACES, [{ namespaceSelector: {} }], 'all pods in the cluster');
  }

  /**
   * An IP range, minus the `except` ranges.
   *
   * @param cidr the range, e.g. `10.0.0.0/8` or `2001:db8::/32`, with no bits set past the prefix
   * @param except ranges strictly inside `cidr` to leave out
   * @example Peer.ipBlock('10.0.0.0/8', ['10.1.0.0/16'])
   */
  public static ipBlock(cidr: string, except?: string[]): Peer {
    checkString('Peer.ipBlock()', 'cidr', cidr);
    checkExcept('Peer.ipBlock()', 'except', except);
    const where = 'Peer.ipBlock()';
    const outer = checkCidr(where, cidr);
    const inner = (except ?? []).map((text) => {
      const parsed = checkCidr(where, text);
      if (parsed.family !== outer.family) {
        throw invalid(ErrorCode.CIDR_FAMILY_MISMATCH, where, `except is IPv${parsed.family} but cidr ${outer.text} is IPv${outer.family}`, text,
          'Use except ranges of the same address family as the cidr');
      }
      if (!cidrContainsCidr(outer, parsed) || parsed.prefix === outer.prefix) {
        throw invalid(ErrorCode.EXCEPT_OUTSIDE_CIDR, where, `except must lie strictly inside cidr ${outer.text}`, text,
          'Remove the entry, or widen the cidr so that it contains the except range');
      }
      return parsed.text;
    });
    const sorted = inner.length === 0 ? undefined : sortedUnique(inner);
    const label = sorted === undefined ? `ipBlock ${outer.text}` : `ipBlock ${outer.text} except ${sorted.join(',')}`;
    return new Peer(PeerKind.IP_BLOCK, [{ ipBlock: { cidr: outer.text, except: sorted } }], label);
  }

  /**
   * Every IPv4 address (`0.0.0.0/0`).
   *
   * @example Peer.anyIpv4()
   */
  public static anyIpv4(): Peer {
    return Peer.ipBlock('0.0.0.0/0');
  }

  /**
   * Every IPv6 address (`::/0`).
   *
   * @example Peer.anyIpv6()
   */
  public static anyIpv6(): Peer {
    return Peer.ipBlock('::/0');
  }

  /**
   * Every IPv4 and IPv6 address (`0.0.0.0/0` and `::/0`), for dual-stack clusters.
   *
   * @example Peer.anywhere()
   */
  public static anywhere(): Peer {
    return new Peer(PeerKind.IP_BLOCK, [...Peer.anyIpv4()._peers, ...Peer.anyIpv6()._peers], 'anywhere (0.0.0.0/0, ::/0)');
  }

  /**
   * Every peer: the rule is written without `from`/`to`.
   *
   * This is the widest possible peer and must be asked for by name.
   *
   * @example Peer.any()
   */
  public static any(): Peer {
    return new Peer(PeerKind.ANY, [], 'any peer');
  }

  private readonly _peers: k8s.NetworkPolicyPeer[];
  private _forms?: Keyed<k8s.NetworkPolicyPeer>[];
  private _kubes?: k8s.NetworkPolicyPeer[];

  private constructor(
    /** What kind of peer this is. */
    public readonly kind: PeerKind,
    peers: k8s.NetworkPolicyPeer[],
    /** The readable form, or how to make it (selectors are only printed when asked). */
    private label: string | (() => string),
  ) {
    this._peers = peers;
  }

  /**
   * This peer: a peer reads the same from every namespace.
   *
   * @param namespace the namespace of the policy (not needed)
   */
  public toPeer(namespace?: string): Peer {
    checkOptionalString('Peer.toPeer()', 'namespace', namespace);
    return this;
  }

  /** Whether this peer is only IP ranges (so named ports can never match it). */
  public isIpBlock(): boolean {
    return this.kind === PeerKind.IP_BLOCK;
  }

  /** Readable description, e.g. `pods(app=web) in namespace shop`. */
  public toString(): string {
    if (typeof this.label !== 'string') {
      this.label = this.label();
    }
    return this.label;
  }

  /**
   * The Kubernetes peers this value renders (empty for `Peer.any()`).
   * @internal
   */
  public _toKube(): k8s.NetworkPolicyPeer[] {
    return this._peers.map((peer) => ({ ...peer }));
  }

  /**
   * The Kubernetes peers with their canonical JSON, unique and sorted by it; computed once, since a peer never
   * changes. The objects are shared by every rule that uses this peer: callers must not mutate them.
   * @internal
   */
  public _canonicalForms(): Keyed<k8s.NetworkPolicyPeer>[] {
    if (this._forms === undefined) {
      if (this._peers.length <= 1) {
        this._forms = this._kubeForms().map((kube) => ({ key: canonicalJson(kube), kube }));
      } else {
        const byKey = new Map<string, k8s.NetworkPolicyPeer>();
        this._toKube().forEach((kube) => byKey.set(canonicalJson(kube), kube));
        this._forms = [...byKey.keys()].sort(compareStrings).map((key) => ({ key, kube: byKey.get(key)! }));
      }
    }
    return this._forms;
  }

  /**
   * The Kubernetes peers of `_canonicalForms()` (the same objects), without their JSON: a peer that renders
   * one Kubernetes peer needs no sorting, so its JSON is only computed when a rule key asks for it.
   * @internal
   */
  public _kubeForms(): k8s.NetworkPolicyPeer[] {
    if (this._kubes === undefined) {
      this._kubes = this._peers.length <= 1 ? this._toKube() : this._canonicalForms().map((form) => form.kube);
    }
    return this._kubes;
  }
}

PEER.mark(Peer);

const checkExcept = optional(checkStringList);
const checkOptionalString = optional(checkString);

function checkSelector(where: string, selector: LabelSelector, what = 'selector'): void {
  LABEL_SELECTOR.check(where, what, selector);
}
