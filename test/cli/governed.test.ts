import { normalizeManifests } from '../../src/analysis/normalize';
import { Governance } from '../../src/cli/governed';
import { Endpoint } from '../../src/index';
import { netpol } from '../util';

const API = Endpoint.pod({ namespace: 'shop', name: 'api', labels: { app: 'api' } });
const WEB = Endpoint.pod({ namespace: 'shop', name: 'web', labels: { app: 'web' } });
const DB = Endpoint.pod({ namespace: 'other', name: 'db', labels: { app: 'api' } });
const NET = Endpoint.ip('203.0.113.7');

describe('Governance', () => {
  test('governs a pair when the source is isolated for egress or the destination for ingress', () => {
    // GIVEN: api isolated for ingress, web for egress; db has api's labels in another namespace
    const model = normalizeManifests([
      netpol('shop', 'api', { podSelector: { matchLabels: { app: 'api' } }, ingress: [] }),
      netpol('shop', 'web', { podSelector: { matchLabels: { app: 'web' } }, policyTypes: ['Egress'], egress: [] }),
    ]);
    // WHEN
    const g = Governance.of([model], [API, WEB, DB, NET]);
    // THEN
    expect(g.governs(NET.key, API.key)).toBe(true);
    expect(g.governs(WEB.key, NET.key)).toBe(true);
    expect(g.governs(API.key, NET.key)).toBe(false);
    expect(g.governs(NET.key, DB.key)).toBe(false);
    expect(g.governs(DB.key, NET.key)).toBe(false);
    expect(g.relevant([API, WEB, DB, NET]).map((e) => e.key)).toEqual([API.key, WEB.key, DB.key, NET.key]);
    expect(g.relevant([DB, NET]).map((e) => e.key)).toEqual([]);
  });

  test('governs every pair when cluster-wide tier policies are present (they may decide any pair)', () => {
    // GIVEN
    const model = normalizeManifests([]);
    const tiered = { ...model, tierPolicies: [{} as any] };
    // WHEN
    const g = Governance.of([tiered], [DB, NET]);
    // THEN
    expect(g.governs(NET.key, DB.key)).toBe(true);
    expect(g.relevant([DB, NET]).map((e) => e.key)).toEqual([DB.key, NET.key]);
  });
});
