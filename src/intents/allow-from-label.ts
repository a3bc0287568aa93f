import { Construct } from 'constructs';
import { AllowPortsIntentProps } from './intent-props';
import { NetworkPolicy, NetworkPolicyProps } from '../network-policy';
import { Peer } from '../peer';
import { checkPorts, intentPolicy, requireSelector } from './private/defaults';
import { intentName, selectorSlug } from './private/naming';
import { LABEL_SELECTOR } from '../private/brands';
import { childPath } from '../private/construct-path';
import { ErrorCode, invalid } from '../private/errors';
import { checkNamespaceName } from '../private/k8s-names';
import { LabelSelector } from '../selectors/label-selector';
import { checkConstructArgs } from '../struct-checks';

/** Properties of `AllowFromLabel`. */
export interface AllowFromLabelProps extends AllowPortsIntentProps {
  /**
   * The pods allowed to connect, matched in the policy's own namespace unless `sourceNamespace` or
   * `sourceNamespaceSelector` says otherwise.
   */
  readonly sourceSelector: LabelSelector;

  /**
   * The namespace the source pods live in (the source must match both: one peer, AND).
   *
   * @default - the policy's own namespace (unless `sourceNamespaceSelector` is given)
   */
  readonly sourceNamespace?: string;

  /**
   * The namespaces the source pods live in, by label (the source must match both: one peer, AND).
   *
   * @default - the policy's own namespace (unless `sourceNamespace` is given)
   */
  readonly sourceNamespaceSelector?: LabelSelector;
}

/**
 * Allows ingress to the selected pods from pods matching a label selector, optionally in another namespace.
 *
 * The namespace and the labels are ANDed in one peer, so only those pods in that namespace are allowed.
 *
 * Default name: `<target>-allow-from-<source>`, from the label values, e.g. `api-allow-from-web`
 * (`api-allow-from-monitoring-prometheus` with `sourceNamespace: 'monitoring'`).
 *
 * @see https://kubernetes.io/docs/concepts/services-networking/network-policies/#behavior-of-to-and-from-selectors
 * @example
 * new AllowFromLabel(chart, 'WebToApi', {
 *   selector: LabelSelector.of({ labels: { app: 'api' } }),
 *   sourceSelector: LabelSelector.of({ labels: { app: 'web' } }),
 *   ports: [Port.tcp(8080)],
 * });
 */
export class AllowFromLabel extends NetworkPolicy {
  /**
   * @param scope parent construct
   * @param id construct id
   * @param props target pods, source pods and namespace, ports
   */
  public constructor(scope: Construct, id: string, props: AllowFromLabelProps) {
    checkConstructArgs('new AllowFromLabel()', scope, id, props, 'AllowFromLabelProps');
    super(scope, id, allowFromLabelPolicy(childPath(scope, id), props));
  }

}

/** The NetworkPolicy props of an `AllowFromLabel` at construct path `where`. */
function allowFromLabelPolicy(where: string, props: AllowFromLabelProps): NetworkPolicyProps {
  const selector = requireSelector(where, props);
  const source = props.sourceSelector;
  if (!LABEL_SELECTOR.has(source)) {
    throw invalid(ErrorCode.MISSING_VALUE, where, 'sourceSelector is required: it names the pods allowed to connect', source,
      'Pass sourceSelector: LabelSelector.of({ labels: {...} }); use AllowSameNamespace for every pod of the namespace');
  }
  const { peer, namespacePart } = sourcePeer(where, props, source);
  const ports = checkPorts(where, props.ports);
  return intentPolicy(props, {
    defaultName: intentName([selectorSlug(selector), 'allow-from', namespacePart, selectorSlug(source)]),
    selector,
    description: `Allow ingress to the selected pods from ${peer}.`,
    ingress: [{ peers: [peer], ports }],
  });
}

/** The source peer and the namespace part of the name of an `AllowFromLabel`. */
function sourcePeer(where: string, props: AllowFromLabelProps, source: LabelSelector): { peer: Peer; namespacePart: string } {
  if (props.sourceNamespace !== undefined && props.sourceNamespaceSelector !== undefined) {
    throw invalid(ErrorCode.CONFLICTING_OPTIONS, where, 'sourceNamespace and sourceNamespaceSelector both name the source namespace',
      { sourceNamespace: props.sourceNamespace, sourceNamespaceSelector: props.sourceNamespaceSelector.toString() },
      'Give only one of them');
  }
  if (props.sourceNamespace !== undefined) {
    checkNamespaceName(where, props.sourceNamespace);
    return { peer: Peer.podsInNamespace(props.sourceNamespace, source), namespacePart: props.sourceNamespace };
  }
  if (props.sourceNamespaceSelector !== undefined) {
    const namespaces = props.sourceNamespaceSelector;
    if (!LABEL_SELECTOR.has(namespaces)) {
      throw invalid(ErrorCode.WRONG_TYPE, where, 'sourceNamespaceSelector must be a LabelSelector', namespaces,
        'Pass LabelSelector.of({ labels: {...} }), or NamespaceSelector.named("...")');
    }
    return { peer: Peer.podsInNamespaces(namespaces, source), namespacePart: selectorSlug(namespaces) || 'all-namespaces' };
  }
  return { peer: Peer.pods(source), namespacePart: '' };
}
