import { featureUses } from '../cni/cni-features';
import { defineCheck } from '../engine/check';
import { Severity } from '../severity';

/** A feature whose support by the declared CNI could not be confirmed from public sources. */
export const cniUnconfirmedFeature = defineCheck({
  code: 'cni-unconfirmed-feature',
  description: 'A feature (endPort, SCTP, named ports) whose support by the declared CNI is unconfirmed: test it in the cluster.',
  defaultSeverity: Severity.INFO,
  messages: {
    unconfirmed: {
      problem: 'uses {{feature}}; whether {{cni}} enforces it is unconfirmed',
      fix: 'Test the rule from inside the cluster (e.g. a netshoot pod) before relying on it',
    },
  },
  check: (context) => featureUses(context, 'unconfirmed').map((use) => ({
    doc: use.doc,
    field: use.field,
    messageId: 'unconfirmed',
    data: { feature: use.feature, cni: context.cni.enforcer.id },
    got: use.got,
  })),
});
