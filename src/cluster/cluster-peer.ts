import { CLUSTER_PEER, CLUSTER_SUBJECT } from './cluster-struct-checks';
import type { Workload } from '../connections/workload';
import { checkString } from '../private/arguments';
import { LABEL_SELECTOR, WORKLOAD } from '../private/brands';
import { parseCidr } from '../private/cidr';
import { ErrorCode, invalid } from '../private/errors';
import { checkNamespaceName } from '../private/k8s-names';
import { LabelSelector } from '../selectors/label-selector';
import { NamespaceSelector } from '../selectors/namespace-selector';

/** The ClusterNetworkPolicy schema's domain name pattern. */
const DOMAIN_NAME = /^(\*\.)?([a-zA-Z0-9]([-a-zA-Z0-9_]*[a-zA-Z0-9])?\.)+[a-zA-Z0-9]([-a-zA-Z0-9_]*[a-zA-Z0-9])?\.?$/;

/** What kind of peer a `ClusterPeer` is. */
export enum ClusterPeerKind {
  /** Every pod of the selected namespaces. */
  NAMESPACES = 'namespaces',
  /** Pods matching a pod selector in namespaces matching a namespace selector (AND). */
  PODS = 'pods',
  /** CIDR blocks (egress only); they match pod addresses too. */
  NETWORKS = 'networks',
  /** Node addresses by node labels (egress only). */
  NODES = 'nodes',
  /** Domain names (egress only, Accept rules only). */
  DOMAIN_NAMES = 'domainNames',
}

/**
 * The other side of a ClusterNetworkPolicy rule: namespaces, pods, and for egress also networks, nodes and
 * domain names. Validated when made, with the CRD's limits (at most 25 CIDRs or names, no duplicates).
 */
export class ClusterPeer {
  /**
   * Every pod of the namespaces the selector matches (`LabelSelector.all()`: every namespace).
   * @example ClusterPeer.namespaces(LabelSelector.of({ labels: { tenant: 'a' } }))
   */
  public static namespaces(selector: LabelSelector): ClusterPeer {
    checkSelector('ClusterPeer.namespaces()', 'selector', selector);
    return new ClusterPeer(ClusterPeerKind.NAMESPACES, { namespaces: selector._toKube() });
  }

  /**
   * Every pod of one namespace, by name.
   * @example ClusterPeer.namespace('monitoring')
   */
  public static namespace(name: string): ClusterPeer {
    return ClusterPeer.namespaces(namedNamespace('ClusterPeer.namespace()', name));
  }

  /**
   * Every pod in the cluster (host-networked pods excepted).
   * @example ClusterPeer.allPods()
   */
  public static allPods(): ClusterPeer {
    return ClusterPeer.namespaces(LabelSelector.all());
  }

  /**
   * Pods matching `pods` in namespaces matching `namespaces` (AND).
   * @example ClusterPeer.pods(NamespaceSelector.named('kube-system'), LabelSelector.of({ labels: { 'k8s-app': 'kube-dns' } }))
   */
  public static pods(namespaces: LabelSelector, pods: LabelSelector): ClusterPeer {
    checkSelector('ClusterPeer.pods()', 'namespaces', namespaces);
    checkSelector('ClusterPeer.pods()', 'pods', pods);
    return new ClusterPeer(ClusterPeerKind.PODS, { pods: { namespaceSelector: namespaces._toKube(), podSelector: pods._toKube() } });
  }

  /**
   * The pods of a workload: its pods by label in its namespace (AND), every pod of its namespace for
   * `Workload.allPodsOf()`, or its address range for `Workload.fromCidr()` (as a networks peer: egress only,
   * and without `except`, which a networks peer cannot express).
   * @example ClusterPeer.workload(Workload.fromLabels(chart, 'Prometheus', { namespace: 'monitoring', labels: { app: 'prometheus' } }))
   */
  public static workload(workload: Workload): ClusterPeer {
    const where = 'ClusterPeer.workload()';
    WORKLOAD.check(where, 'workload', workload);
    if (workload.isExternal()) {
      const blocks = workload.toPeer()._toKube().map((p) => p.ipBlock!);
      const excepted = blocks.find((b) => (b.except ?? []).length > 0);
      if (excepted !== undefined) {
        throw invalid(ErrorCode.PEER_NOT_ALLOWED, where, `workload ${JSON.stringify(workload.name)} excepts ranges from ${excepted.cidr}, which a networks peer cannot express`,
          excepted.except, 'Deny the excepted ranges in a rule before, and accept the workload\'s range without except');
      }
      return ClusterPeer.networks(blocks.map((b) => b.cidr));
    }
    const pods = podsOfWorkload(where, workload);
    return pods.all ? ClusterPeer.namespaces(pods.namespaces) : ClusterPeer.pods(pods.namespaces, pods.selector);
  }

