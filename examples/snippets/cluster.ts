/* Code shown in docs/cluster-policies.md. Each block between "// README" markers is copied verbatim into the docs. */
import { ApiObject, App, Chart } from 'cdk8s';
import {
  AllowDnsEgress,
  AllowFromLabel,
  AllowMonitoringScrape,
  ClusterBaseline,
  DenyCloudMetadata,
  LabelSelector,
  NetworkPolicy,
  Peer,
  Port,
  TenantIsolation,
} from '../../src';

/** The worked platform example of docs/cluster-policies.md, with the namespaces and workloads it runs on. */
export function clusterPlatform(): Chart {
  const chart = new Chart(new App(), 'platform');
  const web = LabelSelector.of({ labels: { app: 'web' } });
  const api = LabelSelector.of({ labels: { app: 'api' } });

  // README: cluster-platform
  // The platform team: one baseline for the whole cluster and guardrails that no namespace can undo.
  new ClusterBaseline(chart, 'Baseline', { name: 'cluster-baseline' });
  new DenyCloudMetadata(chart, 'NoMetadata', { name: 'deny-cloud-metadata' });
  new AllowMonitoringScrape(chart, 'Scrape', { name: 'monitoring-scrape', ports: [Port.named('metrics')] });
  new TenantIsolation(chart, 'Tenants', { tenantLabel: 'tenant', tenants: ['shop', 'blog'] });

  // The shop team, inside its tenant: the web tier calls the API, and nothing else talks to the API.
  new AllowFromLabel(chart, 'ApiFromWeb', { namespace: 'shop', selector: api, sourceSelector: web, ports: [Port.tcp(8080)] });
  new NetworkPolicy(chart, 'WebToApi', {
    namespace: 'shop',
    selector: web,
    egress: [{ peers: [Peer.pods(api)], ports: [Port.tcp(8080)] }],
  });
  new AllowDnsEgress(chart, 'WebDns', { namespace: 'shop', selector: web });
  // README: end

  namespace(chart, 'shop', { tenant: 'shop' });
  namespace(chart, 'blog', { tenant: 'blog' });
  namespace(chart, 'monitoring', {});
  namespace(chart, 'kube-system', {});
  workload(chart, 'shop', 'web', { app: 'web' }, []);
  workload(chart, 'shop', 'api', { app: 'api' }, [{ name: 'http', containerPort: 8080 }, { name: 'metrics', containerPort: 9090 }]);
  workload(chart, 'blog', 'app', { app: 'blog' }, [{ name: 'http', containerPort: 8080 }, { name: 'metrics', containerPort: 9090 }]);
  workload(chart, 'monitoring', 'prometheus', { app: 'prometheus' }, []);
  workload(chart, 'kube-system', 'coredns', { 'k8s-app': 'kube-dns' }, [{ name: 'dns', containerPort: 53, protocol: 'UDP' }]);
  return chart;
}

function namespace(chart: Chart, name: string, labels: Record<string, string>): void {
  new ApiObject(chart, `ns-${name}`, { apiVersion: 'v1', kind: 'Namespace', metadata: { name, labels } });
}

function workload(chart: Chart, ns: string, name: string, labels: Record<string, string>, ports: any[]): void {
  new ApiObject(chart, `${ns}-${name}`, {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, namespace: ns },
    spec: { selector: { matchLabels: labels }, template: { metadata: { labels }, spec: { containers: [{ name, image: name, ports }] } } },
  } as any);
}
