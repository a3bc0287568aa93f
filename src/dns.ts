import { Peer } from './peer';
import { Port } from './port';
import { checkString, listOf, optional } from './private/arguments';
import { DNS_PROFILE, PEER, PORT } from './private/brands';
import { parseIp } from './private/cidr';
import { ErrorCode, invalid } from './private/errors';
import { LabelRequirement, LabelSelector } from './selectors/label-selector';

/** Where the node-local DNS cache listens by default (the address of the upstream add-on's examples). */
const NODE_LOCAL_DEFAULT_IP = '169.254.20.10';

/**
 * Where a cluster's DNS lives: the peers and ports that DNS egress rules must allow.
 *
 * Rules of a NetworkPolicy are matched after Service translation, so a profile names the DNS **pods** and the
 * ports they listen on, not the DNS Service's cluster IP.
 *
 * @example
 * DnsProfile.kubernetes();          // kube-system pods labelled k8s-app in (kube-dns, coredns), UDP+TCP 53
 * DnsProfile.nodeLocal();           // node-local DNS cache on 169.254.20.10, plus the upstream cluster DNS
 * DnsProfile.openshift();           // openshift-dns pods, UDP+TCP 5353
 */
export class DnsProfile {
  /** The namespace of the cluster DNS on Kubernetes distributions. */
  public static readonly KUBERNETES_NAMESPACE = 'kube-system';

  /** The namespace of the cluster DNS on OpenShift 4. */
  public static readonly OPENSHIFT_NAMESPACE = 'openshift-dns';

  /**
   * The cluster DNS of Kubernetes: pods in `kube-system` labelled `k8s-app` in (`kube-dns`, `coredns`),
   * on UDP and TCP 53.
   *
   * CoreDNS keeps the `k8s-app: kube-dns` label on kubeadm, EKS, GKE and AKS; some distributions label it
   * `k8s-app: coredns`; both are matched. TCP is needed for answers too large for UDP.
   *
   * @example new AllowDnsEgress(chart, 'Dns', { selector: LabelSelector.all(), dns: DnsProfile.kubernetes() });
   */
  public static kubernetes(): DnsProfile {
    const pods = LabelSelector.of({ expressions: [LabelRequirement.isIn('k8s-app', ['kube-dns', 'coredns'])] });
    return new DnsProfile([Peer.podsInNamespace(DnsProfile.KUBERNETES_NAMESPACE, pods)], [Port.DNS_UDP, Port.DNS_TCP],
      'cluster DNS (kube-system, k8s-app in kube-dns/coredns) on UDP and TCP 53');
  }

  /**
   * The node-local DNS cache (NodeLocal DNSCache add-on) on its link-local address, plus the upstream
   * cluster DNS of `kubernetes()`, on UDP and TCP 53.
   *
   * The cache runs in the node's network namespace, so it is reached by address, not by pod selector; the
   * upstream pods stay allowed because the cache falls back to them and because some CNIs see the
   * kube-dns Service address instead.
   *
   * @param ip the address the cache listens on (IPv4 or IPv6); 169.254.20.10 when not given
   *
   * @example DnsProfile.nodeLocal('169.254.20.10')
   */
  public static nodeLocal(ip?: string): DnsProfile {
    optional(checkString)('DnsProfile.nodeLocal()', 'ip', ip);
    const address = ip ?? NODE_LOCAL_DEFAULT_IP;
    const parsed = parseIp(address);
    if (parsed.value === undefined) {
      throw invalid(ErrorCode.INVALID_IP_ADDRESS, 'DnsProfile.nodeLocal()', `node-local DNS address is not an IP address: ${parsed.problem}`, address,
        `${parsed.fix}; the add-on's default is ${NODE_LOCAL_DEFAULT_IP}`);
    }
    if (parsed.value.mapped || parsed.value.leadingZeros) {
      throw invalid(ErrorCode.AMBIGUOUS_ADDRESS, 'DnsProfile.nodeLocal()', 'node-local DNS address is written in an ambiguous form', address,
        'Write it as plain dotted decimal (e.g. 169.254.20.10) or as an IPv6 address');
    }
    const host = `${address}/${parsed.value.family === 4 ? 32 : 128}`;
    const upstream = DnsProfile.kubernetes();
    return new DnsProfile([Peer.ipBlock(host), ...upstream._peers], [Port.DNS_UDP, Port.DNS_TCP],
      `node-local DNS (${address}) and cluster DNS (kube-system, k8s-app in kube-dns/coredns) on UDP and TCP 53`);
  }

  /**
   * The cluster DNS of OpenShift 4: pods in `openshift-dns` labelled
   * `dns.operator.openshift.io/daemonset-dns: default`, on UDP and TCP 5353.
   *
   * The DNS operator's CoreDNS listens on 5353 (container ports `dns`/UDP and `dns-tcp`/TCP); the `dns-default`
   * Service maps port 53 to them, and NetworkPolicy sees the translated port.
   *
   * @example DnsProfile.openshift()
   */
  public static openshift(): DnsProfile {
    const pods = LabelSelector.of({ labels: { 'dns.operator.openshift.io/daemonset-dns': 'default' } });
    return new DnsProfile([Peer.podsInNamespace(DnsProfile.OPENSHIFT_NAMESPACE, pods)], [Port.udp(5353), Port.tcp(5353)],
      'OpenShift cluster DNS (openshift-dns, dns.operator.openshift.io/daemonset-dns=default) on UDP and TCP 5353');
  }

  /**
   * A DNS service of your own: these peers on these ports.
   *
   * @param peers where DNS queries go (at least one)
   * @param ports the DNS ports (at least one), e.g. `[Port.DNS_UDP, Port.DNS_TCP]`
   *
   * @example DnsProfile.custom([Peer.ipBlock('10.0.0.2/32')], [Port.DNS_UDP, Port.DNS_TCP])
   */
  public static custom(peers: Peer[], ports: Port[]): DnsProfile {
    const where = 'DnsProfile.custom()';
    listOf(PEER.check)(where, 'peers', peers);
    listOf(PORT.check)(where, 'ports', ports);
    if (peers.length === 0) {
      throw invalid(ErrorCode.EMPTY_LIST, where, 'DNS peers must be a non-empty list of Peer values', peers,
        'Give where DNS queries go, e.g. [Peer.ipBlock("10.0.0.2/32")]');
    }
    if (ports.length === 0) {
      throw invalid(ErrorCode.EMPTY_LIST, where, 'DNS ports must be a non-empty list of Port values, since an empty list would allow every port', ports,
        'Give the DNS ports, e.g. [Port.DNS_UDP, Port.DNS_TCP]');
    }
    return new DnsProfile([...peers], [...ports], `DNS (${peers.map((p) => p.toString()).join(', ')}) on ${ports.map((p) => p.toString()).join(', ')}`, true);
  }

  private constructor(
    private readonly _peers: Peer[],
    private readonly _ports: Port[],
    /** A readable description of where DNS is allowed. */
    public readonly description: string,
    /**
     * Whether the DNS is one of your own, which the lint cannot know: the policies that allow it carry the
     * `cdk8s-netpol.dev/allows-dns` annotation.
     * @internal
     */
    public readonly _isCustom = false,
  ) {}

  /** Where DNS queries go (a copy). */
  public get peers(): Peer[] {
    return [...this._peers];
  }

  /** The DNS ports (a copy). */
  public get ports(): Port[] {
    return [...this._ports];
  }

  /** The description, e.g. `cluster DNS (kube-system, ...) on UDP and TCP 53`. */
  public toString(): string {
    return this.description;
  }
}

DNS_PROFILE.mark(DnsProfile);
