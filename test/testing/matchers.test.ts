import { ApiObject, Testing } from 'cdk8s';
import { Endpoint, PolicyAnalyzer } from '../../src/analysis';
import { Protocol } from '../../src/protocol';
import { netpolMatchers, registerNetpolMatchers } from '../../src/testing/matchers';
import { API, INTERNET, netpol, WEB } from '../util';

expect.extend(netpolMatchers);

const ALLOW_WEB_TO_API = netpol('shop', 'api', {
  podSelector: { matchLabels: { app: 'api' } },
  policyTypes: ['Ingress'],
  ingress: [{ from: [{ podSelector: { matchLabels: { app: 'web' } } }], ports: [{ port: 8080 }] }],
});

describe('toAllowTraffic / toDenyTraffic', () => {
  test('pass on a manifest array when the verdict matches', () => {
    // GIVEN
    const manifests = [ALLOW_WEB_TO_API];
    // WHEN / THEN
    expect(manifests).toAllowTraffic({ from: WEB, to: API, port: 8080 });
    expect(manifests).toDenyTraffic({ from: WEB, to: API, port: 9090 });
    expect(manifests).toDenyTraffic({ from: INTERNET, to: API, port: 8080 });
  });

  test('pass on a chart and on an analyzer', () => {
    // GIVEN
    const chart = Testing.chart();
    new ApiObject(chart, 'Policy', ALLOW_WEB_TO_API);
    // WHEN / THEN
    expect(chart).toAllowTraffic({ from: WEB, to: API, portName: 'http' });
    expect(PolicyAnalyzer.fromChart(chart)).toDenyTraffic({ from: WEB, to: API, port: 8080, protocol: Protocol.UDP });
  });

  test('support .not', () => {
    // GIVEN
    const manifests = [ALLOW_WEB_TO_API];
    // WHEN / THEN
    expect(manifests).not.toDenyTraffic({ from: WEB, to: API, port: 8080 });
    expect(manifests).not.toAllowTraffic({ from: WEB, to: API, port: 22 });
  });

  test('fails with a message that includes the explanation', () => {
    // GIVEN
    const manifests = [ALLOW_WEB_TO_API];
    // WHEN
    const run = () => expect(manifests).toAllowTraffic({ from: WEB, to: API, port: 9090 });
    // THEN
    expect(run).toThrow(/Expected the connection to be allowed, but it is denied/);
    expect(run).toThrow(/DENIED: shop\/web -> shop\/api on TCP 9090/);
    expect(run).toThrow(/NO_RULE_MATCHES shop\/api/);
  });

  test('fails when a denial was expected and names the allowing rule', () => {
    // GIVEN
    const manifests = [ALLOW_WEB_TO_API];
    // WHEN
    const run = () => expect(manifests).toDenyTraffic({ from: WEB, to: API, port: 8080 });
    // THEN
    expect(run).toThrow(/Expected the connection to be denied, but it is allowed[\s\S]*ALLOWED_BY_RULE shop\/api#0/);
  });

  test('throws when the subject is neither a chart, manifests nor an analyzer', () => {
    // GIVEN
    const subject = 'dist/app.k8s.yaml';
    // WHEN
    const run = () => expect(subject).toAllowTraffic({ from: WEB, to: API, port: 80 });
    // THEN
    expect(run).toThrow(/^\[netpol matchers\] the subject must be a cdk8s Chart.*\(got "dist\/app\.k8s\.yaml"\)\. Pass chart/);
  });

  test('can be registered with one call', () => {
    // GIVEN
    const open = Endpoint.pod({ namespace: 'other', labels: { app: 'x' } });
    // WHEN
    registerNetpolMatchers();
    // THEN
    expect([]).toAllowTraffic({ from: open, to: open, port: 1 });
  });
});
