import { Testing } from 'cdk8s';
import { AllowSameNamespace, LabelSelector, Port } from '../../src';
import { networkPolicyApiErrors } from '../api-rules';
import { ErrorCode, problemOf } from '../problems';
import { allowedIn, API, DB, INTERNET, OTHER_WEB, PROMETHEUS, shopChart, tcp, udp, WEB } from '../util';

describe('AllowSameNamespace', () => {
  test('renders ingress from podSelector {} of the own namespace', () => {
    // GIVEN
    const chart = shopChart();
    // WHEN
    new AllowSameNamespace(chart, 'Neighbours', { selector: LabelSelector.all() });
    // THEN
    const manifests = Testing.synth(chart);
    expect(manifests).toMatchSnapshot();
    expect(manifests[0].metadata).toMatchObject({ name: 'allow-same-namespace', namespace: 'shop' });
    expect(manifests[0].spec.ingress).toEqual([{ from: [{ podSelector: {} }] }]);
    expect(networkPolicyApiErrors(manifests[0])).toEqual([]);
  });

  test('allows pods of the namespace and denies other namespaces and external addresses', () => {
    // GIVEN
    const chart = shopChart();
    // WHEN
    new AllowSameNamespace(chart, 'Neighbours', { selector: LabelSelector.of({ labels: { app: 'db' } }), ports: [Port.POSTGRES] });
    // THEN
    expect(Testing.synth(chart)[0].metadata.name).toBe('db-allow-same-namespace');
    expect(allowedIn(chart, tcp(API, DB, 5432))).toBe(true);
    expect(allowedIn(chart, tcp(WEB, DB, 5432))).toBe(true);
    expect(allowedIn(chart, tcp(API, DB, 5433))).toBe(false);
    expect(allowedIn(chart, udp(API, DB, 5432))).toBe(false);
    expect(allowedIn(chart, tcp(OTHER_WEB, DB, 5432))).toBe(false);
    expect(allowedIn(chart, tcp(PROMETHEUS, DB, 5432))).toBe(false);
    expect(allowedIn(chart, tcp(INTERNET, DB, 5432))).toBe(false);
  });

  test('throws on a missing selector or empty ports', () => {
    // GIVEN
    const chart = shopChart();
    // WHEN / THEN
    expect(problemOf(() => new AllowSameNamespace(chart, 'NoTarget', {} as any))).toMatchObject({ code: ErrorCode.MISSING_VALUE, where: 'test/NoTarget', value: undefined });
    expect(problemOf(() => new AllowSameNamespace(chart, 'NoPorts', { selector: LabelSelector.all(), ports: [] }))).toMatchObject({ code: ErrorCode.EMPTY_LIST, where: 'test/NoPorts', value: [] });
  });
});
