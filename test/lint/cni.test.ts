import { Cni } from '../../src/lint';

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
    expect(() => Cni.named('kube-router')).toThrow(/\[Cni.named\(\)\] is not a known CNI \(got "kube-router"\)\. Use one of calico, cilium/);
  });

  test('throws for Multus delegating to Multus', () => {
    expect(() => Cni.multus(Cni.multus(Cni.CALICO))).toThrow(/delegate must not be Multus/);
  });
});
