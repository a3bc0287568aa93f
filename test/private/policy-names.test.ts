import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, Chart, Testing } from 'cdk8s';
import { Construct } from 'constructs';
import { DenyAllIngress, LabelSelector, NetworkPolicy } from '../../src';
import { defaultPolicyName, fitName, kebab, PolicyNameRegistry } from '../../src/private/policy-names';
import { secondCopyOfPackage, synthError } from '../util';

describe('policy-names', () => {
  test.each([
    ['AllowWeb', 'allow-web'], ['AllowHTTPFromWeb', 'allow-http-from-web'], ['API2', 'api2'], ['deny_all', 'deny-all'],
    ['already-kebab', 'already-kebab'], ['Web2Api', 'web2-api'], ['--x--', 'x'], ['Policy12', 'policy12'], ['Api', 'api'], ['web', 'web'], ['A', 'a'], ['', ''],
  ])('kebab(%s) is %s', (id, expected) => {
    // GIVEN / WHEN / THEN
    expect(kebab(id)).toBe(expected);
  });

  test('default names skip Default ids and fall back when nothing is left', () => {
    // GIVEN
    const chart = new Chart(Testing.app(), 'c');
    const outer = new Construct(chart, 'Default');
    // WHEN
    const inner = defaultPolicyName(outer, 'Web');
    const only = defaultPolicyName(new Construct(chart, '---'), 'Default');
    // THEN
    expect(inner).toBe('web');
    expect(only).toBe('network-policy');
  });

  test('a policy straight in its chart is named like one in a construct of the chart', () => {
    // GIVEN
    const chart = new Chart(Testing.app(), 'c');
    const wrapper = new Construct(chart, 'Default');
    const long = `Allow${'VeryLong'.repeat(10)}`;
    // WHEN / THEN: the same names, whether or not an ancestor has to be walked
    for (const id of ['Default', '---', 'AllowWeb', 'a/b']) {
      expect(defaultPolicyName(chart, id)).toBe(defaultPolicyName(wrapper, id));
    }
    expect(defaultPolicyName(chart, 'Default')).toBe('network-policy');
    expect(defaultPolicyName(chart, '---')).toBe('network-policy');
    expect(defaultPolicyName(chart, 'a/b')).toBe('a-b');
    expect(defaultPolicyName(chart, long)).toHaveLength(63);
    expect(defaultPolicyName(chart, long)).toMatch(/^allow-very-long-(very-long-)*[a-z-]*-[0-9a-f]{8}$/);
  });

  test('the default name is known before the construct exists, from its scope and id', () => {
    // GIVEN
    const chart = new Chart(Testing.app(), 'c');
    const team = new Construct(chart, 'Team');
    // WHEN
    const name = defaultPolicyName(team, 'AllowWeb');
    const direct = defaultPolicyName(chart, 'Api/V2');
    // THEN
    expect(name).toBe('team-allow-web');
    expect(direct).toBe('api-v2');
  });

  test('the registry counts a missing namespace as default', () => {
    // GIVEN
    const chart = new Chart(Testing.app(), 'c');
    const registry = PolicyNameRegistry.of(chart);
    const a = Object.assign(new Construct(chart, 'A'), { name: 'p', namespace: undefined });
    const b = Object.assign(new Construct(chart, 'B'), { name: 'p', namespace: 'default' });
    // WHEN
    registry.register(a);
    registry.register(b);
    // THEN
    expect(registry.problemsOf(b)[0]).toMatch(/used more than once in namespace "default", .*\(got \["c\/A"\]\)/);
    expect(registry.problemsOf(a)).toEqual([]);
  });

  test('the names live on the app root: every registry of one app sees them, another app does not', () => {
    // GIVEN
    const app = Testing.app();
    const chart = new Chart(app, 'c');
    const a = Object.assign(new Construct(chart, 'A'), { name: 'p', namespace: 'shop' });
    const b = Object.assign(new Construct(new Construct(chart, 'Deep'), 'B'), { name: 'p', namespace: 'shop' });
    const elsewhere = Object.assign(new Construct(new Chart(Testing.app(), 'd'), 'E'), { name: 'p', namespace: 'shop' });
    // WHEN
    PolicyNameRegistry.of(chart).register(a);
    PolicyNameRegistry.of(b).register(b);
    PolicyNameRegistry.of(elsewhere).register(elsewhere);
    // THEN
    expect(PolicyNameRegistry.of(new Chart(app, 'other')).problemsOf(b)[0]).toMatch(/\(got \["c\/A"\]\)/);
    expect(elsewhere.node.validate()).toEqual([]);
    expect(Object.keys(app)).not.toContain('cdk8s-netpol.policy-names');
    expect(Object.getOwnPropertySymbols(app).map(String)).toContain('Symbol(cdk8s-netpol.policy-names)');
    expect(JSON.stringify(Object.getOwnPropertyDescriptor(app, Symbol.for('cdk8s-netpol.policy-names'))))
      .toBe(JSON.stringify({ value: {}, writable: false, enumerable: false, configurable: false }));
  });

  test('two copies of the package in one app share the names: a duplicate across copies is one error', () => {
    // GIVEN
    // a second copy of this package, sharing its peer dependencies with the first
    const copy = secondCopyOfPackage();
    const app = new App({ outdir: fs.mkdtempSync(path.join(os.tmpdir(), 'netpol-')) });
    const chart = new Chart(app, 'test', { namespace: 'shop' });
    // WHEN
    new NetworkPolicy(chart, 'Ours', { name: 'allow-web', selector: LabelSelector.of({ labels: { app: 'web' } }), ingress: [] });
    new copy.NetworkPolicy(chart, 'Theirs', { name: 'allow-web', selector: copy.LabelSelector.of({ labels: { app: 'api' } }), egress: [] });
    new copy.DenyAllIngress(chart, 'TheirDeny');
    new DenyAllIngress(chart, 'OurDeny', { namespace: 'other' });
    const message = synthError(() => app.synth());
    // THEN
    expect(copy.NetworkPolicy).not.toBe(NetworkPolicy);
    expect(message).toMatch(/\[test\/Theirs\] policy name "allow-web" is used more than once in namespace "shop".*\(got \["test\/Ours"\]\)/s);
    expect(message.match(/is used more than once/g)).toHaveLength(1);
  });

  test('a duplicate is reported by the policy registered later, naming the earlier one; unique names report nothing', () => {
    // GIVEN
    const chart = new Chart(Testing.app(), 'c');
    const registry = PolicyNameRegistry.of(chart);
    const a = Object.assign(new Construct(chart, 'A'), { name: 'p', namespace: 'shop' });
    const b = Object.assign(new Construct(chart, 'B'), { name: 'q', namespace: 'shop' });
    registry.register(a);
    registry.register(b);
    expect(registry.problemsOf(a)).toEqual([]);
    // WHEN
    const c = Object.assign(new Construct(chart, 'C'), { name: 'p', namespace: 'shop' });
    registry.register(c);
    // THEN
    expect(registry.problemsOf(a)).toEqual([]);
    expect(registry.problemsOf(c)[0]).toMatch(/\(got \["c\/A"\]\)/);
    expect(registry.problemsOf(b)).toEqual([]);
  });

  test('a duplicate name fails validation once per later policy, each naming the policies before it', () => {
    // GIVEN
    const chart = new Chart(Testing.app(), 'c');
    const registry = PolicyNameRegistry.of(chart);
    const [a, b, c, d] = ['A', 'B', 'C', 'D'].map((id) => Object.assign(new Construct(chart, id), { name: id === 'D' ? 'q' : 'p', namespace: 'shop' }));
    registry.register(a);
    registry.register(d);
    expect(a.node.validate()).toEqual([]);
    // WHEN
    registry.register(b);
    registry.register(c);
    // THEN
    expect(a.node.validate()).toEqual([]);
    expect(b.node.validate()).toHaveLength(1);
    expect(b.node.validate()[0]).toMatch(/\(got \["c\/A"\]\)/);
    expect(c.node.validate()).toHaveLength(1);
    expect(c.node.validate()[0]).toMatch(/\(got \["c\/A","c\/B"\]\)/);
    expect(d.node.validate()).toEqual([]);
  });

  test('fitName keeps short names and cuts long ones to 63 characters with a hash before the tail', () => {
    // GIVEN
    const long = `${'a'.repeat(60)}-.b`;
    // WHEN
    const short = fitName('web', () => 'unused', '-ingress');
    const cut = fitName(long, () => 'path/of/it', '-egress');
    // THEN
    expect(short).toBe('web-ingress');
    expect(cut).toHaveLength(63);
    expect(cut).toMatch(/^a+-[0-9a-f]{8}-egress$/);
    expect(fitName(long, () => 'other/path', '-egress')).not.toBe(cut);
  });
});
