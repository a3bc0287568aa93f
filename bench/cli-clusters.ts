/**
 * The two clusters of the CLI benchmark, as manifest lists: N Deployments with named ports in 20 namespaces
 * and N NetworkPolicies. Both are deterministic (a seeded generator, no clock).
 *
 * - `unique`: every workload has its own `app` label and is selected by its own policy with ingress and
 *   egress rules naming other workloads' `app` labels, so no two workloads fall in one class: the worst case
 *   for grouping, and for every per-policy scan of the workloads.
 * - `mixed`: what a real cluster export looks like: per namespace a deny-all (`podSelector: {}`) both ways and
 *   a DNS allow; tier-to-tier allows by label and by `matchExpressions`, cross-namespace allows, named-port
 *   scrapes, ipBlock egress with except, and some duplicate and shadowed rules (which `check` reports).
 * - `tiers`: the `unique` cluster under cluster-wide guardrails (ClusterNetworkPolicy): an Admin deny of the
 *   cloud metadata addresses, monitoring always allowed to scrape, kube-system protected, tenant isolation
 *   (Pass within a team's namespaces, Deny from other teams), HTTPS to a domain name from production (unknown
 *   toward addresses), and a Baseline that denies what no NetworkPolicy decides but keeps DNS.
 */
import { random } from './synthetic-cluster';

export type Generator = 'unique' | 'mixed' | 'tiers';

/** The generators the CLI benchmark runs unless told otherwise. */
export const GENERATORS: Generator[] = ['unique', 'mixed'];

const NAMESPACES = 20;
const TIERS = ['web', 'api', 'db', 'cache', 'worker'];

/** The manifests of one cluster of `n` workloads and `n` policies (namespaces first). */
export function generateCluster(generator: Generator, n: number, seed = 16): any[] {
  if (generator === 'tiers') {
    return [...uniqueCluster(n), ...guardrails()];
  }
  return generator === 'unique' ? uniqueCluster(n) : mixedCluster(n, seed);
}

function namespaceName(i: number): string {
  return `team-${String(i % NAMESPACES).padStart(2, '0')}`;
}

function namespaces(): any[] {
  const list = [namespace('kube-system', { tier: 'system' }), namespace('monitoring', { tier: 'system' })];
  for (let i = 0; i < NAMESPACES; i++) {
    list.push(namespace(namespaceName(i), { team: `t${i % 7}`, env: i % 3 === 0 ? 'staging' : 'prod' }));
  }
  return list;
}

function uniqueCluster(n: number): any[] {
  const manifests = namespaces();
  for (let i = 0; i < n; i++) {
    manifests.push(deployment(namespaceName(i), `w-${i}`, { app: `w-${i}` }, 8080));
  }
  for (let i = 0; i < n; i++) {
    const ns = namespaceName(i);
    const app = (k: number) => ({ matchLabels: { app: `w-${(i + k + n) % n}` } });
    const inNamespaceOf = (k: number) => ({ matchLabels: { 'kubernetes.io/metadata.name': namespaceName((i + k + n) % n) } });
    // Flows w-i -> w-(i+20) on the named port (same namespace) and w-i -> w-(i+1) on 8080 (the next namespace),
    // each allowed by the source's egress and the destination's ingress.
    manifests.push(policy(ns, `p-${i}`, { matchLabels: { app: `w-${i}` } }, {
      policyTypes: ['Ingress', 'Egress'],
      ingress: [
        { from: [{ podSelector: app(-NAMESPACES) }], ports: [{ port: 'http' }] },
        { from: [{ namespaceSelector: inNamespaceOf(-1), podSelector: app(-1) }], ports: [{ port: 8080 }] },
      ],
      egress: [
        { to: [{ podSelector: app(NAMESPACES) }], ports: [{ port: 8080 }] },
        { to: [{ namespaceSelector: inNamespaceOf(1), podSelector: app(1) }], ports: [{ port: 'http' }] },
      ],
    }));
  }
  return manifests;
}

const DNS_PEER = {
  namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'kube-system' } },
  podSelector: { matchLabels: { 'k8s-app': 'kube-dns' } },
};

