import { Cni } from '../../../src/lint';
import { netpol } from '../../util';
import { checkCases, pods } from '../lint-cases';

const RANGE = netpol('shop', 'api', { ingress: [{ from: [pods('web')], ports: [{ port: 8000, endPort: 8999 }] }] });
const NAMED = netpol('shop', 'api', { ingress: [{ from: [pods('web')], ports: [{ port: 'http' }] }] });
const SCTP = netpol('shop', 'api', { ingress: [{ from: [pods('web')], ports: [{ protocol: 'SCTP', port: 9 }] }] });

checkCases('cni-unsupported-feature', [
  { name: 'fires for endPort on Cilium', manifests: [RANGE], options: { cni: Cni.CILIUM }, fields: ['spec.ingress[0].ports[0]'] },
  { name: 'fires for SCTP on Cilium', manifests: [SCTP], options: { cni: Cni.CILIUM }, fields: ['spec.ingress[0].ports[0]'] },
  { name: 'fires for named ports on Weave Net behind Multus', manifests: [NAMED], options: { cni: Cni.multus(Cni.WEAVE_NET) }, fields: ['spec.ingress[0].ports[0]'] },
  { name: 'does not fire for endPort on Calico', manifests: [RANGE], options: { cni: Cni.CALICO }, fields: [] },
  { name: 'does not fire without a declared CNI', manifests: [RANGE, NAMED], fields: [] },
]);
