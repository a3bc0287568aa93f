import { defineCheck } from '../engine/check';
import { allRules } from '../engine/rule-walk';
import { Severity } from '../severity';

/** An egress rule that limits ports but not destinations: any address on the internet, on those ports. */
export const egressPortsWithoutDestinations = defineCheck({
  code: 'egress-ports-without-destinations',
  description: 'An egress rule with ports but no destinations: it allows every destination on those ports.',
  defaultSeverity: Severity.WARNING,
  messages: {
    everyDestination: {
      problem: 'limits ports but not destinations, so it allows every destination (any pod, any address) on those ports',
      fix: 'Add "to" peers (e.g. Peer.anyIpv4() for the internet only, or the pods meant); if every destination is really meant, annotate the policy cdk8s-netpol.dev/lint: "egress-ports-without-destinations=off"',
    },
  },
  check: (context) => allRules(context.docs)
    .filter((at) => at.direction === 'Egress' && at.rule.ports !== undefined && at.rule.peers === undefined)
    .map((at) => ({
      doc: at.doc,
      field: at.path,
      messageId: 'everyDestination',
      got: at.rule.ports!.map((p) => `${p.protocol}/${p.port ?? p.portName ?? '*'}${p.endPort === undefined ? '' : `-${p.endPort}`}`),
    })),
});
