/**
 * A deterministic synthetic cluster for benchmarks: namespaces, workloads with app/tier labels and named
 * ports, and a realistic policy mix (namespace deny-all, DNS egress, tier-to-tier allows with pod and
 * namespace selectors, monitoring on a named port, internet egress through ipBlock with except).
 */
export interface SyntheticCluster {
  readonly manifests: any[];
  readonly workloadCount: number;
  readonly policyCount: number;
  /** External addresses to add as endpoints. */
  readonly addresses: string[];
}

const TIERS = ['web', 'api', 'db', 'cache', 'worker'];

/** A small seeded PRNG (mulberry32), so every run builds the same cluster. */
export function random(seed: number): () => number {
  let a = seed >>> 0; // eslint-disable-line no-bitwise
  return () => {
    /* eslint-disable no-bitwise */
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    /* eslint-enable no-bitwise */
  };
}

export function buildCluster(workloads: number, policies: number, seed = 42): SyntheticCluster {
  const rnd = random(seed);
  const pick = <T>(list: T[]): T => list[Math.floor(rnd() * list.length)];
  const nsCount = Math.max(2, Math.round(workloads / 50));
  const namespaces = Array.from({ length: nsCount }, (_, i) => `team-${String(i).padStart(2, '0')}`);
  const manifests: any[] = [namespace('kube-system', { tier: 'system' }), namespace('monitoring', { tier: 'system' })];
  namespaces.forEach((ns, i) => manifests.push(namespace(ns, { team: `t${i % 7}`, env: i % 3 === 0 ? 'staging' : 'prod' })));
  const apps: App[] = [];
  for (let i = 0; i < workloads; i++) {
    const ns = namespaces[i % nsCount];
    const tier = TIERS[Math.floor(i / nsCount) % TIERS.length];
    const app = `app-${Math.floor(i / (nsCount * 2))}`;
    apps.push({ ns, app, tier });
    manifests.push(deployment(ns, `w-${i}`, { app, tier, version: `v${i % 3}` }, tier));
  }
  let made = 0;
  const add = (p: any) => {
    if (made < policies) {
      manifests.push(p);
      made++;
    }
  };
  namespaces.forEach((ns, i) => {
    // Half the namespaces isolate both ways; the others only ingress and keep egress open.
    add(policy(ns, 'deny-all', {}, { policyTypes: i % 2 === 0 ? ['Ingress', 'Egress'] : ['Ingress'] }));
    if (i % 2 === 0) {
      add(policy(ns, 'allow-same-namespace-egress', {}, { policyTypes: ['Egress'], egress: [{ to: [{ podSelector: {} }] }] }));
    }
    add(policy(ns, 'allow-dns', {}, {
      policyTypes: ['Egress'],
      egress: [{
        to: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'kube-system' } }, podSelector: { matchLabels: { 'k8s-app': 'kube-dns' } } }],
        ports: [{ protocol: 'UDP', port: 53 }, { protocol: 'TCP', port: 53 }],
      }],
    }));
  });
  for (let i = 0; made < policies; i++) {
    const target = pick(apps);
    add(ruleTemplate(i % 5, target, pick(apps), rnd));
  }
  const addresses = Array.from({ length: 20 }, (_, i) => (i % 2 === 0 ? `203.0.113.${i + 1}` : `10.${i}.0.1`));
  return { manifests, workloadCount: workloads, policyCount: made, addresses };
}

interface App {
  readonly ns: string;
  readonly app: string;
  readonly tier: string;
}

function ruleTemplate(kind: number, target: App, peer: App, rnd: () => number): any {
  const name = `p-${target.app}-${kind}-${Math.floor(rnd() * 1e9).toString(36)}`;
  const selector = { matchLabels: { app: target.app } };
  switch (kind) {
    case 0: // same-namespace tier to tier
      return policy(target.ns, name, selector, {
        ingress: [{ from: [{ podSelector: { matchLabels: { tier: peer.tier } } }], ports: [{ port: 8080 }] }],
      });
    case 1: // a named app in another namespace (AND)
      return policy(target.ns, name, selector, {
        ingress: [{
          from: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': peer.ns } }, podSelector: { matchLabels: { app: peer.app } } }],
          ports: [{ port: 'http' }],
        }],
      });
    case 2: // monitoring scrapes a named port
      return policy(target.ns, name, selector, {
        ingress: [{ from: [{ namespaceSelector: { matchLabels: { tier: 'system' } } }], ports: [{ port: 'metrics' }] }],
      });
    case 3: // egress to the internet except private ranges, and to a peer tier
      return policy(target.ns, name, selector, {
        policyTypes: ['Egress'],
        egress: [
          { to: [{ ipBlock: { cidr: '0.0.0.0/0', except: ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16'] } }], ports: [{ port: 443 }] },
          { to: [{ podSelector: { matchExpressions: [{ key: 'tier', operator: 'In', values: [peer.tier, 'cache'] }] } }], ports: [{ port: 8000, endPort: 8999 }] },
        ],
      });
    default: // a whole team's namespaces
      return policy(target.ns, name, { matchLabels: { tier: target.tier } }, {
        ingress: [{ from: [{ namespaceSelector: { matchExpressions: [{ key: 'env', operator: 'NotIn', values: ['staging'] }] } }] }],
      });
  }
}

function namespace(name: string, labels: Record<string, string>): any {
  return { apiVersion: 'v1', kind: 'Namespace', metadata: { name, labels } };
}

function deployment(ns: string, name: string, labels: Record<string, string>, tier: string): any {
  const ports = [{ name: 'http', containerPort: tier === 'db' ? 5432 : 8080 }, { name: 'metrics', containerPort: 9090 }];
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, namespace: ns },
    spec: { selector: { matchLabels: labels }, template: { metadata: { labels }, spec: { containers: [{ name: 'main', image: 'app', ports }] } } },
  };
}

function policy(ns: string, name: string, podSelector: any, spec: any): any {
  return { apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name, namespace: ns }, spec: { podSelector, ...spec } };
}
