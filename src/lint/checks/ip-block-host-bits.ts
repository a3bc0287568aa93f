import { Cidr } from '../../private/cidr';
import { defineCheck, Report } from '../engine/check';
import { PeerAt, allPeers } from '../engine/rule-walk';
import { Severity } from '../severity';

function report(at: PeerAt, field: string, cidr: Cidr): Array<Report<'hostBits'>> {
  if (!cidr.hostBits) {
    return [];
  }
  const address = cidr.written.slice(0, cidr.written.indexOf('/'));
  return [{
    doc: at.doc,
    field,
    messageId: 'hostBits',
    data: { network: cidr.text, host: `${address}/${cidr.family === 4 ? 32 : 128}` },
    got: cidr.written,
  }];
}

/** `10.0.0.1/8`: accepted by the API server (masked to 10.0.0.0/8), refused by the cdk8s-netpol constructs. */
export const ipBlockHostBits = defineCheck({
  code: 'ip-block-host-bits',
  description: 'An ipBlock cidr or except with bits set past its prefix length (10.0.0.1/8): read as the network, though one host may have been meant.',
  defaultSeverity: Severity.WARNING,
  messages: {
    hostBits: {
      problem: 'has bits set past its prefix length: Kubernetes reads it as the network {{network}}, and whether a network or one host was meant is unclear',
      fix: 'Write the network "{{network}}", or the single address "{{host}}"',
    },
  },
  check: (context) => allPeers(context.docs).flatMap((at) => {
    const block = at.peer.ipBlock;
    if (block === undefined) {
      return [];
    }
    return [
      ...report(at, `${at.peerPath}.ipBlock.cidr`, block.cidr),
      ...block.except.flatMap((e, i) => report(at, `${at.peerPath}.ipBlock.except[${i}]`, e)),
    ];
  }),
});
