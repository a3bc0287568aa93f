import { Cni } from '../../../src/lint';
import { netpol } from '../../util';
import { checkCases, pods } from '../lint-cases';

const RANGE = netpol('shop', 'api', { ingress: [{ from: [pods('web')], ports: [{ port: 8000, endPort: 8999 }] }] });

checkCases('cni-unconfirmed-feature', [
  { name: 'fires for endPort on Weave Net, whose support is unconfirmed', manifests: [RANGE], options: { cni: Cni.WEAVE_NET }, fields: ['spec.ingress[0].ports[0]'] },
  { name: 'does not fire for endPort on Calico, which supports it', manifests: [RANGE], options: { cni: Cni.CALICO }, fields: [] },
]);
