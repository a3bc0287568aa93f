/*
 * A small app that `cdk8s synth` lints through the cdk8s-netpol validation plugin (see cdk8s.yaml; build the
 * library first with `npx projen compile` so that ../../lib/plugin exists).
 *
 * One finding is deliberate: the api's HTTPS egress rule names no destinations, so it allows every
 * destination, pods included, on 443 (egress-ports-without-destinations, a warning: synth still succeeds).
 * With the cluster CIDRs declared in cdk8s.yaml, the public ingress from 0.0.0.0/0 is also reported
 * (ip-block-overlaps-cluster: on Calico it admits every pod by address too).
 */
import { App, Chart } from 'cdk8s';
import { k8s } from 'cdk8s-plus-28';
import { AllowDnsEgress, DenyAll, LabelSelector, NetworkPolicy, Peer, Port } from '../../src';

export function lintApp(app: App): Chart {
  const chart = new Chart(app, 'lint', { namespace: 'shop' });
  const api = LabelSelector.of({ labels: { app: 'api' } });
  new k8s.KubeDeployment(chart, 'ApiDeployment', {
    metadata: { name: 'api' },
    spec: {
      selector: { matchLabels: { app: 'api' } },
      template: {
        metadata: { labels: { app: 'api' } },
        spec: { containers: [{ name: 'api', image: 'example/api:1.0', ports: [{ name: 'http', containerPort: 8080 }] }] },
      },
    },
  });
  new DenyAll(chart, 'Baseline');
  new AllowDnsEgress(chart, 'Dns', { selector: LabelSelector.all() });
  new NetworkPolicy(chart, 'Api', {
    name: 'api',
    selector: api,
    ingress: [{ peers: [Peer.anyIpv4()], ports: [Port.tcp(8080)] }],
    egress: [{ peers: [Peer.any()], ports: [Port.HTTPS], description: 'deliberately too wide: no destinations' }],
  });
  return chart;
}

const app = new App();
lintApp(app);
app.synth();