function mixedCluster(n: number, seed: number): any[] {
  const rnd = random(seed);
  const manifests = namespaces();
  manifests.push(deployment('kube-system', 'coredns', { 'k8s-app': 'kube-dns' }, 53));
  const apps = Math.max(1, Math.floor(n / 4)); // four replicas' worth of workloads per app
  for (let i = 0; i < n - 1; i++) {
    const app = i % apps;
    manifests.push(deployment(namespaceName(app), `w-${i}`, { app: `app-${app}`, tier: TIERS[app % TIERS.length], version: `v${i % 3}` }, 8080));
  }
  let made = 0;
  const add = (p: any) => {
    if (made < n) {
      manifests.push(p);
      made++;
    }
  };
  for (let i = 0; i < NAMESPACES; i++) {
    const ns = namespaceName(i);
    add(policy(ns, 'deny-all', {}, { policyTypes: ['Ingress', 'Egress'] }));
    // Every fifth namespace allows DNS over UDP only (egress-blocks-dns-tcp), and every tenth has a policy whose
    // selector has a typo (selects-no-workload).
    const dnsPorts = i % 5 === 4 ? [{ protocol: 'UDP', port: 53 }] : [{ protocol: 'UDP', port: 53 }, { protocol: 'TCP', port: 53 }];
    add(policy(ns, 'allow-dns', {}, { policyTypes: ['Egress'], egress: [{ to: [DNS_PEER], ports: dnsPorts }] }));
    if (i % 10 === 3) {
      add(policy(ns, 'allow-typo', { matchLabels: { ap: 'web' } }, { ingress: [{ from: [{ podSelector: {} }] }] }));
    }
  }
  for (let i = 0; made < n; i++) {
    const target = Math.floor(rnd() * apps);
    const peer = Math.floor(rnd() * apps);
    add(mixedPolicy(i, target, peer));
  }
  return manifests;
}

