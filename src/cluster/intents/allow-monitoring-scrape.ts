import { Construct } from 'constructs';
import { Port } from '../../port';
import { ErrorCode, invalid } from '../../private/errors';
import { LabelSelector } from '../../selectors/label-selector';
import { NamespaceSelector } from '../../selectors/namespace-selector';
import { checkConstructArgsWith } from '../../struct-checks';
import { ClusterNetworkPolicy } from '../cluster-network-policy';
import { ClusterPeer, ClusterSubject } from '../cluster-peer';
import { ClusterPolicyTier, ClusterRuleAction } from '../cluster-policy-props';
import { clusterStruct } from '../cluster-struct-checks';

/** Properties of an `AllowMonitoringScrape`. */
export interface AllowMonitoringScrapeProps {
  /**
   * `metadata.name`.
   *
   * @default - derived from the construct path
   */
  readonly name?: string;

  /**
   * The monitoring namespace.
   *
   * @default 'monitoring'
   */
  readonly namespace?: string;

  /**
   * The scraping pods in that namespace.
   *
   * @default - every pod of the namespace
   */
  readonly scrapers?: LabelSelector;

  /** The metrics ports, e.g. `Port.named('metrics')` or `Port.tcp(9090)`. */
  readonly ports: Port[];

  /**
   * The namespaces whose pods may be scraped.
   *
   * @default - every namespace
   */
  readonly targets?: LabelSelector;

  /**
   * Priority in the Admin tier: lower than every Admin policy that would deny the scrape.
   *
   * @default 10
   */
  readonly priority?: number;
}

/**
 * Always lets the monitoring namespace scrape the metrics ports, in the Admin tier: ahead of tenant isolation,
 * kube-system protection, the Baseline tier and every NetworkPolicy. Two policies, since each has one subject:
 * `<name>` accepts the scrape into the targets (ingress), `<name>-egress` lets the scrapers out (egress).
 *
 * @example
 * new AllowMonitoringScrape(chart, 'Scrape', { ports: [Port.named('metrics')] });
 */
export class AllowMonitoringScrape extends Construct {
  /** The policy that accepts the scrape into the targets. */
  public readonly ingressPolicy: ClusterNetworkPolicy;
  /** The policy that lets the scrapers reach the targets. */
  public readonly egressPolicy: ClusterNetworkPolicy;

  public constructor(scope: Construct, id: string, props: AllowMonitoringScrapeProps) {
    checkConstructArgsWith('new AllowMonitoringScrape()', scope, id, props, clusterStruct('AllowMonitoringScrapeProps'));
    super(scope, id);
    if (props === undefined || !Array.isArray(props.ports) || props.ports.length === 0) {
      throw invalid(ErrorCode.EMPTY_LIST, this.node.path, 'ports must list the metrics ports', props?.ports,
        'Give the ports to scrape, e.g. [Port.named(\'metrics\')]: scraping every port is not a guardrail');
    }
    const monitoring = NamespaceSelector.named(props.namespace ?? 'monitoring');
    const scrapers = props.scrapers ?? LabelSelector.all();
    const targets = props.targets ?? LabelSelector.all();
    const common = { tier: ClusterPolicyTier.ADMIN, priority: props.priority ?? 10 };
    this.ingressPolicy = new ClusterNetworkPolicy(this, 'Ingress', {
      ...common,
      name: props.name,
      subject: ClusterSubject.namespaces(targets),
      ingress: [{ name: 'accept-monitoring-scrape', action: ClusterRuleAction.ACCEPT, peers: [ClusterPeer.pods(monitoring, scrapers)], ports: props.ports }],
    });
    this.egressPolicy = new ClusterNetworkPolicy(this, 'Egress', {
      ...common,
      name: props.name === undefined ? undefined : `${props.name}-egress`,
      subject: ClusterSubject.pods(monitoring, scrapers),
      egress: [{ name: 'accept-monitoring-scrape', action: ClusterRuleAction.ACCEPT, peers: [ClusterPeer.pods(targets, LabelSelector.all())], ports: props.ports }],
    });
  }
}
