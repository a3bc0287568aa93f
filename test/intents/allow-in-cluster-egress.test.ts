import { Testing } from 'cdk8s';
import { AllowInClusterEgress, LabelSelector, Port } from '../../src';
import { networkPolicyApiErrors } from '../api-rules';
import { ErrorCode, problemOf } from '../problems';
import { allowedIn, API, DB, INTERNET, KUBE_DNS, OTHER_WEB, PROMETHEUS, shopChart, tcp, udp, WEB } from '../util';

const API_PODS = LabelSelector.of({ labels: { app: 'api' } });

describe('AllowInClusterEgress', () => {
  test('renders egress to namespaceSelector {}', () => {
    // GIVEN
    const chart = shopChart();
    // WHEN
    new AllowInClusterEgress(chart, 'Internal', { selector: API_PODS });
    // THEN
    const manifests = Testing.synth(chart);
    expect(manifests).toMatchSnapshot();
    expect(manifests[0].metadata).toMatchObject({ name: 'api-allow-in-cluster-egress', namespace: 'shop' });
    expect(manifests[0].spec.egress).toEqual([{ to: [{ namespaceSelector: {} }] }]);
    expect(networkPolicyApiErrors(manifests[0])).toEqual([]);
  });

  test('allows every pod of every namespace and no external address', () => {
    // GIVEN
    const chart = shopChart();
    // WHEN
    new AllowInClusterEgress(chart, 'Internal', { selector: API_PODS });
    // THEN
    expect(allowedIn(chart, tcp(API, DB, 5432))).toBe(true);
    expect(allowedIn(chart, tcp(API, OTHER_WEB, 80))).toBe(true);
    expect(allowedIn(chart, udp(API, KUBE_DNS, 53))).toBe(true);
    expect(allowedIn(chart, tcp(API, INTERNET, 443))).toBe(false);
    expect(allowedIn(chart, tcp(WEB, INTERNET, 443))).toBe(true);
  });

  test('ports narrow the allowed egress', () => {
    // GIVEN
    const chart = shopChart();
    // WHEN
    new AllowInClusterEgress(chart, 'Internal', { selector: API_PODS, ports: [Port.POSTGRES] });
    // THEN
    expect(allowedIn(chart, tcp(API, DB, 5432))).toBe(true);
    expect(allowedIn(chart, tcp(API, PROMETHEUS, 9090))).toBe(false);
    expect(allowedIn(chart, udp(API, DB, 5432))).toBe(false);
  });

  test('throws on a missing selector or empty ports', () => {
    // GIVEN
    const chart = shopChart();
    // WHEN / THEN
    expect(problemOf(() => new AllowInClusterEgress(chart, 'NoTarget', {} as any))).toMatchObject({ code: ErrorCode.MISSING_VALUE, where: 'test/NoTarget', value: undefined });
    expect(problemOf(() => new AllowInClusterEgress(chart, 'NoPorts', { selector: API_PODS, ports: [] }))).toMatchObject({ code: ErrorCode.EMPTY_LIST, where: 'test/NoPorts', value: [] });
  });
});
