/*
 * A shop (web, api, db) and its monitoring, secured with intents.
 *
 * Each namespace starts from NamespaceBaseline (deny everything, allow DNS); every flow the app needs is then
 * allowed on both ends: egress from the caller, ingress at the callee. Prometheus scrapes the named port
 * `metrics` of every shop pod.
 */
import { App, Chart, ChartProps } from 'cdk8s';
import { k8s } from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import {
  AllowExternalIngress,
  AllowFromLabel,
  AllowInClusterEgress,
  AllowKubeApiEgress,
  AllowPublicEgress,
  LabelSelector,
  NamespaceBaseline,
  NetworkPolicy,
  Peer,
  Port,
} from '../../src';

/** A container port of a workload. */
interface ContainerPort {
  readonly name: string;
  readonly port: number;
}

/** A one-container Deployment, so that the analyzer and the CLI find the pods, their labels and named ports. */
function workload(scope: Construct, app: string, image: string, ports: ContainerPort[]): LabelSelector {
  const labels = { app };
  new k8s.KubeDeployment(scope, app, {
    metadata: { name: app },
    spec: {
      replicas: 2,
      selector: { matchLabels: labels },
      template: {
        metadata: { labels },
        spec: {
          containers: [{
            name: app,
            image,
            ports: ports.map((p) => ({ name: p.name, containerPort: p.port, protocol: 'TCP' })),
          }],
        },
      },
    },
  });
  return LabelSelector.of({ labels });
}

/** The namespaces (cluster-scoped, so in a chart without a namespace). */
export class NamespacesChart extends Chart {
  constructor(scope: Construct, id: string, props: ChartProps = {}) {
    super(scope, id, props);
    for (const name of ['shop', 'monitoring']) {
      new k8s.KubeNamespace(this, name, { metadata: { name } });
    }
  }
}

/** The shop namespace: a public web tier, an API and a database. */
export class ShopChart extends Chart {
  constructor(scope: Construct, id: string, props: ChartProps = {}) {
    super(scope, id, { namespace: 'shop', ...props });

    const web = workload(this, 'web', 'nginx:1.27', [{ name: 'http', port: 8080 }, { name: 'metrics', port: 9113 }]);
    const api = workload(this, 'api', 'shop/api:1.4', [{ name: 'http', port: 8080 }, { name: 'metrics', port: 9090 }]);
    const db = workload(this, 'db', 'postgres:16', [{ name: 'postgres', port: 5432 }, { name: 'metrics', port: 9187 }]);

    // Deny everything in and out of the namespace, except DNS.
    new NamespaceBaseline(this, 'Baseline');

    // The web tier is public on 8080 and calls the API.
    new AllowExternalIngress(this, 'PublicWeb', { selector: web, ports: [Port.tcp(8080)] });
    new NetworkPolicy(this, 'WebCallsApi', {
      selector: web,
      egress: [{ peers: [Peer.pods(api)], ports: [Port.tcp(8080)], description: 'the web tier calls the API' }],
    });
    new AllowFromLabel(this, 'ApiFromWeb', { selector: api, sourceSelector: web, ports: [Port.tcp(8080)] });

    // The API reads the database and calls a payment provider on the internet over HTTPS.
    new NetworkPolicy(this, 'ApiCallsDb', {
      selector: api,
      egress: [{ peers: [Peer.pods(db)], ports: [Port.POSTGRES], description: 'the API reads and writes the database' }],
    });
    new AllowFromLabel(this, 'DbFromApi', { selector: db, sourceSelector: api, ports: [Port.POSTGRES] });
    new AllowPublicEgress(this, 'ApiToPayments', { selector: api, ports: [Port.HTTPS] });

    // Prometheus (namespace monitoring) scrapes every pod of the shop on its `metrics` port.
    new AllowFromLabel(this, 'Scraping', {
      selector: LabelSelector.all(),
      sourceSelector: LabelSelector.of({ labels: { app: 'prometheus' } }),
      sourceNamespace: 'monitoring',
      ports: [Port.named('metrics')],
    });
  }
}

/** The monitoring namespace: Prometheus and Grafana. */
export class MonitoringChart extends Chart {
  constructor(scope: Construct, id: string, props: ChartProps = {}) {
    super(scope, id, { namespace: 'monitoring', ...props });

    const prometheus = workload(this, 'prometheus', 'prom/prometheus:v2.53.0', [{ name: 'web', port: 9090 }]);
    workload(this, 'grafana', 'grafana/grafana:11.1.0', [{ name: 'http', port: 3000 }]);

    // Deny everything except DNS and traffic between Prometheus and Grafana.
    new NamespaceBaseline(this, 'Baseline', { allowSameNamespace: true });

    // Prometheus scrapes `metrics` ports anywhere in the cluster and discovers targets via the API server.
    new AllowInClusterEgress(this, 'Scrape', { selector: prometheus, ports: [Port.named('metrics')] });
    new AllowKubeApiEgress(this, 'Discovery', { selector: prometheus, cidrs: ['10.0.0.10/32'] });
  }
}

const app = new App();
new NamespacesChart(app, 'namespaces');
new ShopChart(app, 'shop');
new MonitoringChart(app, 'monitoring');
app.synth();
