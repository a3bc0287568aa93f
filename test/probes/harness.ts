/**
 * Sets up the kubectl test double (fake-kubectl/kubectl.js) for one test: a state directory, a scenario
 * (the truth table the fake CNI enforces and the injected faults), and a `kubectl` executable bound to them.
 */
import { execFileSync } from 'child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { PolicyAnalyzer } from '../../src/analysis';
import { ProbePlan } from '../../src/probes';
import { Protocol } from '../../src/protocol';

/** Faults the double can inject (see the header of fake-kubectl/kubectl.js). */
export interface Faults {
  readonly noEnforcement?: boolean;
  readonly flip?: string[];
  readonly flipOnce?: string[];
  readonly neverStarts?: string[];
  readonly imagePull?: string[];
  readonly slowMs?: Record<string, number>;
  readonly forbidden?: string[];
  readonly unreachable?: boolean;
}

/** A bound double. */
export interface FakeCluster {
  readonly kubectl: string;
  readonly dir: string;
  /** Command lines kubectl was called with. */
  calls(): string[];
  /** `namespace/name` of the pods on the fake cluster. */
  pods(): string[];
  /** Applies manifests directly (as the user applying the app). */
  seed(manifests: any[]): void;
}

/** A double that lets exactly `allowed` through. */
export function fakeCluster(allowed: string[], faults: Faults = {}): FakeCluster {
  const dir = mkdtempSync(join(tmpdir(), 'fake-kubectl-'));
  writeFileSync(join(dir, 'scenario.json'), JSON.stringify({ allowed, faults }));
  const kubectl = join(dir, 'kubectl');
  writeFileSync(kubectl, `#!/bin/sh\nFAKE_KUBECTL_STATE='${dir}' exec '${process.execPath}' '${join(__dirname, 'fake-kubectl', 'kubectl.js')}' "$@"\n`);
  chmodSync(kubectl, 0o755);
  const state = () => (existsSync(join(dir, 'state.json')) ? JSON.parse(readFileSync(join(dir, 'state.json'), 'utf8')) : { pods: {} });
  return {
    kubectl,
    dir,
    calls: () => (existsSync(join(dir, 'calls.log')) ? readFileSync(join(dir, 'calls.log'), 'utf8').trim().split('\n') : []),
    pods: () => Object.keys(state().pods).sort(),
    seed: (manifests) => {
      execFileSync(kubectl, ['apply', '-f', '-'], { input: JSON.stringify({ kind: 'List', items: manifests }) });
    },
  };
}

/**
 * The connections a policy-enforcing CNI lets through between the stand-in pods of a plan, as the analyzer
 * judges the pods exactly as rendered: keys `<ns>/<pod>><ns>/<pod> <PROTOCOL> <port>`.
 */
export function enforcedTruth(app: any[], plan: ProbePlan, extraPods: any[] = []): string[] {
  const pods = [...plan.standInManifests(), ...extraPods];
  const analyzer = PolicyAnalyzer.fromManifests([...app.filter((m) => m.kind !== 'Deployment'), ...plan.extraManifests(), ...pods]);
  const endpoints = analyzer.endpoints();
  const ports = new Map<string, { port: number; protocol: Protocol }>();
  [plan.denyCanary, plan.allowCanary, ...plan.cells].forEach((c) => ports.set(`${c.protocol} ${c.targetPort}`, { port: c.targetPort, protocol: c.protocol }));
  const list = [...ports.values()];
  const table = analyzer.truthTable({ ports: list, endpoints });
  const out: string[] = [];
  for (const s of endpoints) {
    for (const d of endpoints) {
      list.forEach((p, i) => {
        if (table.isAllowed(s.key, d.key, i)) out.push(`${s.key}>${d.key} ${p.protocol} ${p.port}`);
      });
    }
  }
  return out;
}

/** Pods named `<deployment>-0`, as the double runs Deployments. */
export function replicas(app: any[]): any[] {
  return app.filter((m) => m.kind === 'Deployment').map((d) => ({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: `${d.metadata.name}-0`, namespace: d.metadata.namespace, labels: d.spec.template.metadata.labels },
    spec: d.spec.template.spec,
  }));
}
