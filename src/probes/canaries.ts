/**
 * Canary cells (internal): one connection that must be denied and one that must be allowed, probed before
 * any other cell. They come from the table when it has such cells; otherwise the plan adds canary stand-ins
 * in a namespace of their own, where no policy of the application applies.
 */
import { CANARY_LABEL, PLAN_LABEL } from './labels';
import { ProbeCell, ProbeClass } from './types';
import { Endpoint, PolicyAnalyzer } from '../analysis';
import { Protocol } from '../protocol';

/** The port canary targets serve. */
export const CANARY_PORT = 8080;

/** What picking a canary reads of a cell. */
export type CanaryCandidate = Pick<ProbeCell, 'expectAllowed' | 'protocol' | 'sourceClass' | 'destinationClass'>;

/** The cell to use as a canary: allowed or denied as asked, TCP first, a class to another class first. */
export function pickCanary<T extends CanaryCandidate>(cells: T[], allowed: boolean): T | undefined {
  const candidates = cells.filter((c) => c.expectAllowed === allowed);
  const score = (c: T) => (c.protocol === Protocol.TCP ? 0 : 2) + (c.sourceClass === c.destinationClass ? 1 : 0);
  return [...candidates].sort((a, b) => score(a) - score(b))[0];
}

/** Canary stand-ins and their cell, for a plan whose table has no cell of the wanted verdict. */
export interface AddedCanary {
  readonly classes: ProbeClass[];
  readonly cell: ProbeCell;
  readonly manifests: any[];
}

function canaryClass(namespace: string, role: string): ProbeClass {
  const ports = role === 'client' ? [] : [{ name: 'canary', port: CANARY_PORT, protocol: Protocol.TCP }];
  return { id: `canary-${role === 'client' ? 'client' : role.replace('-target', '')}`, namespace, labels: { [CANARY_LABEL]: role }, ports, members: [] };
}

/** The Namespace the added canaries live in (restricted Pod Security enforced, so the stand-ins prove they comply). */
export function canaryNamespaceManifest(namespace: string, planId: string): any {
  return {
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: {
      name: namespace,
      labels: { [PLAN_LABEL]: planId, 'pod-security.kubernetes.io/enforce': 'restricted' },
    },
  };
}

/** The policy that isolates the deny canary's target for ingress, with no rule. */
export function canaryDenyPolicy(namespace: string, planId: string): any {
  return {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'NetworkPolicy',
    metadata: { name: 'netpol-probe-canary-deny', namespace, labels: { [PLAN_LABEL]: planId } },
    spec: { podSelector: { matchLabels: { [CANARY_LABEL]: 'deny-target' } }, policyTypes: ['Ingress'] },
  };
}

/** Adds a canary client and a target whose verdict is `allowed`, with the analyzer's word for it. */
export function addCanary(namespace: string, allowed: boolean, planId: string): AddedCanary {
  const client = canaryClass(namespace, 'client');
  const target = canaryClass(namespace, allowed ? 'allow-target' : 'deny-target');
  const manifests = allowed ? [] : [canaryDenyPolicy(namespace, planId)];
  const pod = (c: ProbeClass) => Endpoint.pod({ namespace, name: c.id, labels: c.labels, ports: c.ports });
  const verdict = PolicyAnalyzer.fromManifests([canaryNamespaceManifest(namespace, planId), ...manifests])
    .evaluate({ source: pod(client), destination: pod(target), port: CANARY_PORT, protocol: Protocol.TCP });
  if (verdict.allowed !== allowed) {
    throw new Error(`canary ${target.id} expected ${allowed ? 'allowed' : 'denied'} but the analyzer says otherwise`);
  }
  const cell: ProbeCell = {
    id: `${client.id}>${target.id} TCP ${CANARY_PORT}`,
    sourceClass: client.id,
    destinationClass: target.id,
    portLabel: `TCP ${CANARY_PORT}`,
    targetPort: CANARY_PORT,
    protocol: Protocol.TCP,
    expectAllowed: allowed,
    explanation: verdict.explain(),
  };
  return { classes: [client, target], cell, manifests };
}
