/* Analyzer code shown in the README. Each region between "// README" markers is copied verbatim into the README. */
import { App, Chart } from 'cdk8s';
import { Endpoint, FlowChange, LabelSelector, NetworkPolicy, Peer, PolicyAnalyzer, Port, Protocol } from '../../src';

/** The shop chart of the analyzer tour, with or without the monitoring allowance. */
export function shop(allowMetrics: boolean): Chart {
  const chart = new Chart(new App(), 'shop', { namespace: 'shop' });
  const api = new NetworkPolicy(chart, 'Api', {
    selector: LabelSelector.of({ labels: { app: 'api' } }),
    ingress: [{ peers: [Peer.pods(LabelSelector.of({ labels: { app: 'web' } }))], ports: [Port.tcp(8080)] }],
  });
  if (allowMetrics) {
    api.addIngressRule({ peers: [Peer.namespace('monitoring')], ports: [Port.tcp(9090)] });
  }
  return chart;
}

export function analyzerTour(): { explanation: string; allowed: boolean; internet: boolean; changes: FlowChange[] } {
  const chart = shop(false);
  // README: evaluate
  const analyzer = PolicyAnalyzer.fromChart(chart);
  const web = Endpoint.pod({ namespace: 'shop', name: 'web', labels: { app: 'web' } });
  const api = Endpoint.pod({ namespace: 'shop', name: 'api', labels: { app: 'api' } });
  const verdict = analyzer.evaluate({ source: web, destination: api, port: 8080, protocol: Protocol.TCP });
  verdict.allowed; // true
  verdict.reasons; // [{ code: 'ALLOWED_BY_RULE', direction: 'Ingress', policy: 'shop/api', ruleIndex: 0, ... }, ...]
  const explanation = verdict.explain();
  // README: end

  // README: table
  const internet = Endpoint.ip('203.0.113.7');
  const table = analyzer.truthTable({ ports: [{ port: 8080 }], extraEndpoints: [web, api, internet] });
  table.isAllowed('ip:203.0.113.7', 'shop/api', 0); // false: only app=web may connect
  // README: end

  // README: diff
  const before = PolicyAnalyzer.fromChart(shop(false));
  const after = PolicyAnalyzer.fromChart(shop(true));
  const prometheus = Endpoint.pod({ namespace: 'monitoring', name: 'prometheus', labels: { app: 'prometheus' } });
  const changes = PolicyAnalyzer.diff(before, after, { ports: [{ port: 9090 }], extraEndpoints: [prometheus, api] });
  // [{ source: 'monitoring/prometheus', destination: 'shop/api', port: 9090, allowedBefore: false, allowedAfter: true }]
  // README: end

  return { explanation, allowed: verdict.allowed, internet: table.isAllowed('ip:203.0.113.7', 'shop/api', 0), changes };
}
