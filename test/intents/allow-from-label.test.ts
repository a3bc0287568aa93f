import { Testing } from 'cdk8s';
import { AllowFromLabel, LabelSelector, NamespaceSelector, Port } from '../../src';
import { Endpoint, ReasonCode } from '../../src/analysis';
import { networkPolicyApiErrors } from '../api-rules';
import { ErrorCode, problemOf } from '../problems';
import { allowedIn, API, DB, INTERNET, OTHER_WEB, PROMETHEUS, reasonCodes, shopChart, tcp, udp, WEB } from '../util';

const API_PODS = LabelSelector.of({ labels: { app: 'api' } });
const WEB_PODS = LabelSelector.of({ labels: { app: 'web' } });
const PROMETHEUS_PODS = LabelSelector.of({ labels: { app: 'prometheus' } });

describe('AllowFromLabel', () => {
  test('renders ingress from labelled pods of the same namespace on the given port', () => {
    // GIVEN
    const chart = shopChart();
    // WHEN
    new AllowFromLabel(chart, 'WebToApi', { selector: API_PODS, sourceSelector: WEB_PODS, ports: [Port.tcp(8080)] });
    // THEN
    const manifests = Testing.synth(chart);
    expect(manifests).toMatchSnapshot();
    expect(manifests[0].metadata).toMatchObject({ name: 'api-allow-from-web', namespace: 'shop' });
    expect(manifests[0].spec.policyTypes).toEqual(['Ingress']);
    expect(manifests[0].spec.ingress).toEqual([{ from: [{ podSelector: { matchLabels: { app: 'web' } } }], ports: [{ port: 8080, protocol: 'TCP' }] }]);
    expect(networkPolicyApiErrors(manifests[0])).toEqual([]);
  });

  test('allows only the labelled pods of the namespace, only on the given port and protocol', () => {
    // GIVEN
    const chart = shopChart();
    // WHEN
    new AllowFromLabel(chart, 'WebToApi', { selector: API_PODS, sourceSelector: WEB_PODS, ports: [Port.tcp(8080)] });
    // THEN
    expect(allowedIn(chart, tcp(WEB, API, 8080))).toBe(true);
    expect(reasonCodes(chart, tcp(WEB, API, 9090))).toContain(ReasonCode.NO_RULE_MATCHES);
    expect(allowedIn(chart, udp(WEB, API, 8080))).toBe(false);
    expect(allowedIn(chart, tcp(OTHER_WEB, API, 8080))).toBe(false);
    expect(allowedIn(chart, tcp(DB, API, 8080))).toBe(false);
    expect(allowedIn(chart, tcp(INTERNET, API, 8080))).toBe(false);
    expect(allowedIn(chart, tcp(API, DB, 5432))).toBe(true);
  });

  test('a source namespace is ANDed with the source labels in one peer', () => {
    // GIVEN
    const chart = shopChart();
    // WHEN
    new AllowFromLabel(chart, 'Scrape', {
      selector: API_PODS, sourceSelector: PROMETHEUS_PODS, sourceNamespace: 'monitoring', ports: [Port.named('http')],
    });
    // THEN
    const [manifest] = Testing.synth(chart);
    expect(manifest.metadata.name).toBe('api-allow-from-monitoring-prometheus');
    expect(manifest.spec.ingress[0].from).toEqual([{
      namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'monitoring' } },
      podSelector: { matchLabels: { app: 'prometheus' } },
    }]);
    const otherPrometheus = Endpoint.pod({ namespace: 'shop', name: 'prometheus', labels: { app: 'prometheus' } });
    const otherMonitoring = Endpoint.pod({ namespace: 'monitoring', name: 'grafana', labels: { app: 'grafana' } });
    expect(allowedIn(chart, tcp(PROMETHEUS, API, 8080))).toBe(true);
    expect(allowedIn(chart, { source: PROMETHEUS, destination: API, portName: 'http' })).toBe(true);
    expect(allowedIn(chart, tcp(otherPrometheus, API, 8080))).toBe(false);
    expect(allowedIn(chart, tcp(otherMonitoring, API, 8080))).toBe(false);
    expect(allowedIn(chart, tcp(PROMETHEUS, API, 9090))).toBe(false);
  });

  test('a source namespace selector selects the namespaces by label', () => {
    // GIVEN
    const chart = shopChart();
    // WHEN
    new AllowFromLabel(chart, 'Scrape', {
      selector: API_PODS, sourceSelector: PROMETHEUS_PODS, sourceNamespaceSelector: NamespaceSelector.namedAnyOf(['monitoring', 'observability']),
    });
    // THEN
    const [manifest] = Testing.synth(chart);
    expect(manifest.metadata.name).toBe('api-allow-from-monitoring-observability-prometheus');
    expect(allowedIn(chart, tcp(PROMETHEUS, API, 8080))).toBe(true);
    expect(allowedIn(chart, tcp(Endpoint.pod({ namespace: 'other', labels: { app: 'prometheus' } }), API, 8080))).toBe(false);
  });

  test('throws when the target selector or the source selector is missing', () => {
    // GIVEN
    const chart = shopChart();
    // WHEN / THEN
    expect(problemOf(() => new AllowFromLabel(chart, 'NoTarget', { sourceSelector: WEB_PODS } as any))).toMatchObject({ code: ErrorCode.MISSING_VALUE, where: 'test/NoTarget', value: undefined });
    expect(problemOf(() => new AllowFromLabel(chart, 'NoSource', { selector: API_PODS } as any))).toMatchObject({ code: ErrorCode.MISSING_VALUE, where: 'test/NoSource', value: undefined });
  });

  test('throws on an empty ports list, two source namespaces or a bad namespace name', () => {
    // GIVEN
    const chart = shopChart();
    // WHEN / THEN
    expect(problemOf(() => new AllowFromLabel(chart, 'NoPorts', { selector: API_PODS, sourceSelector: WEB_PODS, ports: [] }))).toMatchObject({ code: ErrorCode.EMPTY_LIST, where: 'test/NoPorts', value: [] });
    expect(problemOf(() => new AllowFromLabel(chart, 'Both', {
      selector: API_PODS, sourceSelector: WEB_PODS, sourceNamespace: 'a', sourceNamespaceSelector: NamespaceSelector.named('b'),
    }))).toMatchObject({ code: ErrorCode.CONFLICTING_OPTIONS, where: 'test/Both', value: { sourceNamespace: 'a', sourceNamespaceSelector: 'kubernetes.io/metadata.name=b' } });
    expect(problemOf(() => new AllowFromLabel(chart, 'BadNs', { selector: API_PODS, sourceSelector: WEB_PODS, sourceNamespace: 'Team.A' }))).toMatchObject({ code: ErrorCode.INVALID_NAME, where: 'test/BadNs', value: 'Team.A' });
  });
});
