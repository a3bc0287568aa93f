/**
 * Pod selectors that name namespaces (internal): a selector keyed on `kubernetes.io/metadata.name` matches
 * namespaces, never pods, since only namespaces carry that label.
 */
import { LabelSelector } from './label-selector';
import { NamespaceSelector } from './namespace-selector';
import { ErrorCode, invalid } from '../private/errors';

/** Whether the selector is keyed on `kubernetes.io/metadata.name`, the label only namespaces carry. */
export function namesNamespaces(selector: LabelSelector): boolean {
  const kube = selector._toKube();
  return kube.matchLabels?.[NamespaceSelector.NAME_LABEL] !== undefined
    || (kube.matchExpressions ?? []).some((e) => e.key === NamespaceSelector.NAME_LABEL);
}

/**
 * Refuses a pod selector keyed on `kubernetes.io/metadata.name`: it matches no pod, and a namespace was almost
 * certainly meant.
 */
export function checkPodLabels(where: string, what: string, selector: LabelSelector): void {
  if (namesNamespaces(selector)) {
    throw invalid(ErrorCode.NAMESPACE_LABEL_ON_PODS, where,
      `${what} selects pods by ${NamespaceSelector.NAME_LABEL}, a label only namespaces carry, so it matches no pod`, selector.toString(),
      'Select the namespace with Peer.namespace(name), or pods in it with Peer.podsInNamespace(name, podSelector)');
  }
}
