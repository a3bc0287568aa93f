/**
 * One synth-benchmark process: builds N policies one way, synthesizes them to YAML files, and prints
 * one JSON line (phase times, CPU time, peak memory, output size) on stdout.
 *
 * Usage: node synth-child.js <variant> <count> <outdir> <libDir>
 * Variants: raw (k8s.KubeNetworkPolicy), raw-intents (the same writing the intents' names and annotations), wrapped (the same inside a bare Construct, Lazy spec), plus (cdk8s-plus-28
 * NetworkPolicy), core (our NetworkPolicy), mixed (core through four empty subclasses, one per shape: what a mix of
 * construct classes costs by itself), intents (our intent constructs). All build the same policies: policy i has
 * shape i % 4 (ingress from labelled pods on TCP 8080; deny all ingress; DNS egress to kube-system; HTTPS egress to
 * 10.0.0.0/8 except 10.1.0.0/16 on TCP 443 with DNS, since pods isolated for egress need DNS and the lint that
 * runs at synth fails an app whose policies block it) and lives in namespace ns-(i % 20), one chart per namespace.
 *
 * It is transpiled to plain JavaScript by bench/synth.ts before it runs, so that no TypeScript compiler
 * runs inside the measured process. Our library is loaded from the compiled `lib/` (a require of
 * `<libDir>`); only its types come from `src/`. It imports nothing else from this repository.
 */
import { readdirSync, statSync } from 'fs';
import { join } from 'path';

type Lib = typeof import('../src');
type Cdk8s = typeof import('cdk8s');
type Plus = typeof import('cdk8s-plus-28');
type Scope = import('constructs').Construct;

/** Charts (one per namespace) the policies are spread over. */
const CHARTS = 20;

function main(argv: string[]): void {
  const [variant, countText, outdir, libDir] = argv;
  const count = Number(countText);
  const t0 = process.hrtime.bigint();
  // Loaded here, not imported at the top, so that loading is timed; the library comes from the compiled lib/ given.
  /* eslint-disable @typescript-eslint/no-require-imports */
  const cdk8s: Cdk8s = require('cdk8s');
  const plus: Plus = require('cdk8s-plus-28');
  const lib: Lib | undefined = ['core', 'mixed', 'intents'].includes(variant) ? require(libDir) : undefined;
  /* eslint-enable @typescript-eslint/no-require-imports */
  const t1 = process.hrtime.bigint();
  const app = new cdk8s.App({ outdir });
  const charts = Array.from({ length: Math.min(CHARTS, count) },
    (_, c) => new cdk8s.Chart(app, `ns-${c}`, { namespace: `ns-${c}` }));
  const build = builder(variant, cdk8s, plus, lib);
  for (let i = 0; i < count; i++) {
    build(charts[i % charts.length], i);
  }
  const t2 = process.hrtime.bigint();
  app.synth();
  const t3 = process.hrtime.bigint();
  const files = readdirSync(outdir);
  const bytes = files.reduce((sum, f) => sum + statSync(join(outdir, f)).size, 0);
  const ms = (a: bigint, b: bigint) => Number(b - a) / 1e6;
  const usage = process.resourceUsage();
  process.stdout.write(JSON.stringify({
    variant,
    count,
    loadMs: ms(t0, t1),
    constructMs: ms(t1, t2),
    synthMs: ms(t2, t3),
    inProcessMs: ms(t0, t3),
    cpuMs: (usage.userCPUTime + usage.systemCPUTime) / 1000,
    maxRssKb: usage.maxRSS,
    files: files.length,
    bytes,
  }) + '\n');
}

type Build = (chart: Scope, i: number) => void;

