import { shopApp } from './fixtures';
import { podApiErrors, restrictedErrors } from './pod-rules';
import { PolicyAnalyzer } from '../../src/analysis';
import { ProbeImageDefaults, ProbePlan } from '../../src/probes';
import { Protocol } from '../../src/protocol';
import { networkPolicyApiErrors } from '../api-rules';
import { deployment, netpol } from '../util';

const PORTS = [{ portName: 'http' }, { port: 5432 }];

/** The cells' verdicts as the analyzer sees the rendered stand-in pods in place of the workloads. */
function verdictsOverStandIns(app: any[], plan: ProbePlan): Record<string, boolean> {
  const pods = plan.standInManifests();
  const analyzer = PolicyAnalyzer.fromManifests([...app.filter((m) => m.kind !== 'Deployment'), ...plan.extraManifests(), ...pods]);
  const byClass = new Map(analyzer.endpoints().filter((e) => !e.name!.endsWith('-peer')).map((e) => [e.name!.replace('netpol-probe-', ''), e]));
  const twin = new Map(analyzer.endpoints().filter((e) => e.name!.endsWith('-peer')).map((e) => [e.name!.replace(/netpol-probe-|-peer/g, ''), e]));
  const out: Record<string, boolean> = {};
  for (const c of [plan.denyCanary, plan.allowCanary, ...plan.cells]) {
    const source = c.sourceClass === c.destinationClass ? twin.get(c.sourceClass)! : byClass.get(c.sourceClass)!;
    out[c.id] = analyzer.evaluate({ source, destination: byClass.get(c.destinationClass)!, port: c.targetPort, protocol: c.protocol }).allowed;
  }
  return out;
}

