import { Testing } from 'cdk8s';
import { AllowFromNamespace, LabelSelector, Port } from '../../src';
import { Endpoint } from '../../src/analysis';
import { networkPolicyApiErrors } from '../api-rules';
import { ErrorCode, problemOf } from '../problems';
import { allowedIn, API, INTERNET, OTHER_WEB, PROMETHEUS, shopChart, tcp, udp, WEB } from '../util';

const API_PODS = LabelSelector.of({ labels: { app: 'api' } });

describe('AllowFromNamespace', () => {
  test('renders ingress from every pod of the named namespaces', () => {
    // GIVEN
    const chart = shopChart();
    // WHEN
    new AllowFromNamespace(chart, 'FromMonitoring', { selector: API_PODS, namespaces: ['monitoring', 'logging'], ports: [Port.tcp(8080)] });
    // THEN
    const manifests = Testing.synth(chart);
    expect(manifests).toMatchSnapshot();
    expect(manifests[0].metadata).toMatchObject({ name: 'api-allow-from-namespace-logging-monitoring', namespace: 'shop' });
    expect(manifests[0].spec.ingress[0].from).toHaveLength(2);
    expect(networkPolicyApiErrors(manifests[0])).toEqual([]);
  });

  test('allows every pod of those namespaces on the port, and nothing else', () => {
    // GIVEN
    const chart = shopChart();
    // WHEN
    new AllowFromNamespace(chart, 'FromMonitoring', { selector: API_PODS, namespaces: ['monitoring'], ports: [Port.tcp(8080)] });
    // THEN
    const grafana = Endpoint.pod({ namespace: 'monitoring', labels: { app: 'grafana' } });
    expect(allowedIn(chart, tcp(PROMETHEUS, API, 8080))).toBe(true);
    expect(allowedIn(chart, tcp(grafana, API, 8080))).toBe(true);
    expect(allowedIn(chart, tcp(PROMETHEUS, API, 8081))).toBe(false);
    expect(allowedIn(chart, udp(PROMETHEUS, API, 8080))).toBe(false);
    expect(allowedIn(chart, tcp(WEB, API, 8080))).toBe(false);
    expect(allowedIn(chart, tcp(OTHER_WEB, API, 8080))).toBe(false);
    expect(allowedIn(chart, tcp(INTERNET, API, 8080))).toBe(false);
  });

  test('selects the namespaces by label with namespaceSelector', () => {
    // GIVEN
    const chart = shopChart();
    // WHEN
    new AllowFromNamespace(chart, 'FromTeam', { selector: API_PODS, namespaceSelector: LabelSelector.of({ labels: { team: 'payments' } }) });
    // THEN
    const [manifest] = Testing.synth(chart);
    expect(manifest.metadata.name).toBe('api-allow-from-namespace-payments');
    const inTeam = Endpoint.pod({ namespace: 'billing', labels: { app: 'x' }, namespaceLabels: { team: 'payments' } });
    const outside = Endpoint.pod({ namespace: 'billing', labels: { app: 'x' }, namespaceLabels: { team: 'shop' } });
    expect(allowedIn(chart, tcp(inTeam, API, 1234))).toBe(true);
    expect(allowedIn(chart, tcp(outside, API, 1234))).toBe(false);
  });

  test('throws unless exactly one of namespaces and namespaceSelector is given', () => {
    // GIVEN
    const chart = shopChart();
    // WHEN / THEN
    expect(problemOf(() => new AllowFromNamespace(chart, 'None', { selector: API_PODS }))).toMatchObject({ code: ErrorCode.CONFLICTING_OPTIONS, where: 'test/None', value: {} });
    expect(problemOf(() => new AllowFromNamespace(chart, 'Both', { selector: API_PODS, namespaces: ['a'], namespaceSelector: LabelSelector.all() }))).toMatchObject({ code: ErrorCode.CONFLICTING_OPTIONS, where: 'test/Both', value: { namespaces: ['a'], namespaceSelector: '<all>' } });
  });

  test('throws on an empty or invalid namespace list, empty ports or a missing selector', () => {
    // GIVEN
    const chart = shopChart();
    // WHEN / THEN
    expect(problemOf(() => new AllowFromNamespace(chart, 'Empty', { selector: API_PODS, namespaces: [] }))).toMatchObject({ code: ErrorCode.EMPTY_LIST, where: 'test/Empty', value: [] });
    expect(problemOf(() => new AllowFromNamespace(chart, 'BadName', { selector: API_PODS, namespaces: ['Prod'] }))).toMatchObject({ code: ErrorCode.INVALID_NAME, where: 'test/BadName', value: 'Prod' });
    expect(problemOf(() => new AllowFromNamespace(chart, 'NoPorts', { selector: API_PODS, namespaces: ['a'], ports: [] }))).toMatchObject({ code: ErrorCode.EMPTY_LIST, where: 'test/NoPorts', value: [] });
    expect(problemOf(() => new AllowFromNamespace(chart, 'NoTarget', { namespaces: ['a'] } as any))).toMatchObject({ code: ErrorCode.MISSING_VALUE, where: 'test/NoTarget', value: undefined });
  });
});