function builder(variant: string, cdk8s: Cdk8s, plus: Plus, lib: Lib | undefined): Build {
  switch (variant) {
    case 'raw': return rawBuilder(plus);
    case 'raw-intents': return rawIntentsBuilder(plus);
    case 'wrapped': return wrappedBuilder(plus, cdk8s);
    case 'plus': return plusBuilder(plus);
    case 'core': return coreBuilder(lib!, false);
    case 'mixed': return coreBuilder(lib!, true);
    case 'intents': return intentsBuilder(lib!);
    default: throw new Error(`unknown variant ${JSON.stringify(variant)} (cdk8s ${cdk8s ? 'loaded' : 'missing'})`);
  }
}

/** The floor: the generated k8s class of cdk8s-plus-28, spec written by hand. */
function rawBuilder(plus: Plus): Build {
  return (chart, i) => {
    new plus.k8s.KubeNetworkPolicy(chart, `Policy${i}`, { metadata: { name: `policy${i}` }, spec: rawSpec(plus, i) });
  };
}

/** The intents' descriptions, by shape, for policy i. */
const INTENT_DESCRIPTIONS = [
  (i: number) => `Allow ingress to the selected pods from pods(app=client-${i}).`,
  () => 'Deny all ingress to the selected pods.',
  () => 'Allow the selected pods to query cluster DNS (kube-system, k8s-app in kube-dns/coredns) on UDP and TCP 53.',
  () => 'Allow the selected pods to query cluster DNS (kube-system, k8s-app in kube-dns/coredns) on UDP and TCP 53, and HTTPS to ipBlock 10.0.0.0/8 except 10.1.0.0/16.',
];

/** The rule annotations of shape 3 (two egress rules; the other shapes have one rule or none). */
const SHAPE3_RULES = '0: HTTPS to ipBlock 10.0.0.0/8 except 10.1.0.0/16\n1: DNS: cluster DNS (kube-system, k8s-app in kube-dns/coredns) on UDP and TCP 53';

/** The intents' default names, by shape, for policy i. */
const INTENT_NAMES = [
  (i: number) => `svc-${i}-allow-from-client-${i}`,
  (i: number) => `svc-${i}-deny-all-ingress`,
  (i: number) => `svc-${i}-allow-dns-egress`,
  (i: number) => `svc-${i}-allow-dns-https-egress`,
];

/**
 * The floor for the intents: the generated k8s class writing the intents' manifests byte for byte (their names
 * and description annotations), specs written by hand. The intents' own cost is their time over this one.
 */
function rawIntentsBuilder(plus: Plus): Build {
  return (chart, i) => {
    new plus.k8s.KubeNetworkPolicy(chart, `Intent${i}`, {
      metadata: {
        name: INTENT_NAMES[i % 4](i),
        annotations: {
          'cdk8s-netpol.dev/description': INTENT_DESCRIPTIONS[i % 4](i),
          ...(i % 4 === 3 ? { 'cdk8s-netpol.dev/egress-rules': SHAPE3_RULES } : {}),
        },
      },
      spec: rawSpec(plus, i),
    });
  };
}

/**
 * The floor for any construct that owns its ApiObject: the same hand-written spec, behind a Lazy, in a
 * KubeNetworkPolicy that is the child `Resource` of a bare Construct (the tree shape of our NetworkPolicy).
 */
function wrappedBuilder(plus: Plus, cdk8s: Cdk8s): Build {
  const { Construct } = require('constructs') as typeof import('constructs'); // eslint-disable-line @typescript-eslint/no-require-imports
  return (chart, i) => {
    const spec = rawSpec(plus, i);
    new plus.k8s.KubeNetworkPolicy(new Construct(chart, `Policy${i}`), 'Resource', {
      metadata: { name: `policy${i}` },
      spec: cdk8s.Lazy.any({ produce: () => spec }) as unknown as import('cdk8s-plus-28').k8s.NetworkPolicySpec,
    });
  };
}

