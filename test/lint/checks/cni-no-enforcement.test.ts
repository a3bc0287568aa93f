import { Cni } from '../../../src/lint';
import { netpol } from '../../util';
import { checkCases } from '../lint-cases';

const POLICY = netpol('shop', 'api', {});

checkCases('cni-no-enforcement', [
  { name: 'fires for Flannel', manifests: [POLICY], options: { cni: Cni.FLANNEL }, fields: [''] },
  { name: 'fires for Multus delegating to Flannel', manifests: [POLICY], options: { cni: Cni.multus(Cni.FLANNEL) }, fields: [''] },
  { name: 'does not fire for Canal', manifests: [POLICY], options: { cni: Cni.CANAL }, fields: [] },
  { name: 'does not fire when there are no policies', manifests: [], options: { cni: Cni.FLANNEL }, fields: [] },
]);
