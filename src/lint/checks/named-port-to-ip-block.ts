import { defineCheck } from '../engine/check';
import { allRules } from '../engine/rule-walk';
import { Severity } from '../severity';

/** An egress named port resolves on the destination pod; an ipBlock destination has no container ports. */
export const namedPortToIpBlock = defineCheck({
  code: 'named-port-to-ip-block',
  description: 'An egress rule with a named port toward ipBlock peers: a name never matches an address.',
  defaultSeverity: Severity.WARNING,
  messages: {
    neverMatches: {
      problem: 'is a named port in a rule with ipBlock destinations; names resolve on destination pods, so it never matches those addresses',
      fix: 'Use the port number (Port.tcp(443)) for ipBlock destinations, or split the rule',
    },
  },
  check: (context) => allRules(context.docs)
    .filter((at) => at.direction === 'Egress' && (at.rule.peers ?? []).some((p) => p.ipBlock !== undefined))
    .flatMap((at) => (at.rule.ports ?? []).map((port, i) => ({ at, port, i })).filter(({ port }) => port.portName !== undefined))
    .map(({ at, port, i }) => ({
      doc: at.doc,
      field: `${at.path}.ports[${i}]`,
      messageId: 'neverMatches',
      got: port.portName,
    })),
});
