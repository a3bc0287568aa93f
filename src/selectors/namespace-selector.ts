import { LabelRequirement, LabelSelector } from './label-selector';
import { ErrorCode, invalid } from '../private/errors';
import { checkNamespaceName } from '../private/k8s-names';

/**
 * Namespace selectors by name.
 *
 * A NetworkPolicy cannot name a namespace directly; it selects namespaces by the label
 * `kubernetes.io/metadata.name`, which the API server sets on every namespace.
 *
 * @see https://kubernetes.io/docs/concepts/services-networking/network-policies/#targeting-a-namespace-by-its-name
 */
export class NamespaceSelector {
  /** The label every namespace carries with its own name. */
  public static readonly NAME_LABEL = 'kubernetes.io/metadata.name';

  /**
   * Selects the namespace with this name.
   *
   * @param name a namespace name (DNS-1123 label)
   *
   * @example NamespaceSelector.named('monitoring')
   */
  public static named(name: string): LabelSelector {
    checkNamespaceName('NamespaceSelector.named()', name);
    return LabelSelector.of({ labels: { [NamespaceSelector.NAME_LABEL]: name } });
  }

  /**
   * Selects every namespace whose name is in the list.
   *
   * @param names at least one namespace name
   *
   * @example NamespaceSelector.namedAnyOf(['monitoring', 'logging'])
   */
  public static namedAnyOf(names: string[]): LabelSelector {
    const where = 'NamespaceSelector.namedAnyOf()';
    if (!Array.isArray(names) || names.length === 0) {
      throw invalid(ErrorCode.EMPTY_LIST, where, 'no namespace names given', names, 'Give at least one namespace name');
    }
    names.forEach((name) => checkNamespaceName(where, name));
    if (new Set(names).size === 1) {
      return NamespaceSelector.named(names[0]);
    }
    return LabelSelector.of({ expressions: [LabelRequirement.isIn(NamespaceSelector.NAME_LABEL, names)] });
  }

  /**
   * Selects every namespace (an explicit `namespaceSelector: {}`).
   *
   * @example Peer.namespaces(NamespaceSelector.all())
   */
  public static all(): LabelSelector {
    return LabelSelector.all();
  }

  private constructor() {}
}
