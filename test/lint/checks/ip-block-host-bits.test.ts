import { Linter } from '../../../src/lint';
import { netpol } from '../../util';
import { checkCases } from '../lint-cases';

const egressTo = (ipBlock: any) => netpol('shop', 'api', { policyTypes: ['Egress'], egress: [{ to: [{ ipBlock }] }] });

checkCases('ip-block-host-bits', [
  {
    name: 'fires for a cidr with host bits set',
    manifests: [egressTo({ cidr: '10.0.0.1/8' })],
    fields: ['spec.egress[0].to[0].ipBlock.cidr'],
  },
  {
    name: 'fires for an except entry with host bits set, and for IPv6',
    manifests: [egressTo({ cidr: '10.0.0.0/8', except: ['10.1.0.0/16', '10.2.3.4/16'] }), netpol('shop', 'v6', { ingress: [{ from: [{ ipBlock: { cidr: '2001:db8::1/64' } }] }] })],
    fields: ['spec.egress[0].to[0].ipBlock.except[1]', 'spec.ingress[0].from[0].ipBlock.cidr'],
  },
  {
    name: 'does not fire for networks and single addresses',
    manifests: [egressTo({ cidr: '10.0.0.0/8', except: ['10.1.2.3/32'] }), egressTo({ cidr: '0.0.0.0/0' })],
    fields: [],
  },
]);

test('the finding shows the CIDR as written and offers the network and the single address', () => {
  // GIVEN
  const manifests = [egressTo({ cidr: '10.0.0.1/8' })];
  // WHEN
  const findings = Linter.lintManifests(manifests).filter((f) => f.code === 'ip-block-host-bits');
  // THEN
  expect(findings.map((f) => f.severity)).toEqual(['warning']);
  expect(findings[0].message).toContain('(got "10.0.0.1/8")');
  expect(findings[0].message).toContain('"10.0.0.0/8"');
  expect(findings[0].message).toContain('"10.0.0.1/32"');
});
