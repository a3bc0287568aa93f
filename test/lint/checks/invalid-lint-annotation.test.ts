import { netpol } from '../../util';
import { checkCases } from '../lint-cases';

function annotated(value: string): any {
  const policy = netpol('shop', 'api', {});
  return { ...policy, metadata: { ...policy.metadata, annotations: { 'cdk8s-netpol.dev/lint': value } } };
}

const FIELD = 'metadata.annotations["cdk8s-netpol.dev/lint"]';

checkCases('invalid-lint-annotation', [
  { name: 'fires for an unknown check code', manifests: [annotated('no-such-check=off')], fields: [FIELD] },
  { name: 'fires for an unknown severity', manifests: [annotated('shadowed-rule=loud')], fields: [FIELD] },
  { name: 'does not fire for valid entries', manifests: [annotated('shadowed-rule=off, egress-blocks-dns=warning, *=info')], fields: [] },
]);
