/**
 * The manifest that cdk8s's generated `KubeNetworkPolicy` (the L1) writes for the metadata and spec a
 * NetworkPolicy construct rendered: the reference that the constructs' output must equal, key order included.
 */
import { Chart, Testing } from 'cdk8s';
import { k8s } from 'cdk8s-plus-28';
import { NetworkPolicy } from '../src';

export function generatedManifest(policy: NetworkPolicy): any {
  const json = policy.toJson();
  const toGenerated = (port: any) => ({
    ...port,
    port: port.port === undefined ? undefined : typeof port.port === 'number' ? k8s.IntOrString.fromNumber(port.port) : k8s.IntOrString.fromString(port.port),
  });
  const spec = {
    ...json.spec,
    ingress: json.spec.ingress?.map((rule: any) => ({ ...rule, ports: rule.ports?.map(toGenerated) })),
    egress: json.spec.egress?.map((rule: any) => ({ ...rule, ports: rule.ports?.map(toGenerated) })),
  };
  return new k8s.KubeNetworkPolicy(new Chart(Testing.app(), 'generated'), 'Policy', { metadata: json.metadata, spec }).toJson();
}
