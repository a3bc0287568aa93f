import { Cni } from '../../../src/lint';
import { netpol } from '../../util';
import { checkCases } from '../lint-cases';

checkCases('cni-multus-secondary-networks', [
  { name: 'fires for Multus', manifests: [netpol('shop', 'api', {})], options: { cni: Cni.multus(Cni.CALICO) }, fields: [''] },
  { name: 'does not fire for Calico alone', manifests: [netpol('shop', 'api', {})], options: { cni: Cni.CALICO }, fields: [] },
]);
