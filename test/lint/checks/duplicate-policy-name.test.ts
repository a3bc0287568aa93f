import { netpol } from '../../util';
import { checkCases } from '../lint-cases';

checkCases('duplicate-policy-name', [
  { name: 'fires on the second policy with the same name in a namespace', manifests: [netpol('shop', 'api', {}), netpol('shop', 'api', {})], fields: ['metadata.name'] },
  { name: 'does not fire for the same name in two namespaces', manifests: [netpol('shop', 'api', {}), netpol('blog', 'api', {})], fields: [] },
]);
