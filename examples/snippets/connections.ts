/* Code shown in docs/connections.md. Each block between "// README" markers is copied verbatim into the docs. */
import { App, Chart } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { DenyAll, GrantSides, Port, Protocol, Workload } from '../../src';

/** The three-tier shop of docs/connections.md: internet -> web -> api -> db, plus DNS. */
export function threeTierShop(): App {
  const app = new App();

  // README: connections-workloads
  const shop = new Chart(app, 'shop', { namespace: 'shop' });
  const data = new Chart(app, 'data', { namespace: 'data' });
  new DenyAll(shop, 'DenyAll'); // start from deny-all in both namespaces
  new DenyAll(data, 'DenyAll');

  // Pods by label (the namespace defaults to the chart's), with the ports they listen on.
  const web = Workload.fromLabels(shop, 'Web', { labels: { app: 'web' }, ports: [{ port: 8443, name: 'https' }] });
  const api = Workload.fromLabels(shop, 'Api', { labels: { app: 'api' }, ports: [{ port: 8080, name: 'http' }] });

  // A cdk8s-plus workload: its selector, namespace and container ports (names and protocols kept) are read for you.
  const postgres = new kplus.Deployment(data, 'Postgres', {
    containers: [{ image: 'postgres:16', ports: [{ number: 5432, name: 'postgres' }] }],
  });
  const db = Workload.fromPlusWorkload(postgres, { name: 'db' });

  // The cluster DNS, in another namespace; UDP 53 stays UDP.
  const dns = Workload.fromLabels(shop, 'Dns', {
    namespace: 'kube-system',
    labels: { 'k8s-app': 'kube-dns' },
    ports: [{ port: 53, name: 'dns', protocol: Protocol.UDP }, { port: 53, name: 'dns-tcp' }],
  });

  // Something outside the cluster.
  const internet = Workload.fromCidr(shop, 'Internet', { cidr: '0.0.0.0/0' });
  // README: end

  // README: connections-grants
  web.connections.allowFrom(internet, Port.tcp(8443)); // external side: only web's ingress rule
  web.connections.allowTo(api, Port.named('http')); // web's egress + api's ingress
  api.connections.allowTo(db); // no port: db's declared ports (TCP 5432)
  api.connections.allowTo(db); // granting twice changes nothing
  for (const client of [web, api, db]) {
    // every pod the deny-all selects needs DNS; kube-system is not ours to change: write only the egress side
    client.connections.allowTo(dns, undefined, { sides: GrantSides.EGRESS_ONLY, description: 'name lookups' });
  }
  // README: end

  return app;
}
