import { Cni } from '../../src/lint';
import { ErrorCode, problemOf } from '../problems';

describe('Cni', () => {
  test('names Multus with its delegate, which enforces policies', () => {
    // WHEN
    const cni = Cni.multus(Cni.CILIUM);
    // THEN
    expect(cni.id).toBe('multus:cilium');
    expect(cni.enforcer).toBe(Cni.CILIUM);
    expect(Cni.CALICO.enforcer).toBe(Cni.CALICO);
  });

  test('parses names as a CLI flag gives them', () => {
    expect(Cni.named('Calico')).toBe(Cni.CALICO);
    expect(Cni.named('weave')).toBe(Cni.WEAVE_NET);
    expect(Cni.named('multus:canal').id).toBe('multus:canal');
    expect(Cni.named('multus:canal').enforcer).toBe(Cni.CANAL);
  });

  test('throws for an unknown name, listing the known ones', () => {
    expect(problemOf(() => Cni.named('kube-router'))).toMatchObject({ code: ErrorCode.UNKNOWN_VALUE, where: 'Cni.named()', value: 'kube-router' });
  });

  test('throws for Multus delegating to Multus', () => {
    expect(problemOf(() => Cni.multus(Cni.multus(Cni.CALICO)))).toMatchObject({ code: ErrorCode.MULTUS_DELEGATE, where: 'Cni.multus()', value: 'multus:calico' });
  });
});

describe('Cni with a release', () => {
  test('carries the version and the switch, and the name stays the id', () => {
    // WHEN
    const calico = Cni.of('Calico', { version: 'v3.31.2' });
    const cilium = Cni.of('cilium', { version: '1.20', clusterPoliciesEnabled: true });
    // THEN
    expect(calico.id).toBe('calico');
    expect(calico.version).toBe('3.31.2');
    expect(calico.toString()).toBe('calico@3.31.2');
    expect(cilium.clusterPoliciesEnabled).toBe(true);
    expect(Cni.multus(cilium).toString()).toBe('multus:cilium@1.20');
    expect(Cni.multus(cilium).enforcer).toBe(cilium);
  });

  test('without options is the constant', () => {
    expect(Cni.of('antrea')).toBe(Cni.ANTREA);
    expect(Cni.of('OVN-Kubernetes', {})).toBe(Cni.OVN_KUBERNETES);
    expect(Cni.of('kube-network-policies')).toBe(Cni.KUBE_NETWORK_POLICIES);
    expect(Cni.of('kube-ovn')).toBe(Cni.KUBE_OVN);
  });

  test('parses name@version as a CLI flag gives it', () => {
    expect(Cni.named('calico@3.32').version).toBe('3.32');
    expect(Cni.named('multus:cilium@1.19').enforcer.version).toBe('1.19');
    expect(Cni.named('kube-ovn').id).toBe('kube-ovn');
  });

  test.each([
    ['a version without a minor', () => Cni.of('calico', { version: '3' }), ErrorCode.INVALID_VERSION, 'Cni.of()', '3'],
    ['a version with text', () => Cni.of('calico', { version: '3.32-rc1' }), ErrorCode.INVALID_VERSION, 'Cni.of()', '3.32-rc1'],
    ['a bad version in text', () => Cni.named('calico@latest'), ErrorCode.INVALID_VERSION, 'Cni.named()', 'latest'],
    ['a version for the undeclared CNI', () => Cni.of('unknown', { version: '1.0' }), ErrorCode.CONFLICTING_OPTIONS, 'Cni.of()', { version: '1.0' }],
    ['a version for the undeclared CNI in text', () => Cni.named('unknown@1.0'), ErrorCode.CONFLICTING_OPTIONS, 'Cni.named()', 'unknown@1.0'],
    ['Multus by name', () => Cni.of('multus'), ErrorCode.UNKNOWN_VALUE, 'Cni.of()', 'multus'],
    ['a number for the version', () => Cni.of('calico', { version: 3.32 as any }), ErrorCode.WRONG_TYPE, 'Cni.of()', 3.32],
    ['an unknown option', () => Cni.of('calico', { versoin: '3.32' } as any), ErrorCode.UNKNOWN_FIELD, 'Cni.of()', 'versoin'],
  ])('throws for %s', (_name, call, code, where, value) => {
    expect(problemOf(call)).toMatchObject({ code, where, value });
  });
});
