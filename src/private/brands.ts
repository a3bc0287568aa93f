/**
 * The brands of the library's classes that public entry points take as arguments (see `Brand`). Each class
 * file marks its class with its brand; the checks here recognise its instances from any copy of the package.
 */
import { Brand } from './arguments';

export const PORT = new Brand('Port', 'Make it with Port.tcp(), Port.udp(), Port.named(), Port.tcpRange(), ...');
export const PEER = new Brand('Peer', 'Make it with Peer.pods(), Peer.namespace(), Peer.ipBlock(), Peer.any(), ...');
export const LABEL_SELECTOR = new Brand('LabelSelector',
  'Make it with LabelSelector.of({ labels: {...} }), NamespaceSelector.named() or LabelSelector.all()');
export const LABEL_REQUIREMENT = new Brand('LabelRequirement',
  'Make it with LabelRequirement.isIn(), isNotIn(), exists() or doesNotExist()');
export const DNS_PROFILE = new Brand('DnsProfile',
  'Use DnsProfile.kubernetes(), DnsProfile.nodeLocal(), DnsProfile.openshift() or DnsProfile.custom()');
export const ENDPOINT = new Brand('Endpoint',
  'Make it with Endpoint.pod({ namespace, labels }) or Endpoint.ip(address); a plain object is not an endpoint');
export const POLICY_ANALYZER = new Brand('PolicyAnalyzer', 'Make it with PolicyAnalyzer.fromManifests() or PolicyAnalyzer.fromChart()');
export const CNI = new Brand('Cni', 'Use Cni.CALICO, Cni.CILIUM, ..., Cni.multus(...) or Cni.named("calico")');
export const CONNECTIONS = new Brand('Connections',
  'Pass a Workload made with Workload.fromLabels(), Workload.fromCidr() or Workload.fromPlusWorkload()');
export const WORKLOAD = new Brand('Workload',
  'Make it with Workload.fromLabels(), Workload.fromCidr(), Workload.allPodsOf() or Workload.fromPlusWorkload()');
export const NETWORK_POLICY = new Brand<unknown>('NetworkPolicy', 'Make it with new NetworkPolicy(scope, id, props) or an intent');
