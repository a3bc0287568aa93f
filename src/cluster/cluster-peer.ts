import { CLUSTER_PEER, CLUSTER_SUBJECT } from './cluster-struct-checks';
import { checkString } from '../private/arguments';
import { LABEL_SELECTOR } from '../private/brands';
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
