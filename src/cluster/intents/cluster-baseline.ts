import { Construct } from 'constructs';
import { Port } from '../../port';
import { ErrorCode, invalid } from '../../private/errors';
import { LabelRequirement, LabelSelector } from '../../selectors/label-selector';
import { NamespaceSelector } from '../../selectors/namespace-selector';
import { checkConstructArgsWith } from '../../struct-checks';
import { ClusterNetworkPolicy } from '../cluster-network-policy';
import { ClusterPeer, ClusterSubject } from '../cluster-peer';
import { ClusterPolicyTier, ClusterRuleAction } from '../cluster-policy-props';
import { clusterStruct } from '../cluster-struct-checks';

/** Properties of a `ClusterBaseline`. */
export interface ClusterBaselineProps {
  /**
   * Name of the main policy; the DNS policy is named `<name>-dns`.
   *
   * @default - derived from the construct path
   */
  readonly name?: string;

  /**
   * Priority of the main policy in the Baseline tier (1-1000); the DNS policy takes the one before it.
   *
   * @default 1000
   */
  readonly priority?: number;

  /**
   * The namespace of the cluster DNS.
   *
   * @default 'kube-system'
   */
  readonly dnsNamespace?: string;

  /**
   * The cluster DNS pods.
   *
   * @default - pods labelled `k8s-app` in `kube-dns`, `coredns`
   */
  readonly dnsPods?: LabelSelector;
}

/**
 * The best-practice start for a whole cluster, in the Baseline tier: where no NetworkPolicy selects a pod,
 * everything is denied both ways except DNS (egress to the cluster DNS on UDP and TCP 53, and ingress to the
 * DNS pods on those ports). Replaces a deny-all-plus-DNS NetworkPolicy in every namespace; a namespace's own
 * NetworkPolicies override it for the pods they select.
 *
 * Two policies: `<name>-dns` (the DNS pods accept DNS from every pod) and `<name>`.
 *
 * @example
 * new ClusterBaseline(chart, 'Baseline');
 */
export class ClusterBaseline extends Construct {
  /** The policy that keeps the DNS pods reachable. */
  public readonly dnsPolicy: ClusterNetworkPolicy;
  /** The deny-by-default policy. */
  public readonly policy: ClusterNetworkPolicy;

  public constructor(scope: Construct, id: string, props: ClusterBaselineProps = {}) {
    checkConstructArgsWith('new ClusterBaseline()', scope, id, props, clusterStruct('ClusterBaselineProps'));
    super(scope, id);
    const priority = props.priority ?? 1000;
    if (!Number.isInteger(priority) || priority < 1 || priority > 1000) {
      throw invalid(ErrorCode.PRIORITY_OUT_OF_RANGE, this.node.path, 'priority must be a whole number from 1 to 1000', priority,
        'Leave room for the DNS policy, which takes the priority before it');
    }
    const dnsPods = props.dnsPods ?? LabelSelector.of({ expressions: [LabelRequirement.isIn('k8s-app', ['kube-dns', 'coredns'])] });
    const dnsNamespace = NamespaceSelector.named(props.dnsNamespace ?? 'kube-system');
    const dnsPorts = [Port.DNS_UDP, Port.DNS_TCP];
    const name = props.name;
    this.dnsPolicy = new ClusterNetworkPolicy(this, 'Dns', {
      name: name === undefined ? undefined : `${name}-dns`,
      tier: ClusterPolicyTier.BASELINE,
      priority: priority - 1,
      subject: ClusterSubject.pods(dnsNamespace, dnsPods),
      ingress: [{ name: 'accept-dns', action: ClusterRuleAction.ACCEPT, peers: [ClusterPeer.allPods()], ports: dnsPorts }],
    });
    this.policy = new ClusterNetworkPolicy(this, 'Default', {
      name,
      tier: ClusterPolicyTier.BASELINE,
      priority,
      subject: ClusterSubject.namespaces(LabelSelector.all()),
      egress: [
        { name: 'accept-dns', action: ClusterRuleAction.ACCEPT, peers: [ClusterPeer.pods(dnsNamespace, dnsPods)], ports: dnsPorts },
        { name: 'deny-all', action: ClusterRuleAction.DENY, peers: [ClusterPeer.allPods(), ClusterPeer.networks(['0.0.0.0/0', '::/0'])] },
      ],
      ingress: [{ name: 'deny-all', action: ClusterRuleAction.DENY, peers: [ClusterPeer.allPods()] }],
    });
  }
}
