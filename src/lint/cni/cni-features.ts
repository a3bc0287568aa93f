/**
 * Uses of CNI-dependent features in the documents, with the support fact of the declared CNI (internal).
 */
import { CNI_SUPPORT, Feature, SupportFact } from './cni-support';
import { Protocol } from '../../protocol';
import { LintContext, PolicyDoc } from '../engine/context';
import { allRules } from '../engine/rule-walk';

/** One use of a feature. */
export interface FeatureUse {
  readonly doc: PolicyDoc;
  readonly field: string;
  readonly feature: Feature;
  readonly got: unknown;
  readonly fact: SupportFact;
}

/** Every use of a feature whose support by the declared CNI is `support`. */
export function featureUses(context: LintContext, support: SupportFact['support']): FeatureUse[] {
  const table = CNI_SUPPORT[context.cni.enforcer.id];
  if (table === undefined) {
    return [];
  }
  return allRules(context.docs).flatMap((at) => (at.rule.ports ?? []).flatMap((port, i) => {
    const field = `${at.path}.ports[${i}]`;
    const uses: Array<{ feature: Feature; got: unknown }> = [];
    if (port.endPort !== undefined) {
      uses.push({ feature: 'endPort', got: `${port.port}-${port.endPort}` });
    }
    if (port.protocol === Protocol.SCTP) {
      uses.push({ feature: 'SCTP', got: `SCTP/${port.port ?? port.portName ?? '*'}` });
    }
    if (port.portName !== undefined) {
      uses.push({ feature: 'named ports', got: port.portName });
    }
    return uses.filter((u) => table[u.feature].support === support)
      .map((u) => ({ doc: at.doc, field, feature: u.feature, got: u.got, fact: table[u.feature] }));
  }));
}
