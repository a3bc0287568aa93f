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

  test('makes pods from the subjects and pod peers of tier policies, in the namespace their selector names', () => {
    // GIVEN a ClusterNetworkPolicy whose subject and peers name pods, a namespace by label, or no pods at all
    const named = (name: string) => ({ matchLabels: { 'kubernetes.io/metadata.name': name } });
    const model = normalizeManifests([{
      apiVersion: 'policy.networking.k8s.io/v1alpha2',
      kind: 'ClusterNetworkPolicy',
      metadata: { name: 'guardrails' },
      spec: {
        tier: 'Admin',
        priority: 1,
        subject: { pods: { namespaceSelector: named('shop'), podSelector: { matchLabels: { app: 'api' } } } },
        ingress: [{
          action: 'Accept',
          from: [
            { pods: { namespaceSelector: named('monitoring'), podSelector: { matchLabels: { app: 'prom' } } } },
            { pods: { namespaceSelector: { matchLabels: { team: 'x' } }, podSelector: { matchLabels: { app: 'other' } } } },
            { namespaces: named('ops') },
          ],
        }],
        egress: [{ action: 'Deny', to: [{ networks: ['169.254.169.254/32'] }] }],
      },
    }]);
    // WHEN
    const endpoints = inferEndpoints(model);
    // THEN
    expect(endpoints.map((e) => [e.key, e.labels])).toEqual([
      ['shop/app=api', { app: 'api' }],
      ['monitoring/app=prom', { app: 'prom' }],
    ]);
  });
});
