import { LintCheck } from '../check';
import { featureUses } from '../cni-features';
import { Severity } from '../severity';

/** A feature whose support by the declared CNI could not be confirmed from public sources. */
export const cniUnconfirmedFeature: LintCheck = {
  code: 'cni-unconfirmed-feature',
  description: 'A feature (endPort, SCTP, named ports) whose support by the declared CNI is unconfirmed: test it in the cluster.',
  defaultSeverity: Severity.INFO,
  check: (context) => featureUses(context, 'unconfirmed').map((use) => ({
    doc: use.doc,
    field: use.field,
    problem: `uses ${use.feature}; whether ${context.cni.enforcer.id} enforces it is unconfirmed`,
    got: use.got,
    fix: 'Test the rule from inside the cluster (e.g. a netshoot pod) before relying on it',
  })),
};
