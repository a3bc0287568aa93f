import { Chart, Testing } from 'cdk8s';
import { Construct } from 'constructs';
import { defaultPolicyName, kebab, PolicyNameRegistry } from '../../src/private/policy-names';

describe('policy-names', () => {
  test.each([
    ['AllowWeb', 'allow-web'], ['AllowHTTPFromWeb', 'allow-http-from-web'], ['API2', 'api2'], ['deny_all', 'deny-all'],
    ['already-kebab', 'already-kebab'], ['Web2Api', 'web2-api'], ['--x--', 'x'],
  ])('kebab(%s) is %s', (id, expected) => {
    // GIVEN / WHEN / THEN
    expect(kebab(id)).toBe(expected);
  });

  test('default names skip Default ids and fall back when nothing is left', () => {
    // GIVEN
    const chart = new Chart(Testing.app(), 'c');
    const outer = new Construct(chart, 'Default');
    // WHEN
    const inner = new Construct(outer, 'Web');
    const only = new Construct(new Construct(chart, '---'), 'Default');
    // THEN
    expect(defaultPolicyName(inner)).toBe('web');
    expect(defaultPolicyName(only)).toBe('network-policy');
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
    expect(registry.problemsOf(a)[0]).toMatch(/used more than once in namespace "default", .*\(got \["c\/B"\]\)/);
    expect(PolicyNameRegistry.of(new Construct(chart, 'C'))).toBe(registry);
  });

  test('a duplicate registered later is reported for both policies, and unique names report nothing', () => {
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
    expect(registry.problemsOf(a)[0]).toMatch(/\(got \["c\/C"\]\)/);
    expect(registry.problemsOf(c)[0]).toMatch(/\(got \["c\/A"\]\)/);
    expect(registry.problemsOf(b)).toEqual([]);
  });
});
