import { Cni } from '../../../src/lint';
import { netpol } from '../../util';
import { checkCases } from '../lint-cases';

function egressTo(ipBlock: any): any {
  return netpol('shop', 'api', { policyTypes: ['Egress'], egress: [{ to: [{ ipBlock }], ports: [{ port: 443 }] }] });
}

const CLUSTER = { clusterCidrs: ['10.244.0.0/16', '10.96.0.0/12'] };

checkCases('ip-block-overlaps-cluster', [
  { name: 'fires for 0.0.0.0/0 without the cluster ranges in except', manifests: [egressTo({ cidr: '0.0.0.0/0' })], options: CLUSTER, fields: ['spec.egress[0].to[0].ipBlock'] },
  {
    name: 'does not fire when the cluster ranges are excepted',
    manifests: [egressTo({ cidr: '0.0.0.0/0', except: ['10.244.0.0/16', '10.96.0.0/12'] })],
    options: CLUSTER,
    fields: [],
  },
  {
    name: 'fires on Calico, which admits the overlapped pods by address',
    manifests: [egressTo({ cidr: '10.0.0.0/8' })],
    options: { ...CLUSTER, cni: Cni.CALICO },
    fields: ['spec.egress[0].to[0].ipBlock'],
  },
  {
    name: 'fires on Cilium, where the overlapping part admits nothing',
    manifests: [egressTo({ cidr: '10.0.0.0/8' })],
    options: { ...CLUSTER, cni: Cni.CILIUM },
    fields: ['spec.egress[0].to[0].ipBlock'],
  },
  { name: 'does not fire without declared cluster CIDRs', manifests: [egressTo({ cidr: '0.0.0.0/0' })], fields: [] },
]);
