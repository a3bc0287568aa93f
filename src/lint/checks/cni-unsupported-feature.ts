import { LintCheck } from '../check';
import { featureUses } from '../cni-features';
import { Severity } from '../severity';

/** A feature the declared CNI is known not to enforce (as written): endPort, SCTP or named ports. */
export const cniUnsupportedFeature: LintCheck = {
  code: 'cni-unsupported-feature',
  description: 'A feature (endPort, SCTP, named ports) that the declared CNI is known not to enforce as written.',
  defaultSeverity: Severity.WARNING,
  check: (context) => featureUses(context, 'unsupported').map((use) => ({
    doc: use.doc,
    field: use.field,
    problem: `uses ${use.feature}, which ${context.cni.enforcer.id} does not enforce as written: ${use.fact.note} (see ${use.fact.sources[0]})`,
    got: use.got,
    fix: use.feature === 'endPort' ? 'List the ports one by one, or make sure the CNI version supports endPort'
      : use.feature === 'named ports' ? 'Use the port number' : 'Enable and verify SCTP support in the CNI, or avoid SCTP rules',
  })),
};
