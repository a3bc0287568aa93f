import { Construct } from 'constructs';
import { ErrorCode, invalid } from '../../private/errors';
import { labelKeyProblem, labelValueProblem } from '../../private/k8s-names';
import { LabelRequirement, LabelSelector } from '../../selectors/label-selector';
import { checkConstructArgsWith } from '../../struct-checks';
import { ClusterNetworkPolicy } from '../cluster-network-policy';
import { ClusterPeer, ClusterSubject } from '../cluster-peer';
import { ClusterPolicyTier, ClusterRuleAction } from '../cluster-policy-props';
import { clusterStruct } from '../cluster-struct-checks';

/** Properties of a `TenantIsolation`. */
export interface TenantIsolationProps {
  /** The namespace label that names a namespace's tenant, e.g. `tenant`. */
  readonly tenantLabel: string;

  /** The tenants: values of `tenantLabel`. One policy per tenant. */
  readonly tenants: string[];

  /**
   * Priority in the Admin tier. Give guardrails that must win over it (monitoring, kube-system) a lower one.
   *
   * @default 100
   */
  readonly priority?: number;
}

/**
 * Tenant isolation in the Admin tier: ingress into a tenant's namespaces from another tenant's namespaces is
 * denied, whatever their NetworkPolicies say; traffic within the tenant is passed to the NetworkPolicy tier,
 * so that the namespace owners decide inside. Namespaces without the tenant label are left alone.
 *
 * One ClusterNetworkPolicy per tenant, named `tenant-<value>`.
 *
 * @example
 * new TenantIsolation(chart, 'Tenants', { tenantLabel: 'tenant', tenants: ['blue', 'green'] });
 */
export class TenantIsolation extends Construct {
  /** The policies, one per tenant in the order given. */
  public readonly policies: ClusterNetworkPolicy[];

  public constructor(scope: Construct, id: string, props: TenantIsolationProps) {
    checkConstructArgsWith('new TenantIsolation()', scope, id, props, clusterStruct('TenantIsolationProps'));
    super(scope, id);
    const where = this.node.path;
    const keyProblem = typeof props?.tenantLabel === 'string' ? labelKeyProblem(props.tenantLabel) : { problem: 'must be a string', fix: 'Give a label key' };
    if (keyProblem !== undefined) {
      throw invalid(ErrorCode.INVALID_LABEL_KEY, where, `tenantLabel ${keyProblem.problem}`, props?.tenantLabel, keyProblem.fix);
    }
    if (!Array.isArray(props.tenants) || props.tenants.length === 0) {
      throw invalid(ErrorCode.EMPTY_LIST, where, 'tenants must list at least one tenant', props.tenants, 'Give the values of the tenant label');
    }
    props.tenants.forEach((tenant, i) => {
      const problem = typeof tenant === 'string' && tenant !== '' ? labelValueProblem(tenant) : { problem: 'must be a non-empty string', fix: 'Give a label value' };
      if (problem !== undefined) throw invalid(ErrorCode.INVALID_LABEL_VALUE, where, `tenants[${i}] ${problem.problem}`, tenant, problem.fix);
      if (props.tenants.indexOf(tenant) !== i) throw invalid(ErrorCode.DUPLICATE, where, `tenants[${i}] is listed twice`, tenant, 'Remove the duplicate');
    });
    const anyTenant = LabelSelector.of({ expressions: [LabelRequirement.exists(props.tenantLabel)] });
    this.policies = props.tenants.map((tenant) => {
      const own = LabelSelector.of({ labels: { [props.tenantLabel]: tenant } });
      return new ClusterNetworkPolicy(this, tenant, {
        name: `tenant-${tenant}`.toLowerCase().replace(/[^a-z0-9.-]/g, '-'),
        tier: ClusterPolicyTier.ADMIN,
        priority: props.priority ?? 100,
        subject: ClusterSubject.namespaces(own),
        ingress: [
          { name: 'pass-within-tenant', action: ClusterRuleAction.PASS, peers: [ClusterPeer.namespaces(own)] },
          { name: 'deny-other-tenants', action: ClusterRuleAction.DENY, peers: [ClusterPeer.namespaces(anyTenant)] },
        ],
      });
    });
  }
}
