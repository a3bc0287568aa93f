/**
 * Shared test helpers: manifest builders and common endpoints/queries.
 */
import { Endpoint, TrafficQuery } from '../src/analysis';
import { Protocol } from '../src/port';

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
