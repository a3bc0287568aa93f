import { Construct } from 'constructs';
import { Port } from '../../port';
import { checkConstructArgsWith } from '../../struct-checks';
import { ClusterNetworkPolicy } from '../cluster-network-policy';
import { ClusterPeer, ClusterSubject } from '../cluster-peer';
import { ClusterPolicyTier, ClusterRuleAction } from '../cluster-policy-props';
import { clusterStruct } from '../cluster-struct-checks';

/** Properties of a `ProtectKubeSystem`. */
export interface ProtectKubeSystemProps {
  /**
   * `metadata.name`.
   *
   * @default - derived from the construct path
   */
  readonly name?: string;

  /**
   * Priority in the Admin tier.
   *
   * @default 20
   */
  readonly priority?: number;

  /**
   * More peers that may reach kube-system (on any port), e.g. an ingress controller's namespace.
   *
   * @default - none
   */
  readonly allowFrom?: ClusterPeer[];
}

/**
 * Protects kube-system in the Admin tier: its pods accept traffic from kube-system itself and from
 * `allowFrom`; DNS (UDP and TCP 53) from any pod is passed on to the other tiers, so that the cluster DNS keeps
 * working; every other pod is denied, whatever NetworkPolicies say. Traffic from addresses outside the cluster
 * is not a pod peer and is left to the other tiers.
 *
 * @example
 * new ProtectKubeSystem(chart, 'KubeSystem');
 */
export class ProtectKubeSystem extends ClusterNetworkPolicy {
  public constructor(scope: Construct, id: string, props: ProtectKubeSystemProps = {}) {
    checkConstructArgsWith('new ProtectKubeSystem()', scope, id, props, clusterStruct('ProtectKubeSystemProps'));
    super(scope, id, {
      name: props.name,
      tier: ClusterPolicyTier.ADMIN,
      priority: props.priority ?? 20,
      subject: ClusterSubject.namespace('kube-system'),
      ingress: [
        { name: 'accept-kube-system', action: ClusterRuleAction.ACCEPT, peers: [ClusterPeer.namespace('kube-system')] },
        ...(props.allowFrom === undefined ? [] : [{ name: 'accept-allowed', action: ClusterRuleAction.ACCEPT, peers: props.allowFrom }]),
        { name: 'pass-dns', action: ClusterRuleAction.PASS, peers: [ClusterPeer.allPods()], ports: [Port.DNS_UDP, Port.DNS_TCP] },
        { name: 'deny-other-pods', action: ClusterRuleAction.DENY, peers: [ClusterPeer.allPods()] },
      ],
    });
  }
}
