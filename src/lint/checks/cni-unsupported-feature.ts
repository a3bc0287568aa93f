import { featureUses } from '../cni/cni-features';
import { defineCheck } from '../engine/check';
import { Severity } from '../severity';

const PROBLEM = 'uses {{feature}}, which {{cni}} does not enforce as written: {{note}} (see {{source}})';

/** A feature the declared CNI is known not to enforce (as written): endPort, SCTP or named ports. */
export const cniUnsupportedFeature = defineCheck({
  code: 'cni-unsupported-feature',
  description: 'A feature (endPort, SCTP, named ports) that the declared CNI is known not to enforce as written.',
  defaultSeverity: Severity.WARNING,
  messages: {
    endPort: { problem: PROBLEM, fix: 'List the ports one by one, or make sure the CNI version supports endPort' },
    namedPorts: { problem: PROBLEM, fix: 'Use the port number' },
    sctp: { problem: PROBLEM, fix: 'Enable and verify SCTP support in the CNI, or avoid SCTP rules' },
  },
  check: (context) => featureUses(context, 'unsupported').map((use) => ({
    doc: use.doc,
    field: use.field,
    messageId: use.feature === 'endPort' ? 'endPort' : use.feature === 'named ports' ? 'namedPorts' : 'sctp',
    data: { feature: use.feature, cni: context.cni.enforcer.id, note: use.fact.note, source: use.fact.sources[0] },
    got: use.got,
  })),
});
