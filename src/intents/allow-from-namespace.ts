import { Construct } from 'constructs';
import { AllowPortsIntentProps } from './intent-props';
import { NetworkPolicy, NetworkPolicyProps } from '../network-policy';
import { Peer } from '../peer';
import { checkPorts, intentPolicy, requireTarget } from './private/defaults';
import { intentName, selectorSlug, targetSlug } from './private/naming';
import { LABEL_SELECTOR } from '../private/brands';
import { sortedUnique } from '../private/canonical';
import { childPath } from '../private/construct-path';
import { ErrorCode, invalid } from '../private/errors';
import { checkNamespaceName } from '../private/k8s-names';
import { LabelSelector } from '../selectors/label-selector';
import { checkConstructArgs } from '../struct-checks';

/** Properties of `AllowFromNamespace`. Give exactly one of `namespaces` and `namespaceSelector`. */
export interface AllowFromNamespaceProps extends AllowPortsIntentProps {
  /**
   * The namespaces whose pods may connect, by name.
   *
   * @default - none; `namespaceSelector` must be given
   */
  readonly namespaces?: string[];

  /**
   * The namespaces whose pods may connect, by namespace labels.
   *
   * @default - none; `namespaces` must be given
   */
  readonly namespaceSelector?: LabelSelector;
}

/**
 * Allows ingress to the selected pods from every pod of the given namespaces.
 *
 * Default name: `<target>-allow-from-namespace-<names>`, e.g. `api-allow-from-namespace-monitoring`.
 *
 * @see https://kubernetes.io/docs/concepts/services-networking/network-policies/#targeting-a-namespace-by-its-name
 * @example
 * new AllowFromNamespace(chart, 'FromMonitoring', {
 *   selector: LabelSelector.all(),
 *   namespaces: ['monitoring'],
 *   ports: [Port.named('metrics')],
 * });
 */
export class AllowFromNamespace extends NetworkPolicy {
  /**
   * @param scope parent construct
   * @param id construct id
   * @param props target pods, source namespaces, ports
   */
  public constructor(scope: Construct, id: string, props: AllowFromNamespaceProps) {
    checkConstructArgs('new AllowFromNamespace()', scope, id, props, 'AllowFromNamespaceProps');
    super(scope, id, allowFromNamespacePolicy(scope, childPath(scope, id), props));
  }

}

/** The NetworkPolicy props of an `AllowFromNamespace` at construct path `where`. */
function allowFromNamespacePolicy(scope: Construct, where: string, props: AllowFromNamespaceProps): NetworkPolicyProps {
  const target = requireTarget(where, scope, props);
  const { peers, namePart } = sources(where, props);
  const ports = checkPorts(where, props.ports);
  return intentPolicy(props, {
    defaultName: intentName([targetSlug(target), 'allow-from-namespace', namePart]),
    target,
    description: `Allow ingress to the selected pods from every pod of ${peers.map((p) => p.toString()).join(', ')}.`,
    ingress: [{ peers, ports }],
  });
}

/** The source peers and the name part of an `AllowFromNamespace`. */
function sources(where: string, props: AllowFromNamespaceProps): { peers: Peer[]; namePart: string } {
  const { namespaces, namespaceSelector } = props;
  if ((namespaces === undefined) === (namespaceSelector === undefined)) {
    throw invalid(ErrorCode.CONFLICTING_OPTIONS, where, 'give exactly one of namespaces and namespaceSelector', { namespaces, namespaceSelector: namespaceSelector?.toString() },
      'Name the namespaces (namespaces: ["monitoring"]) or select them by label (namespaceSelector)');
  }
  if (namespaces !== undefined) {
    if (!Array.isArray(namespaces) || namespaces.length === 0) {
      throw invalid(ErrorCode.EMPTY_LIST, where, 'namespaces is empty', namespaces,
        'List at least one namespace name, or use AllowFromAllNamespaces for every namespace');
    }
    const names = sortedUnique(namespaces.map((name) => checkNamespaceName(where, name)));
    return { peers: names.map((name) => Peer.namespace(name)), namePart: names.join('-') };
  }
  if (!LABEL_SELECTOR.has(namespaceSelector)) {
    throw invalid(ErrorCode.WRONG_TYPE, where, 'namespaceSelector must be a LabelSelector', namespaceSelector,
      'Pass LabelSelector.of({ labels: {...} })');
  }
  return { peers: [Peer.namespaces(namespaceSelector)], namePart: selectorSlug(namespaceSelector) || 'all' };
}
