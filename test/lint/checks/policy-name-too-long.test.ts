import { netpol } from '../../util';
import { checkCases } from '../lint-cases';

checkCases('policy-name-too-long', [
  { name: 'fires for a 64-character name', manifests: [netpol('shop', 'a'.repeat(64), {})], fields: ['metadata.name'] },
  { name: 'does not fire for a 63-character name', manifests: [netpol('shop', 'a'.repeat(63), {})], fields: [] },
]);
