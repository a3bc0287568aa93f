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
