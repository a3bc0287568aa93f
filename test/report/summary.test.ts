import { Endpoint } from '../../src/analysis';
import { normalizeManifests } from '../../src/analysis/internal/normalize';
import { GraphEdge } from '../../src/cli/format-graph';
import { Governance } from '../../src/cli/governed';
import { reviewPage } from '../../src/report/page';
import { summarize } from '../../src/report/summary';

const WEB = Endpoint.pod({ namespace: 'shop', name: 'web', labels: { app: 'web' } });
const API = Endpoint.pod({ namespace: 'shop', name: 'api', labels: { app: 'api' } });
const INTERNET = Endpoint.ip('203.0.113.7');
const ENDPOINTS = [API, WEB, INTERNET];

function summaryOf(edges: GraphEdge[]) {
  return summarize(ENDPOINTS, [API, WEB], edges, Governance.of([normalizeManifests([])], ENDPOINTS));
}

function page(edges: GraphEdge[]): string {
  return reviewPage({
    title: 'review',
    summary: summaryOf(edges),
    graphSvg: '<svg></svg>',
    graphNodes: 0,
    matrixTables: [],
    matrixLegend: 'legend',
    findingsHtml: '',
    findingCounts: { errors: 0, warnings: 0, infos: 0 },
    policiesHtml: '',
  });
}

describe('review summary', () => {
  test('counts a flow that is only unknown as unknown, not as a flow to the internet', () => {
    // GIVEN web -> internet unknown on 443; api -> internet allowed on 443 and unknown on 8443
    const edges: GraphEdge[] = [
      { source: 'shop/web', destination: 'ip:203.0.113.7', label: 'unknown: 443', unknown: '443', unknownOnly: true },
      { source: 'shop/api', destination: 'ip:203.0.113.7', label: '443; unknown: 8443', unknown: '8443' },
    ];
    // WHEN
    const summary = summaryOf(edges);
    // THEN
    expect(summary.toInternet.map((e) => e.source)).toEqual(['shop/api']);
    expect(summary.unknown.map((e) => e.source)).toEqual(['shop/web', 'shop/api']);
  });

  test('lists the unknown flows in their own item, the unknown ports marked apart', () => {
    // GIVEN
    const edges: GraphEdge[] = [
      { source: 'shop/web', destination: 'ip:203.0.113.7', label: 'unknown: 443', unknown: '443', unknownOnly: true },
      { source: 'shop/api', destination: 'ip:203.0.113.7', label: '443; unknown: 8443', unknown: '8443' },
    ];
    // WHEN
    const html = page(edges);
    // THEN
    const unknown = html.match(/<li data-count="unknown">.*<\/li>/)![0];
    expect(unknown).toContain('<span class="count-n">2</span>');
    expect(unknown).toContain('<code>shop/web</code> → <code>ip:203.0.113.7</code>: <span class="unknown-flow">unknown: 443</span>');
    expect(html).toContain('<code>shop/api</code> → <code>ip:203.0.113.7</code>: 443; <span class="unknown-flow">unknown: 8443</span>');
  });

  test('has no unknown item when every verdict is known', () => {
    // WHEN
    const html = page([{ source: 'shop/api', destination: 'ip:203.0.113.7', label: '443' }]);
    // THEN
    expect(html).not.toContain('data-count="unknown"');
    expect(html).toContain('<code>shop/api</code> → <code>ip:203.0.113.7</code>: 443</li>');
  });
});
