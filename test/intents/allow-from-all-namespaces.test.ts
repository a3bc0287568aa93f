import { Testing } from 'cdk8s';
import { AllowFromAllNamespaces, LabelSelector, Port } from '../../src';
import { networkPolicyApiErrors } from '../api-rules';
import { ErrorCode, problemOf } from '../problems';
import { allowedIn, API, INTERNET, OTHER_WEB, PROMETHEUS, shopChart, tcp, udp, WEB } from '../util';

const API_PODS = LabelSelector.of({ labels: { app: 'api' } });

describe('AllowFromAllNamespaces', () => {
  test('renders ingress from namespaceSelector {}', () => {
    // GIVEN
    const chart = shopChart();
    // WHEN
    new AllowFromAllNamespaces(chart, 'Shared', { selector: API_PODS, ports: [Port.tcp(8080)] });
    // THEN
    const manifests = Testing.synth(chart);
    expect(manifests).toMatchSnapshot();
    expect(manifests[0].metadata).toMatchObject({ name: 'api-allow-from-all-namespaces', namespace: 'shop' });
    expect(manifests[0].spec.ingress[0].from).toEqual([{ namespaceSelector: {} }]);
    expect(networkPolicyApiErrors(manifests[0])).toEqual([]);
  });

  test('allows pods of every namespace on the port, but not external addresses or other ports', () => {
    // GIVEN
    const chart = shopChart();
    // WHEN
    new AllowFromAllNamespaces(chart, 'Shared', { selector: API_PODS, ports: [Port.tcp(8080)] });
    // THEN
    expect(allowedIn(chart, tcp(WEB, API, 8080))).toBe(true);
    expect(allowedIn(chart, tcp(OTHER_WEB, API, 8080))).toBe(true);
    expect(allowedIn(chart, tcp(PROMETHEUS, API, 8080))).toBe(true);
    expect(allowedIn(chart, tcp(INTERNET, API, 8080))).toBe(false);
    expect(allowedIn(chart, tcp(OTHER_WEB, API, 9090))).toBe(false);
    expect(allowedIn(chart, udp(OTHER_WEB, API, 8080))).toBe(false);
  });

  test('throws on a missing selector or empty ports', () => {
    // GIVEN
    const chart = shopChart();
    // WHEN / THEN
    expect(problemOf(() => new AllowFromAllNamespaces(chart, 'NoTarget', {} as any))).toMatchObject({ code: ErrorCode.MISSING_VALUE, where: 'test/NoTarget', value: undefined });
    expect(problemOf(() => new AllowFromAllNamespaces(chart, 'NoPorts', { selector: API_PODS, ports: [] }))).toMatchObject({ code: ErrorCode.EMPTY_LIST, where: 'test/NoPorts', value: [] });
    expect(problemOf(() => new AllowFromAllNamespaces(chart, 'BadPort', { selector: API_PODS, ports: [8080 as any] })))
      .toMatchObject({ code: ErrorCode.WRONG_TYPE, where: 'test/BadPort', problem: 'ports[0] must be a Port', value: 8080 });
  });
});
