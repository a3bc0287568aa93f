import { Testing } from 'cdk8s';
import { AllowKubeApiEgress, LabelSelector, Port, Workload } from '../../src';
import { Endpoint } from '../../src/analysis';
import { networkPolicyApiErrors } from '../api-rules';
import { ErrorCode, problemOf } from '../problems';
import { allowedIn, INTERNET, KUBE_DNS, unlintedShopChart, tcp, udp } from '../util';

const OPERATOR = LabelSelector.of({ labels: { app: 'operator' } });
const OPERATOR_POD = Endpoint.pod({ namespace: 'shop', name: 'operator', labels: { app: 'operator' } });
const API_SERVER = Endpoint.ip('10.0.0.10');

describe('AllowKubeApiEgress', () => {
  test('renders egress to the API server addresses on TCP 443 and 6443', () => {
    // GIVEN
    const chart = unlintedShopChart();
    // WHEN
    new AllowKubeApiEgress(chart, 'KubeApi', { selector: OPERATOR, cidrs: ['10.0.0.10/32', '10.0.0.11/32'] });
    // THEN
    const manifests = Testing.synth(chart);
    expect(manifests).toMatchSnapshot();
    expect(manifests[0].metadata).toMatchObject({ name: 'operator-allow-kube-api-egress', namespace: 'shop' });
    expect(manifests[0].spec.egress[0].ports).toEqual([{ port: 443, protocol: 'TCP' }, { port: 6443, protocol: 'TCP' }]);
    expect(networkPolicyApiErrors(manifests[0])).toEqual([]);
  });

  test('allows the API server on 443 and 6443 only', () => {
    // GIVEN
    const chart = unlintedShopChart();
    // WHEN
    new AllowKubeApiEgress(chart, 'KubeApi', { selector: OPERATOR, cidrs: ['10.0.0.10/32'] });
    // THEN
    expect(allowedIn(chart, tcp(OPERATOR_POD, API_SERVER, 443))).toBe(true);
    expect(allowedIn(chart, tcp(OPERATOR_POD, API_SERVER, 6443))).toBe(true);
    expect(allowedIn(chart, tcp(OPERATOR_POD, API_SERVER, 80))).toBe(false);
    expect(allowedIn(chart, udp(OPERATOR_POD, API_SERVER, 443))).toBe(false);
    expect(allowedIn(chart, tcp(OPERATOR_POD, Endpoint.ip('10.0.0.11'), 443))).toBe(false);
    expect(allowedIn(chart, tcp(OPERATOR_POD, INTERNET, 443))).toBe(false);
    expect(allowedIn(chart, udp(OPERATOR_POD, KUBE_DNS, 53))).toBe(false);
  });

  test('ports replace the default ports', () => {
    // GIVEN
    const chart = unlintedShopChart();
    // WHEN
    new AllowKubeApiEgress(chart, 'KubeApi', { selector: OPERATOR, cidrs: ['10.0.0.10/32'], ports: [Port.tcp(8443)] });
    // THEN
    expect(allowedIn(chart, tcp(OPERATOR_POD, API_SERVER, 8443))).toBe(true);
    expect(allowedIn(chart, tcp(OPERATOR_POD, API_SERVER, 443))).toBe(false);
  });

  test('takes the API server addresses as a workload, meaning what its CIDR means', () => {
    // GIVEN
    const chart = unlintedShopChart();
    const apiServer = Workload.fromCidr(chart, 'ApiServer', { cidr: '10.0.0.10/32' });
    const operator = Workload.fromLabels(chart, 'Operator', { labels: { app: 'operator' } });
    // WHEN
    new AllowKubeApiEgress(chart, 'Api', { selector: operator, workloads: [apiServer] });
    // THEN
    const manifests = Testing.synth(chart);
    expect(manifests).toMatchSnapshot();
    expect(manifests[0].metadata.name).toBe('operator-allow-kube-api-egress');
    expect(manifests[0].spec.egress[0].to).toEqual([{ ipBlock: { cidr: '10.0.0.10/32' } }]);
    expect(networkPolicyApiErrors(manifests[0])).toEqual([]);
    expect(allowedIn(chart, tcp(OPERATOR_POD, API_SERVER, 443))).toBe(true);
    expect(allowedIn(chart, tcp(OPERATOR_POD, API_SERVER, 6443))).toBe(true);
    expect(allowedIn(chart, tcp(OPERATOR_POD, API_SERVER, 80))).toBe(false);
    expect(allowedIn(chart, tcp(OPERATOR_POD, INTERNET, 443))).toBe(false);
    expect(problemOf(() => new AllowKubeApiEgress(chart, 'Pods', { selector: OPERATOR, workloads: [operator] })))
      .toMatchObject({ code: ErrorCode.PEER_NOT_ALLOWED, where: 'test/Pods', value: 'operator' });
  });

  test('throws when the CIDRs are missing, empty or invalid, or ports are empty', () => {
    // GIVEN
    const chart = unlintedShopChart();
    // WHEN / THEN
    expect(problemOf(() => new AllowKubeApiEgress(chart, 'NoCidrs', { selector: OPERATOR } as any))).toMatchObject({ code: ErrorCode.EMPTY_LIST, where: 'test/NoCidrs', value: undefined });
    expect(problemOf(() => new AllowKubeApiEgress(chart, 'Empty', { selector: OPERATOR, cidrs: [] }))).toMatchObject({ code: ErrorCode.EMPTY_LIST, where: 'test/Empty', value: [] });
    expect(problemOf(() => new AllowKubeApiEgress(chart, 'Host', { selector: OPERATOR, cidrs: ['10.0.0.10'] }))).toMatchObject({ code: ErrorCode.INVALID_CIDR, where: 'Peer.ipBlock()', value: '10.0.0.10' });
    expect(problemOf(() => new AllowKubeApiEgress(chart, 'NoPorts', { selector: OPERATOR, cidrs: ['10.0.0.10/32'], ports: [] }))).toMatchObject({ code: ErrorCode.EMPTY_LIST, where: 'test/NoPorts', value: [] });
  });
});
