/**
 * The library's own intents never trigger the library's own lint: each intent lints clean on its own, or, when
 * it isolates egress without allowing DNS (which the lint rightly reports as blocking DNS), together with an
 * AllowDnsEgress for the namespace.
 */
import { Chart, Testing } from 'cdk8s';
import {
  AllowAllEgress, AllowAllIngress, AllowDnsEgress, AllowDnsHttpsEgress, AllowEgressToCidr, AllowExternalIngress,
  AllowFromAllNamespaces, AllowFromLabel, AllowFromNamespace, AllowInClusterEgress, AllowIngressFromCidr,
  AllowKubeApiEgress, AllowPublicEgress, AllowSameNamespace, DenyAll, DenyAllEgress, DenyAllIngress,
  DenyExternalEgress, DnsProfile, LabelSelector, Linter, NamespaceBaseline, Peer, Port,
} from '../../src';
import { unlintedApp } from '../util';

const WEB = LabelSelector.of({ labels: { app: 'web' } });
const API = LabelSelector.of({ labels: { app: 'api' } });

const INTENTS: Array<[string, (chart: Chart) => void]> = [
  ['DenyAllIngress', (c) => new DenyAllIngress(c, 'Intent')],
  ['DenyAllEgress', (c) => new DenyAllEgress(c, 'Intent')],
  ['DenyAll', (c) => new DenyAll(c, 'Intent')],
  ['AllowAllIngress', (c) => new AllowAllIngress(c, 'Intent', { selector: WEB })],
  ['AllowAllEgress', (c) => new AllowAllEgress(c, 'Intent', { selector: WEB })],
  ['AllowFromLabel', (c) => new AllowFromLabel(c, 'Intent', { selector: WEB, sourceSelector: API, ports: [Port.tcp(8080)] })],
  ['AllowFromLabel across namespaces', (c) => new AllowFromLabel(c, 'Intent', { selector: WEB, sourceSelector: API, sourceNamespace: 'front' })],
  ['AllowFromNamespace', (c) => new AllowFromNamespace(c, 'Intent', { selector: WEB, namespaces: ['monitoring'] })],
  ['AllowFromAllNamespaces', (c) => new AllowFromAllNamespaces(c, 'Intent', { selector: WEB })],
  ['AllowSameNamespace', (c) => new AllowSameNamespace(c, 'Intent', { selector: WEB })],
  ['AllowExternalIngress', (c) => new AllowExternalIngress(c, 'Intent', { selector: WEB, ports: [Port.HTTPS] })],
  ['AllowDnsEgress', (c) => new AllowDnsEgress(c, 'Intent', { selector: WEB })],
  ['AllowDnsEgress with node-local DNS', (c) => new AllowDnsEgress(c, 'Intent', { selector: WEB, dns: DnsProfile.nodeLocal() })],
  ['AllowDnsHttpsEgress', (c) => new AllowDnsHttpsEgress(c, 'Intent', { selector: WEB })],
  ['AllowDnsHttpsEgress to given peers', (c) => new AllowDnsHttpsEgress(c, 'Intent', { selector: WEB, httpsDestinations: [Peer.anyIpv4()] })],
  ['AllowEgressToCidr', (c) => new AllowEgressToCidr(c, 'Intent', { selector: WEB, cidrs: ['203.0.113.0/24'], ports: [Port.HTTPS] })],
  ['AllowIngressFromCidr', (c) => new AllowIngressFromCidr(c, 'Intent', { selector: WEB, cidrs: ['203.0.113.0/24'] })],
  ['AllowPublicEgress', (c) => new AllowPublicEgress(c, 'Intent', { selector: WEB, ports: [Port.HTTPS] })],
  ['AllowInClusterEgress', (c) => new AllowInClusterEgress(c, 'Intent', { selector: WEB })],
  ['DenyExternalEgress', (c) => new DenyExternalEgress(c, 'Intent')],
  ['DenyExternalEgress with node-local DNS', (c) => new DenyExternalEgress(c, 'Intent', { dns: DnsProfile.nodeLocal() })],
  ['AllowKubeApiEgress', (c) => new AllowKubeApiEgress(c, 'Intent', { selector: WEB, cidrs: ['203.0.113.10/32'] })],
  ['NamespaceBaseline', (c) => new NamespaceBaseline(c, 'Intent')],
  ['NamespaceBaseline with same-namespace traffic', (c) => new NamespaceBaseline(c, 'Intent', { allowSameNamespace: true })],
];

describe('every intent lints clean', () => {
  test.each(INTENTS)('%s', (_name, intent) => {
    // GIVEN
    const alone = new Chart(unlintedApp(), 'shop', { namespace: 'shop' }); // linted below, by Linter
    const withDns = new Chart(Testing.app(), 'shop', { namespace: 'shop' }); // also passes the default lint at synth
    new AllowDnsEgress(withDns, 'Dns', { name: 'dns', selector: LabelSelector.all() });
    // WHEN
    intent(alone);
    intent(withDns);
    const findings = Linter.lintManifests(Testing.synth(alone));
    // THEN
    const blocksDns = findings.length > 0 && findings.every((f) => f.code === 'egress-blocks-dns');
    const left = blocksDns ? Linter.lintManifests(Testing.synth(withDns)) : findings;
    expect(left.map((f) => `${f.code}: ${f.message}`)).toEqual([]);
  });

  test('the lint does find a warning in a hand-written rule of that shape, so the test above can fail', () => {
    // GIVEN
    const chart = new Chart(Testing.app(), 'shop', { namespace: 'shop' });
    new AllowDnsEgress(chart, 'Dns', { name: 'dns', selector: LabelSelector.all() });
    // WHEN
    new AllowEgressToCidr(chart, 'Https', { selector: WEB, cidrs: ['0.0.0.0/0'], ports: [Port.HTTPS] })
      .addEgressRule({ peers: [Peer.any()], ports: [Port.HTTPS] });
    // THEN
    expect(Linter.lintManifests(Testing.synth(chart)).map((f) => f.code)).toContain('egress-ports-without-destinations');
  });
});
