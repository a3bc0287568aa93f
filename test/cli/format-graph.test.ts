import { DATA } from './formatters.data';
import { Endpoint } from '../../src/analysis';
import { graphDot, graphMermaid } from '../../src/cli/format-graph';
import { aggregateEdges, shortPort } from '../../src/cli/graph';
import { Protocol } from '../../src/protocol';

const KEYS = ['a-ns/x', 'b-ns/y', 'ip:203.0.113.7'];
const EDGES = [{ source: 'a-ns/x', destination: 'b-ns/y', label: '80, 53/udp' }, { source: 'ip:203.0.113.7', destination: 'a-ns/x', label: 'web "ui"' }];

describe('graph formatters', () => {
  test('write Mermaid with namespaces as subgraphs, addresses loose, and quotes escaped', () => {
    // WHEN
    const mermaid = graphMermaid(KEYS, EDGES);
    // THEN
    expect(mermaid).toBe([
      'flowchart LR',
      '  subgraph ns0["namespace a-ns"]',
      '    n0["x"]',
      '  end',
      '  subgraph ns1["namespace b-ns"]',
      '    n1["y"]',
      '  end',
      '  n2["203.0.113.7"]',
      '  n0 -->|"80, 53/udp"| n1',
      '  n2 -->|"web #quot;ui#quot;"| n0',
      '',
    ].join('\n'));
  });

  test('write DOT with namespaces as clusters and strings escaped', () => {
    // WHEN
    const dot = graphDot(KEYS, EDGES);
    // THEN
    expect(dot).toContain('  subgraph cluster_0 {\n    label="namespace a-ns";\n    "a-ns/x" [label="x"];\n  }');
    expect(dot).toContain('"ip:203.0.113.7" -> "a-ns/x" [label="web \\"ui\\""];');
  });
});

describe('aggregateEdges', () => {
  test('draw one edge per allowed pair labelled with its ports (or all), leaving out self-loops', () => {
    // GIVEN
    const endpoints = DATA.endpoints.map((k) => (k.startsWith('ip:') ? Endpoint.ip(k.slice(3)) : Endpoint.pod({ namespace: 'shop', name: k.slice(5) })));
    // WHEN
    const edges = aggregateEdges(DATA, endpoints);
    // THEN
    expect(edges).toEqual([
      { source: 'shop/api', destination: 'ip:203.0.113.7', label: '443' },
      { source: 'shop/web', destination: 'shop/api', label: 'all probed ports' },
      { source: 'ip:203.0.113.7', destination: 'shop/web', label: 'all probed ports' },
    ]);
  });

  test('write ports in --port syntax, TCP left out', () => {
    // THEN
    expect(shortPort({ label: '', port: 8080, protocol: Protocol.TCP })).toBe('8080');
    expect(shortPort({ label: '', portName: 'dns', protocol: Protocol.UDP })).toBe('dns/udp');
  });
});
