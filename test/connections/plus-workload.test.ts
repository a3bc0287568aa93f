import { Chart, Testing } from 'cdk8s';
import * as plus28 from 'cdk8s-plus-28';
import * as plus32 from 'cdk8s-plus-32';
import * as plus33 from 'cdk8s-plus-33';
import * as plus34 from 'cdk8s-plus-34';
import { Port, Protocol, Workload } from '../../src';
import { tcp, udp, unlintedApp } from '../util';
import { analyze, denyAll, pod } from './helpers';
import { ErrorCode, problemOf } from '../problems';

function dataChart(): Chart {
  return new Chart(unlintedApp(), 'data', { namespace: 'data' });
}

/** Every maintained cdk8s-plus line, installed side by side: each is read by its shape alike. */
const PLUS_LINES: Array<[string, typeof plus28]> = [
  ['cdk8s-plus-28', plus28],
  ['cdk8s-plus-32', plus32 as unknown as typeof plus28],
  ['cdk8s-plus-33', plus33 as unknown as typeof plus28],
  ['cdk8s-plus-34', plus34 as unknown as typeof plus28],
];

describe.each(PLUS_LINES)('Workload.fromPlusWorkload() with %s', (_line, kplus) => {
  const DNS_PORTS: plus28.ContainerPort[] = [
    { number: 53, name: 'dns', protocol: kplus.Protocol.UDP },
    { number: 53, name: 'dns-tcp', protocol: kplus.Protocol.TCP },
    { number: 9153, name: 'metrics' },
  ];

  test('reads every container port with its real name and protocol', () => {
    // GIVEN
    const chart = dataChart();
    const deployment = new kplus.Deployment(chart, 'Dns', {
      containers: [{ image: 'coredns', ports: DNS_PORTS }, { image: 'sidecar', ports: [{ number: 9999, protocol: kplus.Protocol.SCTP }] }],
    });
    // WHEN
    const dns = Workload.fromPlusWorkload(deployment);
    // THEN
    expect(dns.ports).toEqual([
      { port: 53, name: 'dns', protocol: Protocol.UDP },
      { port: 53, name: 'dns-tcp', protocol: Protocol.TCP },
      { port: 9153, name: 'metrics', protocol: Protocol.TCP },
      { port: 9999, name: undefined, protocol: Protocol.SCTP },
    ]);
    // named by its construct id, not by the generated metadata.name with its hash
    expect(deployment.name).toMatch(/^data-dns-c8[0-9a-f]+$/);
    expect(dns.name).toBe('dns');
    expect(dns.namespace).toBe('data');
    // a metadata.name given by the user names the workload
    const named = new kplus.Deployment(chart, 'Named', { metadata: { name: 'coredns' }, containers: [{ image: 'coredns', ports: DNS_PORTS }] });
    expect(Workload.fromPlusWorkload(named).name).toBe('coredns');
  });

  test('a grant to a DNS deployment keeps UDP 53 as UDP, and the analyzer proves it', () => {
    // GIVEN
    const app = unlintedApp();
    const shop = new Chart(app, 'shop', { namespace: 'shop' });
    const system = new Chart(app, 'system', { namespace: 'kube-system' });
    denyAll(shop);
    denyAll(system);
    const coredns = new kplus.Deployment(system, 'CoreDns', {
      containers: [{ image: 'coredns', ports: [{ number: 53, name: 'dns', protocol: kplus.Protocol.UDP }] }],
    });
    const web = Workload.fromLabels(shop, 'Web', { labels: { app: 'web' } });
    // WHEN
    web.connections.allowTo(Workload.fromPlusWorkload(coredns));
    // THEN
    const egress = Testing.synth(shop).find((m) => m.metadata.name === 'web-egress');
    expect(egress.spec.egress[0].ports).toEqual([{ port: 53, protocol: 'UDP' }]);
    const analyzer = analyze(shop, system);
    const dnsPod = analyzer.endpoints().find((e) => e.namespace === 'kube-system')!;
    const webPod = pod('shop', { app: 'web' });
    expect(analyzer.evaluate(udp(webPod, dnsPod, 53)).allowed).toBe(true);
    expect(analyzer.evaluate(tcp(webPod, dnsPod, 53)).allowed).toBe(false);
    expect(analyzer.evaluate(udp(webPod, dnsPod, 54)).allowed).toBe(false);
  });

  test('selects Deployment, StatefulSet and DaemonSet pods by the workload selector', () => {
    // GIVEN
    const chart = dataChart();
    const containers = [{ image: 'app', ports: [{ number: 8080 }] }];
    const workloads: plus28.Workload[] = [
      new kplus.Deployment(chart, 'Deployment', { containers }),
      new kplus.StatefulSet(chart, 'StatefulSet', { containers }),
      new kplus.DaemonSet(chart, 'DaemonSet', { containers }),
    ];
    workloads[0].select(kplus.LabelSelector.of({
      labels: { app: 'shop' },
      expressions: [
        kplus.LabelExpression.exists('tier'), kplus.LabelExpression.doesNotExist('legacy'),
        kplus.LabelExpression.in('track', ['stable']), kplus.LabelExpression.notIn('zone', ['b']),
      ],
    }));
    // WHEN
    const handles = workloads.map((w) => Workload.fromPlusWorkload(w));
    // THEN
    handles.forEach((handle, i) => {
      expect(handle.selector!.labels).toEqual(workloads[i].matchLabels);
    });
    expect(handles[0].selector!.toString()).toBe(`app=shop,${kplus.Pod.ADDRESS_LABEL}=${workloads[0].matchLabels[kplus.Pod.ADDRESS_LABEL]},`
      + '!legacy,tier,track in (stable),zone notin (b)');
  });

  test('selects Pod and Job pods by the address label cdk8s-plus gives them', () => {
    // GIVEN
    const chart = dataChart();
    const podConstruct = new kplus.Pod(chart, 'Pod', { containers: [{ image: 'app', ports: [{ number: 8080 }] }] });
    const job = new kplus.Job(chart, 'Job', { containers: [{ image: 'migrate', ports: [{ number: 9000, name: 'probe' }] }] });
    // WHEN
    const handles = [Workload.fromPlusWorkload(podConstruct), Workload.fromPlusWorkload(job)];
    // THEN
    expect(handles[0].selector!.labels).toEqual({ [kplus.Pod.ADDRESS_LABEL]: podConstruct.podMetadata.getLabel(kplus.Pod.ADDRESS_LABEL) });
    expect(handles[1].selector!.labels).toEqual({ [kplus.Pod.ADDRESS_LABEL]: job.podMetadata.getLabel(kplus.Pod.ADDRESS_LABEL) });
    expect(handles[1].ports).toEqual([{ port: 9000, name: 'probe', protocol: Protocol.TCP }]);
  });

  test('returns the same handle for the same workload, and its policies land in the workload chart', () => {
    // GIVEN
    const app = unlintedApp();
    const shop = new Chart(app, 'shop', { namespace: 'shop' });
    const data = new Chart(app, 'data', { namespace: 'data' });
    const postgres = new kplus.Deployment(data, 'Postgres', { containers: [{ image: 'postgres', ports: [{ number: 5432 }] }] });
    const api = Workload.fromLabels(shop, 'Api', { labels: { app: 'api' } });
    // WHEN
    const first = Workload.fromPlusWorkload(postgres, { name: 'db' });
    const second = Workload.fromPlusWorkload(postgres);
    api.connections.allowTo(second);
    // THEN
    expect(second).toBe(first);
    expect(Testing.synth(data).filter((m) => m.kind === 'NetworkPolicy').map((m) => m.metadata.name)).toEqual(['db-ingress']);
  });

  test('container ports added after the grant are granted too', () => {
    // GIVEN
    const chart = dataChart();
    const web = Workload.fromLabels(chart, 'Web', { labels: { app: 'web' } });
    const deployment = new kplus.Deployment(chart, 'Api', {});
    const api = Workload.fromPlusWorkload(deployment, { name: 'api' });
    // WHEN
    web.connections.allowTo(api);
    deployment.addContainer({ image: 'api', ports: [{ number: 8080 }, { number: 8081, protocol: kplus.Protocol.UDP }] });
    // THEN
    const egress = Testing.synth(chart).find((m) => m.metadata.name === 'web-egress');
    expect(egress.spec.egress[0].ports).toEqual([{ port: 8080, protocol: 'TCP' }, { port: 8081, protocol: 'UDP' }]);
  });

  test('a named grant to a port the containers do not declare fails at synth', () => {
    // GIVEN
    const chart = dataChart();
    const web = Workload.fromLabels(chart, 'Web', { labels: { app: 'web' } });
    const api = Workload.fromPlusWorkload(new kplus.Deployment(chart, 'Api', { containers: [{ image: 'api', ports: [{ number: 8080, name: 'http' }] }] }));
    // WHEN
    web.connections.allowTo(api, Port.named('grpc'));
    // THEN
    expect(() => Testing.synth(chart)).toThrow(/\[data\/Api\/NetworkConnections\] named port "grpc" is not declared by workload "api".*got \["http"\].*Declare a container port/);
  });

  test('refuses a workload without a namespace', () => {
    // GIVEN
    const chart = new Chart(unlintedApp(), 'nowhere');
    const deployment = new kplus.Deployment(chart, 'Api', { containers: [{ image: 'api' }] });
    // WHEN / THEN
    expect(problemOf(() => Workload.fromPlusWorkload(deployment))).toMatchObject({ code: ErrorCode.MISSING_NAMESPACE, where: 'nowhere/Api/NetworkConnections', value: undefined });
  });

  test('refuses a second handle with another name', () => {
    // GIVEN
    const chart = dataChart();
    const deployment = new kplus.Deployment(chart, 'Api', { containers: [{ image: 'api' }] });
    Workload.fromPlusWorkload(deployment, { name: 'api' });
    // WHEN / THEN
    expect(problemOf(() => Workload.fromPlusWorkload(deployment, { name: 'backend' }))).toMatchObject({ code: ErrorCode.DUPLICATE, where: 'data/Api/NetworkConnections', value: 'backend' });
  });

  test('refuses something that is not a cdk8s-plus workload', () => {
    // GIVEN
    const chart = dataChart();
    // WHEN / THEN
    expect(problemOf(() => Workload.fromPlusWorkload(chart as any))).toMatchObject({ code: ErrorCode.WRONG_TYPE, where: 'Workload.fromPlusWorkload()', value: 'data' });
  });
});