/** Egress to the cluster DNS on TCP and UDP 53, as shape 2 writes it (shape 3 adds it after its HTTPS rule). */
function DNS_RULE(k8s: Plus['k8s']): import('cdk8s-plus-28').k8s.NetworkPolicyEgressRule {
  return {
    to: [{
      namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'kube-system' } },
      podSelector: { matchExpressions: [{ key: 'k8s-app', operator: 'In', values: ['coredns', 'kube-dns'] }] },
    }],
    ports: [{ protocol: 'TCP', port: k8s.IntOrString.fromNumber(53) }, { protocol: 'UDP', port: k8s.IntOrString.fromNumber(53) }],
  };
}

function rawSpec(plus: Plus, i: number): import('cdk8s-plus-28').k8s.NetworkPolicySpec {
  const { k8s } = plus;
  const podSelector = { matchLabels: { app: `svc-${i}` } };
  let spec: import('cdk8s-plus-28').k8s.NetworkPolicySpec;
  switch (i % 4) {
    case 0:
      spec = {
        podSelector,
        policyTypes: ['Ingress'],
        ingress: [{
          from: [{ podSelector: { matchLabels: { app: `client-${i}` } } }],
          ports: [{ protocol: 'TCP', port: k8s.IntOrString.fromNumber(8080) }],
        }],
      };
      break;
    case 1:
      spec = { podSelector, policyTypes: ['Ingress'], ingress: [] };
      break;
    case 2:
      spec = {
        podSelector,
        policyTypes: ['Egress'],
        egress: [{
          to: [{
            namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'kube-system' } },
            podSelector: { matchExpressions: [{ key: 'k8s-app', operator: 'In', values: ['coredns', 'kube-dns'] }] },
          }],
          ports: [{ protocol: 'TCP', port: k8s.IntOrString.fromNumber(53) }, { protocol: 'UDP', port: k8s.IntOrString.fromNumber(53) }],
        }],
      };
      break;
    default:
      spec = {
        podSelector,
        policyTypes: ['Egress'],
        egress: [{
          to: [{ ipBlock: { cidr: '10.0.0.0/8', except: ['10.1.0.0/16'] } }],
          ports: [{ protocol: 'TCP', port: k8s.IntOrString.fromNumber(443) }],
        }, DNS_RULE(k8s)],
      };
  }
  return spec;
}

/** cdk8s-plus-28: peers are constructs (Pods.select, NetworkPolicyIpBlock), rules added with add*Rule. */
function plusBuilder(plus: Plus): Build {
  const shared = new Map<Scope, { dns: import('cdk8s-plus-28').Pods; block: import('cdk8s-plus-28').NetworkPolicyIpBlock }>();
  const sharedOf = (chart: Scope) => {
    let entry = shared.get(chart);
    if (entry === undefined) {
      const kubeSystem = plus.Namespaces.select(chart, 'KubeSystem', { names: ['kube-system'] });
      entry = {
        dns: plus.Pods.select(chart, 'Dns', { expressions: [plus.LabelExpression.in('k8s-app', ['coredns', 'kube-dns'])], namespaces: kubeSystem }),
        block: plus.NetworkPolicyIpBlock.ipv4(chart, 'Block', '10.0.0.0/8', ['10.1.0.0/16']),
      };
      shared.set(chart, entry);
    }
    return entry;
  };
  return (chart, i) => {
    const selector = plus.Pods.select(chart, `Target${i}`, { labels: { app: `svc-${i}` } });
    const metadata = { name: `policy${i}` };
    switch (i % 4) {
      case 0: {
        const policy = new plus.NetworkPolicy(chart, `Policy${i}`, { metadata, selector });
        policy.addIngressRule(plus.Pods.select(chart, `Client${i}`, { labels: { app: `client-${i}` } }), [plus.NetworkPolicyPort.tcp(8080)]);
        break;
      }
      case 1:
        new plus.NetworkPolicy(chart, `Policy${i}`, { metadata, selector, ingress: { default: plus.NetworkPolicyTrafficDefault.DENY } });
        break;
      case 2: {
        const policy = new plus.NetworkPolicy(chart, `Policy${i}`, { metadata, selector });
        policy.addEgressRule(sharedOf(chart).dns, [plus.NetworkPolicyPort.tcp(53), plus.NetworkPolicyPort.udp(53)]);
        break;
      }
      default: {
        const policy = new plus.NetworkPolicy(chart, `Policy${i}`, { metadata, selector });
        policy.addEgressRule(sharedOf(chart).block, [plus.NetworkPolicyPort.tcp(443)]);
        policy.addEgressRule(sharedOf(chart).dns, [plus.NetworkPolicyPort.tcp(53), plus.NetworkPolicyPort.udp(53)]);
      }
    }
  };
}

