/**
 * Shared test helpers: manifest builders and common endpoints/queries.
 */
import { App, Chart, Testing } from 'cdk8s';
import { Endpoint, PolicyAnalyzer, ReasonCode, TrafficQuery } from '../src/analysis';
import { PolicyLint } from '../src/lint';
import { Protocol } from '../src/protocol';

/** A NetworkPolicy manifest as a client would send it. */
export function netpol(namespace: string, name: string, spec: any): any {
  return { apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name, namespace }, spec };
}

/** A Namespace manifest. */
export function namespaceManifest(name: string, labels: Record<string, string> = {}): any {
  return { apiVersion: 'v1', kind: 'Namespace', metadata: { name, labels } };
}

/** A Deployment manifest with pod template labels and container ports. */
export function deployment(namespace: string, name: string, labels: Record<string, string>, ports: any[] = []): any {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, namespace },
    spec: {
      selector: { matchLabels: labels },
      template: { metadata: { labels }, spec: { containers: [{ name: 'main', image: 'nginx', ports }] } },
    },
  };
}

/** A web frontend pod in `shop`. */
export const WEB = Endpoint.pod({ namespace: 'shop', name: 'web', labels: { app: 'web' } });
/** An API pod in `shop` serving TCP 8080 named `http`. */
export const API = Endpoint.pod({
  namespace: 'shop', name: 'api', labels: { app: 'api' }, ports: [{ name: 'http', port: 8080 }], ip: '10.1.0.20',
});
/** An address on the internet. */
export const INTERNET = Endpoint.ip('203.0.113.7');

/** A TCP query. */
export function tcp(source: Endpoint, destination: Endpoint, port: number): TrafficQuery {
  return { source, destination, port, protocol: Protocol.TCP };
}

/** A UDP query. */
export function udp(source: Endpoint, destination: Endpoint, port: number): TrafficQuery {
  return { source, destination, port, protocol: Protocol.UDP };
}

/** A chart whose policies go to namespace `shop`. */
export function shopChart(): Chart {
  return new Chart(Testing.app(), 'test', { namespace: 'shop' });
}

/**
 * A chart whose policies go to namespace `shop`, in an app with the lint at synth switched off: for tests of
 * single policies that isolate egress without allowing DNS, which the default lint refuses at synth (as
 * test/lint/default-lint.test.ts proves).
 */
export function unlintedShopChart(): Chart {
  return new Chart(unlintedApp(), 'test', { namespace: 'shop' });
}

/** A test app with the lint at synth switched off (see `unlintedShopChart()`). */
export function unlintedApp(): App {
  const app = Testing.app();
  PolicyLint.disable(app);
  return app;
}

/** Whether the analyzer, reading what `chart` synthesizes, allows `query`. */
export function allowedIn(chart: Chart, query: TrafficQuery): boolean {
  return PolicyAnalyzer.fromChart(chart).evaluate(query).allowed;
}

/** The reason codes of the analyzer's verdict on `query` for `chart`. */
export function reasonCodes(chart: Chart, query: TrafficQuery): ReasonCode[] {
  return PolicyAnalyzer.fromChart(chart).evaluate(query).reasons.map((r) => r.code);
}

/** A database pod in `shop` serving TCP 5432 named `postgres`. */
export const DB = Endpoint.pod({
  namespace: 'shop', name: 'db', labels: { app: 'db' }, ports: [{ name: 'postgres', port: 5432 }], ip: '10.1.0.30',
});
/** A pod labelled like WEB, but in namespace `other`. */
export const OTHER_WEB = Endpoint.pod({ namespace: 'other', name: 'web', labels: { app: 'web' }, ip: '10.2.0.10' });
/** A Prometheus pod in `monitoring`. */
export const PROMETHEUS = Endpoint.pod({ namespace: 'monitoring', name: 'prometheus', labels: { app: 'prometheus' } });
/** A CoreDNS pod in `kube-system` with the upstream `k8s-app: kube-dns` label. */
export const KUBE_DNS = Endpoint.pod({
  namespace: 'kube-system',
  name: 'coredns',
  labels: { 'k8s-app': 'kube-dns' },
  ip: '10.96.0.20',
  ports: [{ name: 'dns', port: 53, protocol: Protocol.UDP }, { name: 'dns-tcp', port: 53 }],
});

/** An SCTP query. */
export function sctp(source: Endpoint, destination: Endpoint, port: number): TrafficQuery {
  return { source, destination, port, protocol: Protocol.SCTP };
}

/**
 * A second copy of this package, as a second installed copy in one app would be: its modules loaded afresh,
 * sharing cdk8s, constructs and cdk8s-plus-28 (its peer dependencies) with the first.
 */
export function secondCopyOfPackage(): typeof import('../src') {
  /* eslint-disable @typescript-eslint/no-require-imports -- a fresh load, which only require() gives inside isolateModules */
  const peers = { cdk8s: require('cdk8s'), constructs: require('constructs'), plus: require('cdk8s-plus-28') };
  let copy: typeof import('../src') | undefined;
  jest.isolateModules(() => {
    jest.doMock('cdk8s', () => peers.cdk8s);
    jest.doMock('constructs', () => peers.constructs);
    jest.doMock('cdk8s-plus-28', () => peers.plus);
    copy = require('../src');
  });
  /* eslint-enable @typescript-eslint/no-require-imports */
  return copy!;
}

/** The text of the error that `synth` throws (a validation failure lists one problem per line), or '' when it passes. */
export function synthError(synth: () => unknown): string {
  try {
    synth();
    return '';
  } catch (e) {
    return String(e);
  }
}