  /**
   * CIDR blocks, IPv4 or IPv6 (egress only; 1 to 25, no duplicates). Pod addresses inside them match too.
   * @example ClusterPeer.networks(['169.254.169.254/32'])
   */
  public static networks(cidrs: string[]): ClusterPeer {
    const where = 'ClusterPeer.networks()';
    const list = checkSet(where, 'cidrs', cidrs, 'CIDRs');
    const canonical = list.map((text, i) => {
      const parsed = typeof text === 'string' && text.length <= 43 ? parseCidr(text) : undefined;
      if (parsed?.value === undefined) {
        throw invalid(ErrorCode.INVALID_CIDR, where, `cidrs[${i}] is not a CIDR of at most 43 characters${parsed?.problem ? `: ${parsed.problem}` : ''}`, text,
          parsed?.fix ?? 'Write it as "address/prefix", e.g. "10.0.0.0/8"');
      }
      if (parsed.value.hostBits) {
        throw invalid(ErrorCode.CIDR_HOST_BITS, where, `cidrs[${i}] has bits set past the prefix`, text, `Write the network address: "${parsed.value.text}"`);
      }
      return parsed.value.text;
    });
    return new ClusterPeer(ClusterPeerKind.NETWORKS, { networks: [...canonical].sort() });
  }

  /**
   * Node addresses of the nodes the selector matches (egress only). Manifests do not show which addresses
   * these are: the analyzer's verdict toward an address is unknown where such a rule decides it.
   * @example ClusterPeer.nodes(LabelSelector.all())
   */
  public static nodes(selector: LabelSelector): ClusterPeer {
    checkSelector('ClusterPeer.nodes()', 'selector', selector);
    return new ClusterPeer(ClusterPeerKind.NODES, { nodes: selector._toKube() });
  }

  /**
   * Domain names, exact or with a leading `*.` wildcard (egress only, Accept rules only; 1 to 25). The CNI
   * resolves them at run time: the analyzer's verdict toward an address is unknown where such a rule decides it.
   * @example ClusterPeer.domainNames(['api.example.com', '*.storage.example.com'])
   */
  public static domainNames(names: string[]): ClusterPeer {
    const where = 'ClusterPeer.domainNames()';
    const list = checkSet(where, 'names', names, 'domain names');
    list.forEach((name, i) => {
      if (typeof name !== 'string' || !DOMAIN_NAME.test(name)) {
        throw invalid(ErrorCode.INVALID_DOMAIN_NAME, where, `names[${i}] is not a domain name (a wildcard only as a leading "*.")`, name,
          'Write a name such as "example.com" or "*.example.com"');
      }
    });
    return new ClusterPeer(ClusterPeerKind.DOMAIN_NAMES, { domainNames: [...list].sort() });
  }

  private constructor(
    /** What kind of peer this is. */
    public readonly kind: ClusterPeerKind,
    private readonly wire: Record<string, any>,
  ) {}

  /** The manifest form of the peer. @internal */
  public _toKube(): Record<string, any> {
    return this.wire;
  }
}

/**
 * The pods a ClusterNetworkPolicy applies to (host-networked pods are never selected).
 */
export class ClusterSubject {
  /**
   * Every pod of the namespaces the selector matches (`LabelSelector.all()`: every namespace).
   * @example ClusterSubject.namespaces(LabelSelector.all())
   */
  public static namespaces(selector: LabelSelector): ClusterSubject {
    checkSelector('ClusterSubject.namespaces()', 'selector', selector);
    return new ClusterSubject({ namespaces: selector._toKube() });
  }

