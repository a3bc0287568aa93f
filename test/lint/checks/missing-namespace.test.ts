import { netpol } from '../../util';
import { checkCases } from '../lint-cases';

checkCases('missing-namespace', [
  { name: 'fires for a policy without metadata.namespace', manifests: [netpol(undefined as any, 'api', {})], fields: ['metadata.namespace'] },
  { name: 'does not fire when the namespace is written, even "default"', manifests: [netpol('default', 'api', {})], fields: [] },
]);
