import { Construct } from 'constructs';
import { AllowPortsIntentProps } from './intent-props';
import { NetworkPolicy, NetworkPolicyProps } from '../network-policy';
import { Peer } from '../peer';
import { checkPorts, intentPolicy, requireTarget } from './private/defaults';
import { intentName, selectorSlug, targetSlug } from './private/naming';
import { LABEL_SELECTOR } from '../private/brands';
import { childPath } from '../private/construct-path';
import { ErrorCode, invalid } from '../private/errors';
import { checkNamespaceName } from '../private/k8s-names';
import { IPodSelector, LabelSelector, PodSelection } from '../selectors/label-selector';
import { checkConstructArgs, podsOf } from '../struct-checks';

/** Properties of `AllowFromLabel`. */
export interface AllowFromLabelProps extends AllowPortsIntentProps {
  /**
   * The pods allowed to connect: a `LabelSelector`, matched in the policy's own namespace unless
   * `sourceNamespace` or `sourceNamespaceSelector` says otherwise, or a `Workload` of pods, matched in its own
   * namespace (and named after it in the default name).
   */
  readonly sourceSelector: IPodSelector;

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
    super(scope, id, allowFromLabelPolicy(scope, childPath(scope, id), props));
  }

}

/** The NetworkPolicy props of an `AllowFromLabel` at construct path `where`. */
function allowFromLabelPolicy(scope: Construct, where: string, props: AllowFromLabelProps): NetworkPolicyProps {
  const target = requireTarget(where, scope, props);
  if (props.sourceSelector === undefined) {
    throw invalid(ErrorCode.MISSING_VALUE, where, 'sourceSelector is required: it names the pods allowed to connect', props.sourceSelector,
      'Pass sourceSelector: LabelSelector.of({ labels: {...} }) or a Workload; use AllowSameNamespace for every pod of the namespace');
  }
  const source = LABEL_SELECTOR.has(props.sourceSelector) ? { selector: props.sourceSelector as LabelSelector }
    : podsOf<PodSelection>(where, 'sourceSelector', props.sourceSelector);
  const { peer, namespacePart } = sourcePeer(where, props, source, target.namespace);
  const ports = checkPorts(where, props.ports);
  return intentPolicy(props, {
    defaultName: intentName([targetSlug(target), 'allow-from', namespacePart, targetSlug(source)]),
    target,
    description: `Allow ingress to the selected pods from ${peer}.`,
    ingress: [{ peers: [peer], ports }],
  });
}

/** The source peer and the namespace part of the name of an `AllowFromLabel`. */
function sourcePeer(where: string, props: AllowFromLabelProps, selection: PodSelection, policyNamespace: string | undefined)
  : { peer: Peer; namespacePart: string } {
  if (props.sourceNamespace !== undefined && props.sourceNamespaceSelector !== undefined) {
    throw invalid(ErrorCode.CONFLICTING_OPTIONS, where, 'sourceNamespace and sourceNamespaceSelector both name the source namespace',
      { sourceNamespace: props.sourceNamespace, sourceNamespaceSelector: props.sourceNamespaceSelector.toString() },
      'Give only one of them');
  }
  const source = selection.selector;
  if (selection.namespace !== undefined) {
    // a workload: its pods live in its namespace
    if (props.sourceNamespace !== undefined || props.sourceNamespaceSelector !== undefined) {
      throw invalid(ErrorCode.CONFLICTING_OPTIONS, where, `the source workload lives in namespace ${JSON.stringify(selection.namespace)}, so sourceNamespace and sourceNamespaceSelector have nothing to say`,
        props.sourceNamespace ?? props.sourceNamespaceSelector?.toString(), 'Leave sourceNamespace and sourceNamespaceSelector out');
    }
    return selection.namespace === policyNamespace ? { peer: Peer.pods(source), namespacePart: '' }
      : { peer: Peer.podsInNamespace(selection.namespace, source), namespacePart: selection.namespace };
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