function mixedPolicy(i: number, target: number, peer: number): any {
  const ns = namespaceName(target);
  const name = `p-${i}-app-${target}`;
  const selector = { matchLabels: { app: `app-${target}` } };
  const fromTier = { podSelector: { matchLabels: { tier: TIERS[peer % TIERS.length] } } };
  switch (i % 8) {
    case 0: // tier to tier on a port, repeated by a later rule (duplicate-rule)
      return policy(ns, name, selector, { ingress: [{ from: [fromTier], ports: [{ port: 8080 }] }, { from: [fromTier], ports: [{ port: 8080 }] }] });
    case 1: // another namespace's app on a named port (AND)
      return policy(ns, name, selector, {
        ingress: [{ from: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': namespaceName(peer) } }, podSelector: { matchLabels: { app: `app-${peer}` } } }], ports: [{ port: 'http' }] }],
      });
    case 2: // monitoring scrapes a named port
      return policy(ns, name, selector, { ingress: [{ from: [{ namespaceSelector: { matchLabels: { tier: 'system' } } }], ports: [{ port: 'metrics' }] }] });
    case 3: // internet egress except private ranges, and a tier range by matchExpressions
      return policy(ns, name, selector, {
        policyTypes: ['Egress'],
        egress: [
          { to: [{ ipBlock: { cidr: '0.0.0.0/0', except: ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16'] } }], ports: [{ port: 443 }] },
          { to: [{ podSelector: { matchExpressions: [{ key: 'tier', operator: 'In', values: [TIERS[peer % TIERS.length], 'cache'] }] } }], ports: [{ port: 8000, endPort: 8999 }] },
        ],
      });
    case 4: // a broad rule, then a narrower one it shadows (shadowed-rule)
      return policy(ns, name, selector, {
        ingress: [{ from: [{ podSelector: {} }], ports: [{ port: 8080 }] }, { from: [fromTier], ports: [{ port: 8080 }] }],
      });
    case 5: // every non-staging namespace, by matchExpressions
      return policy(ns, name, { matchLabels: { tier: TIERS[target % TIERS.length] } }, {
        ingress: [{ from: [{ namespaceSelector: { matchExpressions: [{ key: 'env', operator: 'NotIn', values: ['staging'] }] } }] }],
      });
    case 6: // egress to one app's pods in the same namespace
      return policy(ns, name, selector, { policyTypes: ['Egress'], egress: [{ to: [{ podSelector: { matchLabels: { app: `app-${peer}` } } }], ports: [{ port: 8080 }] }] });
    default: // versions of an app by matchExpressions
      return policy(ns, name, { matchLabels: { app: `app-${target}` }, matchExpressions: [{ key: 'version', operator: 'In', values: ['v0', 'v1'] }] }, {
        ingress: [{ from: [fromTier], ports: [{ port: 'http' }, { port: 9090 }] }],
      });
  }
}

function namespace(name: string, labels: Record<string, string>): any {
  return { apiVersion: 'v1', kind: 'Namespace', metadata: { name, labels } };
}

function deployment(ns: string, name: string, labels: Record<string, string>, port: number): any {
  const ports = [{ name: port === 53 ? 'dns' : 'http', containerPort: port, protocol: port === 53 ? 'UDP' : 'TCP' }, { name: 'metrics', containerPort: 9090 }];
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

const TEAMS = 7;

/** Cluster-wide guardrails, as a platform team writes them (the teams of namespaces(): t0 to t6). */
function guardrails(): any[] {
  const everyNamespace = { namespaces: {} };
  const named = (name: string) => ({ matchLabels: { 'kubernetes.io/metadata.name': name } });
  const tcp = (port: number) => ({ tcp: { destinationPort: { number: port } } });
  const udp = (port: number) => ({ udp: { destinationPort: { number: port } } });
  const list = [
    clusterPolicy('deny-cloud-metadata', 'Admin', 10, everyNamespace, {
      egress: [{ name: 'metadata', action: 'Deny', to: [{ networks: ['169.254.169.254/32', 'fd00:ec2::254/128'] }] }],
    }),
    clusterPolicy('monitoring-scrapes', 'Admin', 20, everyNamespace, {
      ingress: [{ name: 'scrape', action: 'Accept', from: [{ namespaces: named('monitoring') }], protocols: [{ destinationNamedPort: 'metrics' }] }],
    }),
    clusterPolicy('protect-kube-system', 'Admin', 30, { namespaces: named('kube-system') }, {
      ingress: [
        { name: 'dns', action: 'Accept', from: [{ namespaces: {} }], protocols: [udp(53), tcp(53)] },
        { name: 'nothing-else', action: 'Deny', from: [{ namespaces: {} }] },
      ],
    }),
    clusterPolicy('https-to-partners', 'Admin', 40, { namespaces: { matchLabels: { env: 'prod' } } }, {
      egress: [{ name: 'partner-api', action: 'Accept', to: [{ domainNames: ['*.partner.example.com'] }], protocols: [tcp(443)] }],
    }),
  ];
  for (let t = 0; t < TEAMS; t++) {
    list.push(clusterPolicy(`tenant-t${t}`, 'Admin', 50 + t, { namespaces: { matchLabels: { team: `t${t}` } } }, {
      ingress: [
        { name: 'within-tenant', action: 'Pass', from: [{ namespaces: { matchLabels: { team: `t${t}` } } }] },
        { name: 'other-tenants', action: 'Deny', from: [{ namespaces: { matchExpressions: [{ key: 'team', operator: 'Exists' }] } }] },
      ],
    }));
  }
  list.push(clusterPolicy('cluster-baseline', 'Baseline', 10, everyNamespace, {
    ingress: [{ name: 'deny-undecided', action: 'Deny', from: [{ namespaces: {} }] }],
    egress: [
      { name: 'dns', action: 'Accept', to: [{ pods: { namespaceSelector: named('kube-system'), podSelector: { matchLabels: { 'k8s-app': 'kube-dns' } } } }], protocols: [udp(53), tcp(53)] },
      { name: 'deny-undecided', action: 'Deny', to: [{ namespaces: {} }, { networks: ['0.0.0.0/0', '::/0'] }] },
    ],
  }));
  return list;
}

function clusterPolicy(name: string, tier: string, priority: number, subject: any, rules: any): any {
  return { apiVersion: 'policy.networking.k8s.io/v1alpha2', kind: 'ClusterNetworkPolicy', metadata: { name }, spec: { tier, priority, subject, ...rules } };
}