/**
 * Our core construct, with values (selectors, peers, ports) made once where a program would share them. With
 * `mixed`, each shape is made through its own empty subclass of NetworkPolicy, as the intents are: cdk8s then
 * meets four classes where it met one, which is what a mix of construct classes costs by itself.
 */
function coreBuilder(lib: Lib, mixed: boolean): Build {
  const { LabelSelector, LabelRequirement, Peer, Port } = lib;
  class Shape0 extends lib.NetworkPolicy {}
  class Shape1 extends lib.NetworkPolicy {}
  class Shape2 extends lib.NetworkPolicy {}
  class Shape3 extends lib.NetworkPolicy {}
  const classes = mixed ? [Shape0, Shape1, Shape2, Shape3] : [lib.NetworkPolicy, lib.NetworkPolicy, lib.NetworkPolicy, lib.NetworkPolicy];
  const dns = Peer.podsInNamespace('kube-system',
    LabelSelector.of({ expressions: [LabelRequirement.isIn('k8s-app', ['coredns', 'kube-dns'])] }));
  const block = Peer.ipBlock('10.0.0.0/8', ['10.1.0.0/16']);
  return (chart, i) => {
    const selector = LabelSelector.of({ labels: { app: `svc-${i}` } });
    const id = `Policy${i}`;
    const NetworkPolicy = classes[i % 4];
    switch (i % 4) {
      case 0:
        new NetworkPolicy(chart, id, {
          selector,
          ingress: [{
            peers: [Peer.pods(LabelSelector.of({ labels: { app: `client-${i}` } }))], ports: [Port.tcp(8080)],
          }],
        });
        break;
      case 1:
        new NetworkPolicy(chart, id, { selector, ingress: [] });
        break;
      case 2:
        new NetworkPolicy(chart, id, { selector, egress: [{ peers: [dns], ports: [Port.DNS_UDP, Port.DNS_TCP] }] });
        break;
      default:
        new NetworkPolicy(chart, id, {
          selector,
          egress: [{ peers: [block], ports: [Port.HTTPS] }, { peers: [dns], ports: [Port.DNS_UDP, Port.DNS_TCP] }],
        });
    }
  };
}

/** Our intent constructs: the same four policies said by intent (default names and descriptions). */
function intentsBuilder(lib: Lib): Build {
  const { AllowDnsEgress, AllowDnsHttpsEgress, AllowFromLabel, DenyAllIngress, LabelSelector, Peer, Port } = lib;
  const block = Peer.ipBlock('10.0.0.0/8', ['10.1.0.0/16']);
  return (chart, i) => {
    const selector = LabelSelector.of({ labels: { app: `svc-${i}` } });
    const id = `Intent${i}`;
    switch (i % 4) {
      case 0:
        new AllowFromLabel(chart, id, {
          selector, sourceSelector: LabelSelector.of({ labels: { app: `client-${i}` } }), ports: [Port.tcp(8080)],
        });
        break;
      case 1:
        new DenyAllIngress(chart, id, { selector });
        break;
      case 2:
        new AllowDnsEgress(chart, id, { selector });
        break;
      default:
        new AllowDnsHttpsEgress(chart, id, { selector, httpsDestinations: [block] });
    }
  };
}

main(process.argv.slice(2));
