import { App, Chart, ChartProps } from 'cdk8s';
import { Construct } from 'constructs';
import { LabelSelector, NetworkPolicy, Peer, Port } from '../../src';

/** The shop namespace: a web tier, an API and a database. */
export class ShopChart extends Chart {
  constructor(scope: Construct, id: string, props: ChartProps = {}) {
    super(scope, id, { namespace: 'shop', ...props });

    const web = LabelSelector.of({ labels: { app: 'web' } });
    const api = LabelSelector.of({ labels: { app: 'api' } });

    new NetworkPolicy(this, 'Api', {
      selector: api,
      ingress: [{ peers: [Peer.pods(web)], ports: [Port.tcp(8080)], description: 'the web tier calls the API' }],
      egress: [],
    });
  }
}

const app = new App();
new ShopChart(app, 'shop');
app.synth();
