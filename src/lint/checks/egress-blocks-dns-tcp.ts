import { Protocol } from '../../protocol';
import { defineCheck } from '../engine/check';
import { Severity } from '../severity';
import { BLOCKED_DNS_MESSAGES, blockedDnsReports, dnsAllowed } from './egress-blocks-dns';

/** DNS over UDP allowed but not over TCP: answers over 512 bytes (and truncated ones) then fail. */
export const egressBlocksDnsTcp = defineCheck({
  code: 'egress-blocks-dns-tcp',
  description: 'Egress isolation that allows DNS over UDP 53 but not over TCP 53, which large answers need.',
  defaultSeverity: Severity.WARNING,
  messages: BLOCKED_DNS_MESSAGES,
  check: (context) => blockedDnsReports(context, Protocol.TCP, (pod) => dnsAllowed(context, pod, Protocol.UDP)),
});