describe('stand-in pods |', () => {
  test('render one pod per class (and a peer where a class probes itself) that the analyzer judges as the plan expects', () => {
    // GIVEN
    const app = shopApp();
    const plan = ProbePlan.fromManifests(app, { ports: PORTS });
    const focused = ProbePlan.fromManifests(app, { ports: PORTS, sources: ['shop/web'], destinations: ['shop/api'] });
    // WHEN
    const pods = plan.standInManifests();
    // THEN
    expect(focused.standInManifests()).toMatchSnapshot();
    expect([focused.denyCanary.id, focused.allowCanary.id]).toEqual(['c01>c02 TCP 8080', 'c02>c01 TCP 5432']);
    expect(pods.map((p) => `${p.metadata.namespace}/${p.metadata.name}`)).toEqual([
      'monitoring/netpol-probe-c01', 'monitoring/netpol-probe-c01-peer', 'shop/netpol-probe-c02', 'shop/netpol-probe-c02-peer',
      'shop/netpol-probe-c03', 'shop/netpol-probe-c03-peer', 'shop/netpol-probe-c04', 'shop/netpol-probe-c04-peer',
    ]);
    const expected = Object.fromEntries([plan.denyCanary, plan.allowCanary, ...plan.cells].map((c) => [c.id, c.expectAllowed]));
    expect(verdictsOverStandIns(app, plan)).toEqual(expected);
    expect(focused.standInManifests().map((p) => p.metadata.name)).toEqual([
      // the canaries (deny c01>c02, allow c02>c01) come from the whole table
      'netpol-probe-c01', 'netpol-probe-c02', 'netpol-probe-c04',
    ]);
  });

  test('pass the API server rules and the restricted Pod Security Standard', () => {
    // GIVEN: TCP below 1024, UDP and SCTP
    const app = [...shopApp(), deployment('shop', 'dns', { app: 'dns' }, [{ name: 'dns', containerPort: 53, protocol: 'UDP' }])];
    const plan = ProbePlan.fromManifests(app, { ports: [...PORTS, { port: 53, protocol: Protocol.UDP }, { port: 9, protocol: Protocol.SCTP }] });
    // WHEN
    const pods = plan.standInManifests({ lifetimeSeconds: 3600 });
    // THEN
    for (const pod of pods) {
      expect([pod.metadata.name, podApiErrors(pod), restrictedErrors(pod)]).toEqual([pod.metadata.name, [], []]);
      expect(pod.spec.readinessGates).toEqual([{ conditionType: 'probes.cdk8s-netpol.io/never-ready' }]);
      expect(pod.spec.activeDeadlineSeconds).toBe(3600);
    }
    const web = pods.find((p) => p.metadata.name === 'netpol-probe-c05')!;
    expect(web.metadata.labels).toEqual({ 'app': 'web', 'probes.cdk8s-netpol.io/class': 'c05', 'probes.cdk8s-netpol.io/plan': plan.id });
    expect(web.spec.containers[0].securityContext.capabilities).toEqual({ add: ['NET_BIND_SERVICE'], drop: ['ALL'] });
    expect(web.spec.securityContext.sysctls).toEqual([{ name: 'net.ipv4.ip_unprivileged_port_start', value: '0' }]);
    const db = pods.find((p) => p.metadata.name === 'netpol-probe-c04')!;
    expect(db.spec.containers[0].command).toEqual(['/agnhost', 'netexec', '--http-port=5432', '--udp-port=53', '--sctp-port=9']);
  });

  test('serve each probed port once per protocol, one netexec per container, named ports declared', () => {
    // GIVEN: api is probed on 8080 (http), 5432 and 9090 (metrics)
    const plan = ProbePlan.fromManifests(shopApp(), { ports: [...PORTS, { portName: 'metrics' }] });
    // WHEN
    const api = plan.standInManifests().find((p) => p.metadata.name === 'netpol-probe-c02')!;
    // THEN
    expect(api.spec.containers.map((c: any) => [c.name, c.command.slice(2), c.ports])).toEqual([
      ['serve-0', ['--http-port=5432', '--udp-port=-1'], [{ containerPort: 5432, protocol: 'TCP' }]],
      ['serve-1', ['--http-port=8080', '--udp-port=-1'], [{ containerPort: 8080, name: 'http', protocol: 'TCP' }]],
      ['serve-2', ['--http-port=9090', '--udp-port=-1'], [{ containerPort: 9090, name: 'metrics', protocol: 'TCP' }]],
    ]);
    expect(api.spec.containers.map((c: any) => c.securityContext.capabilities)).toEqual([{ drop: ['ALL'] }, { drop: ['ALL'] }, { drop: ['ALL'] }]);
    expect(api.spec.securityContext.sysctls).toBeUndefined();
  });

  test('use the pinned default image, a mirror registry, or a given image', () => {
    // GIVEN
    const plan = ProbePlan.fromManifests(shopApp(), { ports: PORTS });
    // WHEN
    const image = (options: any) => plan.standInManifests(options)[0].spec.containers[0].image;
    // THEN
    expect(image({})).toBe(ProbeImageDefaults.AGNHOST);
    expect(ProbeImageDefaults.AGNHOST).toMatch(/^registry\.k8s\.io\/e2e-test-images\/agnhost:[0-9.]+@sha256:[0-9a-f]{64}$/);
    expect(ProbeImageDefaults.NETSHOOT).toMatch(/^docker\.io\/nicolaka\/netshoot:v[0-9.]+@sha256:[0-9a-f]{64}$/);
    expect(image({ registry: 'registry.example.com/mirror' })).toBe(
      `registry.example.com/mirror/${ProbeImageDefaults.AGNHOST.slice('registry.k8s.io/'.length)}`);
    expect(image({ agnhostImage: 'local/agnhost:dev' })).toBe('local/agnhost:dev');
    expect(() => plan.standInManifests({ registry: 'https://r.example.com/' })).toThrow(/\[ProbeImages\] registry must be a host\[:port\]/);
  });

  test('put added canaries in their own namespace with restricted Pod Security enforced', () => {
    // GIVEN
    const app = [deployment('shop', 'web', { app: 'web' })];
    const plan = ProbePlan.fromManifests(app, { ports: [{ port: 80 }] });
    // WHEN
    const [ns, policy] = plan.extraManifests();
    const pods = plan.standInManifests();
    // THEN
    expect(ns.metadata.labels['pod-security.kubernetes.io/enforce']).toBe('restricted');
    expect(networkPolicyApiErrors(policy)).toEqual([]);
    expect(pods.filter((p) => p.metadata.namespace === 'cdk8s-netpol-probes').map((p) => p.metadata.name))
      .toEqual(['netpol-probe-canary-client', 'netpol-probe-canary-deny']);
    const expected = Object.fromEntries([plan.denyCanary, plan.allowCanary, ...plan.cells].map((c) => [c.id, c.expectAllowed]));
    expect(verdictsOverStandIns(app, plan)).toEqual(expected);
  });

  test('are rendered the same from run to run', () => {
    const app = [...shopApp(), netpol('shop', 'x', { podSelector: {}, policyTypes: ['Egress'] })];
    const a = JSON.stringify(ProbePlan.fromManifests(app, { ports: PORTS }).standInManifests());
    const b = JSON.stringify(ProbePlan.fromManifests([...app].reverse(), { ports: PORTS }).standInManifests());
    expect(a).toBe(b);
  });
});
