import { normalizeManifests } from '../../src/analysis/internal/normalize';
import { Governance } from '../../src/cli/governed';
import { Endpoint } from '../../src/index';
import { cnp, nsName } from '../cluster/tier-manifests';
import { netpol } from '../util';

const API = Endpoint.pod({ namespace: 'shop', name: 'api', labels: { app: 'api' } });
const WEB = Endpoint.pod({ namespace: 'shop', name: 'web', labels: { app: 'web' } });
const DB = Endpoint.pod({ namespace: 'other', name: 'db', labels: { app: 'api' } });
const NET = Endpoint.ip('203.0.113.7');
const METADATA = Endpoint.ip('169.254.169.254');

/** Every pair of the list, as `source -> destination` keys, that the governance says it governs. */
function governedPairs(g: Governance, endpoints: Endpoint[]): string[] {
  return endpoints.flatMap((s, i) => endpoints.flatMap((d, j) => (g.governsAt(i, j) ? [`${s.key} -> ${d.key}`] : [])));
}

describe('Governance', () => {
  test('governs a pair when the source is isolated for egress or the destination for ingress', () => {
    // GIVEN: api isolated for ingress, web for egress; db has api's labels in another namespace
    const model = normalizeManifests([
      netpol('shop', 'api', { podSelector: { matchLabels: { app: 'api' } }, ingress: [] }),
      netpol('shop', 'web', { podSelector: { matchLabels: { app: 'web' } }, policyTypes: ['Egress'], egress: [] }),
    ]);
    const endpoints = [API, WEB, DB, NET];
    // WHEN
    const g = Governance.of([model], endpoints);
    // THEN
    expect(g.governs(NET.key, API.key)).toBe(true);
    expect(g.governs(WEB.key, NET.key)).toBe(true);
    expect(g.governs(API.key, NET.key)).toBe(false);
    expect(g.governs(NET.key, DB.key)).toBe(false);
    expect(g.governs(DB.key, NET.key)).toBe(false);
    expect(g.governs('ip:192.0.2.1', API.key)).toBe(false); // not in the list
    expect(endpoints.map((_, i) => g.isRelevant(i))).toEqual([true, true, true, true]);
    // 16 pairs: web's row (4) and api's column (4), which share web -> api
    expect(g.ungovernedCount()).toBe(16 - 7);
    expect(g.ungovernedCount()).toBe(16 - governedPairs(g, endpoints).length);
  });

  test('an endpoint in no governed pair is not relevant', () => {
    // GIVEN: the only policy is in a namespace without endpoints here
    const model = normalizeManifests([netpol('blog', 'all', { podSelector: {}, ingress: [] })]);
    // WHEN
    const g = Governance.of([model], [DB, NET]);
    // THEN
    expect([g.isRelevant(0), g.isRelevant(1)]).toEqual([false, false]);
    expect(g.ungovernedCount()).toBe(4);
  });

  test('a tier rule governs only the pairs its subject and peers name, in its direction', () => {
    // GIVEN: an Admin policy for the shop namespace that denies egress to the metadata address and accepts
    // ingress from the other namespace
    const model = normalizeManifests([cnp('guard', {
      tier: 'Admin',
      priority: 10,
      subject: { namespaces: nsName('shop') },
      egress: [{ action: 'Deny', to: [{ networks: ['169.254.169.254/32'] }] }],
      ingress: [{ action: 'Accept', from: [{ namespaces: nsName('other') }] }],
    })]);
    const endpoints = [API, WEB, DB, NET, METADATA];
    // WHEN
    const g = Governance.of([model], endpoints);
    // THEN
    expect(governedPairs(g, endpoints)).toEqual([
      `${API.key} -> ${METADATA.key}`,
      `${WEB.key} -> ${METADATA.key}`,
      `${DB.key} -> ${API.key}`,
      `${DB.key} -> ${WEB.key}`,
    ]);
    expect(endpoints.map((_, i) => g.isRelevant(i))).toEqual([true, true, true, false, true]);
    expect(g.ungovernedCount()).toBe(25 - 4);
  });

  test('a domainNames peer governs the pairs to addresses, which it may match, and never those to pods', () => {
    // GIVEN
    const model = normalizeManifests([cnp('names', {
      tier: 'Admin',
      priority: 1,
      subject: { namespaces: nsName('shop') },
      egress: [{ action: 'Accept', to: [{ domainNames: ['api.example.com'] }] }],
    })]);
    const endpoints = [API, DB, NET];
    // WHEN
    const g = Governance.of([model], endpoints);
    // THEN
    expect(governedPairs(g, endpoints)).toEqual([`${API.key} -> ${NET.key}`]);
  });

  test('a Pass rule governs its pairs: it is a decision to hand them to the next tier', () => {
    // GIVEN
    const model = normalizeManifests([cnp('pass', {
      tier: 'Admin',
      priority: 1,
      subject: { namespaces: nsName('shop') },
      ingress: [{ action: 'Pass', from: [{ namespaces: nsName('shop') }] }],
    })]);
    const endpoints = [API, WEB, DB];
    // WHEN
    const g = Governance.of([model], endpoints);
    // THEN
    expect(governedPairs(g, endpoints)).toEqual([
      `${API.key} -> ${API.key}`, `${API.key} -> ${WEB.key}`, `${WEB.key} -> ${API.key}`, `${WEB.key} -> ${WEB.key}`,
    ]);
  });
});
