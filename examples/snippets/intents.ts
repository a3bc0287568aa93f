/* Code shown in docs/intents.md. Each block between "// README" markers is copied verbatim into the docs. */
import { App, Chart } from 'cdk8s';
import {
  AllowDnsHttpsEgress,
  AllowFromLabel,
  AllowPublicEgress,
  DnsProfile,
  LabelSelector,
  NamespaceBaseline,
  Port,
} from '../../src';

/** The namespace baseline of docs/intents.md. */
export function baselineExample(): Chart {
  const chart = new Chart(new App(), 'docs');

  // README: intents-baseline
  new NamespaceBaseline(chart, 'Baseline', { namespace: 'shop' });
  // README: end

  return chart;
}

/** The frontend-to-API example of docs/intents.md. */
export function allowFromLabelExample(): Chart {
  const chart = new Chart(new App(), 'docs');

  // README: intents-allow-from-label
  new AllowFromLabel(chart, 'ApiFromWeb', {
    namespace: 'shop',
    selector: LabelSelector.of({ labels: { app: 'api' } }),
    sourceSelector: LabelSelector.of({ labels: { app: 'web' } }),
    ports: [Port.tcp(8080)],
  });
  // README: end

  return chart;
}

/** The DNS + HTTPS example of docs/intents.md. */
export function dnsHttpsExample(): Chart {
  const chart = new Chart(new App(), 'docs');

  // README: intents-dns-https
  new AllowDnsHttpsEgress(chart, 'MyappOutbound', {
    namespace: 'shop',
    selector: LabelSelector.of({ labels: { app: 'myapp' } }),
  });
  // README: end

  return chart;
}

/** Profiles and the public-internet intent, shown in docs/intents.md. */
export function profilesExample(): Chart {
  const chart = new Chart(new App(), 'docs', { namespace: 'shop' });

  // README: intents-profiles
  new NamespaceBaseline(chart, 'Baseline', { dns: DnsProfile.nodeLocal(), allowSameNamespace: true });
  new AllowPublicEgress(chart, 'CrawlerOut', {
    selector: LabelSelector.of({ labels: { app: 'crawler' } }),
    ports: [Port.HTTP, Port.HTTPS],
  });
  // README: end

  return chart;
}
