import { deployment, netpol } from '../../util';
import { checkCases } from '../lint-cases';

const API = deployment('shop', 'api', { app: 'api' });

checkCases('selects-no-workload', [
  {
    name: 'fires when no workload of the namespace carries the labels',
    manifests: [API, netpol('shop', 'web', { podSelector: { matchLabels: { app: 'wbe' } } })],
    fields: ['spec.podSelector'],
  },
  {
    name: 'does not fire when a workload matches',
    manifests: [API, netpol('shop', 'api', { podSelector: { matchLabels: { app: 'api' } } })],
    fields: [],
  },
  {
    name: 'does not fire when the manifests define no workloads',
    manifests: [netpol('shop', 'web', { podSelector: { matchLabels: { app: 'wbe' } } })],
    fields: [],
  },
]);