  /**
   * Every pod of one namespace, by name.
   * @example ClusterSubject.namespace('kube-system')
   */
  public static namespace(name: string): ClusterSubject {
    return ClusterSubject.namespaces(namedNamespace('ClusterSubject.namespace()', name));
  }

  /**
   * Pods matching `pods` in namespaces matching `namespaces` (AND).
   * @example ClusterSubject.pods(LabelSelector.all(), LabelSelector.of({ labels: { app: 'web' } }))
   */
  public static pods(namespaces: LabelSelector, pods: LabelSelector): ClusterSubject {
    checkSelector('ClusterSubject.pods()', 'namespaces', namespaces);
    checkSelector('ClusterSubject.pods()', 'pods', pods);
    return new ClusterSubject({ pods: { namespaceSelector: namespaces._toKube(), podSelector: pods._toKube() } });
  }

  /**
   * The pods of a workload: its pods by label in its namespace (AND), or every pod of its namespace for
   * `Workload.allPodsOf()`. An address range (`Workload.fromCidr()`) is not pods, and is refused.
   * @example ClusterSubject.workload(Workload.fromLabels(chart, 'Api', { namespace: 'shop', labels: { app: 'api' } }))
   */
  public static workload(workload: Workload): ClusterSubject {
    const where = 'ClusterSubject.workload()';
    WORKLOAD.check(where, 'workload', workload);
    if (workload.isExternal()) {
      throw invalid(ErrorCode.NOT_PODS, where, `workload ${JSON.stringify(workload.name)} is an address range, not pods a policy can apply to`, workload.name,
        'Make the subject of pods: a workload made by Workload.fromLabels(), Workload.allPodsOf() or Workload.fromPlusWorkload()');
    }
    const pods = podsOfWorkload(where, workload);
    return pods.all ? ClusterSubject.namespaces(pods.namespaces) : ClusterSubject.pods(pods.namespaces, pods.selector);
  }

  private constructor(private readonly wire: Record<string, any>) {}

  /** The manifest form of the subject. @internal */
  public _toKube(): Record<string, any> {
    return this.wire;
  }
}

CLUSTER_PEER.mark(ClusterPeer);
CLUSTER_SUBJECT.mark(ClusterSubject);

function checkSelector(where: string, name: string, value: unknown): asserts value is LabelSelector {
  LABEL_SELECTOR.check(where, name, value);
}

/**
 * The namespace (by name) and the pods of a workload of pods; `all` when it selects every pod there (as
 * `Workload.allPodsOf()` does), which a namespaces peer or subject says more plainly.
 */
function podsOfWorkload(where: string, workload: Workload): { namespaces: LabelSelector; selector: LabelSelector; all: boolean } {
  const namespace = workload.namespace;
  if (namespace === undefined || workload.selector === undefined) {
    throw invalid(ErrorCode.MISSING_NAMESPACE, where, `workload ${JSON.stringify(workload.name)} has no namespace, and a cluster-wide policy has none to take`,
      workload.name, 'Give the workload its namespace');
  }
  const selector = workload.selector;
  const all = Object.keys(selector.labels).length === 0 && selector.expressions.length === 0;
  return { namespaces: namedNamespace(where, namespace), selector, all };
}

/** The selector of one namespace by name, with errors that name the call. */
function namedNamespace(where: string, name: unknown): LabelSelector {
  checkString(where, 'name', name);
  checkNamespaceName(where, name as string);
  return NamespaceSelector.named(name as string);
}

function checkSet(where: string, name: string, value: unknown, what: string): string[] {
  if (!Array.isArray(value) || value.length === 0 || value.length > 25) {
    throw invalid(value === undefined || value === null ? ErrorCode.MISSING_VALUE : !Array.isArray(value) ? ErrorCode.WRONG_TYPE : value.length === 0 ? ErrorCode.EMPTY_LIST : ErrorCode.TOO_MANY_ITEMS, where, `${name} must list 1 to 25 ${what}`, Array.isArray(value) ? value.length : value,
      `Give 1 to 25 ${what}; use more peers for more`);
  }
  const twice = value.findIndex((v, i) => value.indexOf(v) !== i);
  if (twice >= 0) {
    throw invalid(ErrorCode.DUPLICATE, where, `${name}[${twice}] is listed twice`, value[twice], 'Remove the duplicate');
  }
  return value;
}
