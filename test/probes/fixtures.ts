/**
 * Applications the probe tests plan against.
 */
import { deployment, namespaceManifest, netpol } from '../util';

/** A shop: web -> api (named port http) -> db, all other ingress denied in shop; monitoring scrapes metrics. */
export function shopApp(): any[] {
  return [
    namespaceManifest('shop', { team: 'shop' }),
    namespaceManifest('monitoring', { team: 'ops' }),
    deployment('shop', 'web', { app: 'web' }, [{ name: 'http', containerPort: 80 }]),
    deployment('shop', 'api', { app: 'api' }, [{ name: 'http', containerPort: 8080 }, { name: 'metrics', containerPort: 9090 }]),
    deployment('shop', 'db', { app: 'db' }, [{ containerPort: 5432 }]),
    deployment('monitoring', 'prometheus', { app: 'prometheus' }),
    netpol('shop', 'deny-ingress', { podSelector: {}, policyTypes: ['Ingress'] }),
    netpol('shop', 'api-from-web', {
      podSelector: { matchLabels: { app: 'api' } },
      ingress: [{ from: [{ podSelector: { matchLabels: { app: 'web' } } }], ports: [{ port: 'http' }] }],
    }),
    netpol('shop', 'db-from-api', {
      podSelector: { matchLabels: { app: 'db' } },
      ingress: [{ from: [{ podSelector: { matchLabels: { app: 'api' } } }], ports: [{ port: 5432 }] }],
    }),
    netpol('shop', 'metrics-from-monitoring', {
      podSelector: { matchLabels: { app: 'api' } },
      ingress: [{ from: [{ namespaceSelector: { matchLabels: { team: 'ops' } } }], ports: [{ port: 'metrics' }] }],
    }),
  ];
}

/**
 * `count` workloads in `namespaces` namespaces, labelled with `tiers` distinct tier values (which the policies
 * read) and a unique `instance` label (which they do not): the classes follow namespaces x tiers.
 */
export function manyWorkloads(count: number, namespaces: number, tiers: number): any[] {
  const out: any[] = [];
  for (let n = 0; n < namespaces; n++) {
    const ns = `team-${n}`;
    out.push(namespaceManifest(ns));
    out.push(netpol(ns, 'deny-ingress', { podSelector: {}, policyTypes: ['Ingress'] }));
    for (let t = 1; t < tiers; t++) {
      out.push(netpol(ns, `tier-${t}-from-${t - 1}`, {
        podSelector: { matchLabels: { tier: `t${t}` } },
        ingress: [{ from: [{ podSelector: { matchLabels: { tier: `t${t - 1}` } } }], ports: [{ port: 8080 }] }],
      }));
    }
  }
  for (let i = 0; i < count; i++) {
    const ns = `team-${i % namespaces}`;
    out.push(deployment(ns, `w${String(i).padStart(4, '0')}`, { tier: `t${i % tiers}`, instance: `i${i}` },
      [{ name: 'http', containerPort: 8080 }]));
  }
  return out;
}
