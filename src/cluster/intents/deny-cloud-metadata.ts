import { Construct } from 'constructs';
import { LabelSelector } from '../../selectors/label-selector';
import { checkConstructArgsWith } from '../../struct-checks';
import { ClusterNetworkPolicy } from '../cluster-network-policy';
import { ClusterPeer, ClusterSubject } from '../cluster-peer';
import { ClusterPolicyTier, ClusterRuleAction } from '../cluster-policy-props';
import { clusterStruct } from '../cluster-struct-checks';

/** The cloud instance metadata addresses: AWS, GCP, Azure and others on IPv4, AWS on IPv6. */
export const CLOUD_METADATA_CIDRS = ['169.254.169.254/32', 'fd00:ec2::254/128'];

/** Properties of a `DenyCloudMetadata`. */
export interface DenyCloudMetadataProps {
  /**
   * `metadata.name`.
   *
   * @default - derived from the construct path
   */
  readonly name?: string;

  /**
   * Priority in the Admin tier.
   *
   * @default 0
   */
  readonly priority?: number;

  /**
   * The pods that may not reach the metadata service.
   *
   * @default - every pod of every namespace
   */
  readonly namespaces?: LabelSelector;

  /**
   * More addresses to deny with the metadata service, e.g. a provider's other metadata endpoints.
   *
   * @default - only `CLOUD_METADATA_CIDRS`
   */
  readonly extraCidrs?: string[];
}

/**
 * Denies egress to the cloud instance metadata service (169.254.169.254 and fd00:ec2::254) in the Admin
 * tier, so that no NetworkPolicy of any namespace can allow it again (its credentials are the node's).
 *
 * @example
 * new DenyCloudMetadata(chart, 'NoMetadata');
 */
export class DenyCloudMetadata extends ClusterNetworkPolicy {
  public constructor(scope: Construct, id: string, props: DenyCloudMetadataProps = {}) {
    checkConstructArgsWith('new DenyCloudMetadata()', scope, id, props, clusterStruct('DenyCloudMetadataProps'));
    super(scope, id, {
      name: props.name,
      tier: ClusterPolicyTier.ADMIN,
      priority: props.priority ?? 0,
      subject: ClusterSubject.namespaces(props.namespaces ?? LabelSelector.all()),
      egress: [{
        name: 'deny-cloud-metadata',
        action: ClusterRuleAction.DENY,
        peers: [ClusterPeer.networks([...CLOUD_METADATA_CIDRS, ...(props.extraCidrs ?? [])])],
      }],
    });
  }
}
