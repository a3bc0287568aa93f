import { normalizeManifests } from '../../src/analysis/internal/normalize';
import { inferEndpoints } from '../../src/cli/infer-endpoints';
import { netpol } from '../util';

describe('inferEndpoints', () => {
  test('makes one pod per labelled selector, in the namespace a peer names', () => {
    // GIVEN
    const model = normalizeManifests([netpol('shop', 'p', {
      podSelector: { matchLabels: { app: 'api' }, matchExpressions: [{ key: 'tier', operator: 'In', values: ['b', 'a'] }] },
      ingress: [{
        from: [
          { podSelector: { matchLabels: { app: 'web' } } },
          { namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'monitoring' } }, podSelector: { matchLabels: { app: 'prom' } } },
          { namespaceSelector: { matchLabels: { team: 'x' } }, podSelector: { matchLabels: { app: 'other' } } },
          { podSelector: { matchExpressions: [{ key: 'app', operator: 'NotIn', values: ['x'] }] } },
          { podSelector: {} },
        ],
      }],
    })]);
    // WHEN
    const endpoints = inferEndpoints(model);
    // THEN
    expect(endpoints.map((e) => [e.key, e.labels])).toEqual([
      ['shop/app=api,tier=a', { app: 'api', tier: 'a' }],
      ['shop/app=web', { app: 'web' }],
      ['monitoring/app=prom', { app: 'prom' }],
    ]);
  });
});
