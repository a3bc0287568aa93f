import { LabelOperator, LabelRequirement, LabelSelector } from '../../src';
import { ErrorCode, problemOf } from '../problems';

describe('LabelSelector', () => {
  test('renders labels and expressions sorted, values sorted and unique', () => {
    // GIVEN
    const selector = LabelSelector.of({
      labels: { tier: 'web', app: 'shop' },
      expressions: [
        LabelRequirement.isNotIn('zone', ['b', 'a', 'b']),
        LabelRequirement.exists('canary'),
        LabelRequirement.isIn('zone', ['c']),
      ],
    });
    // WHEN
    const kube = selector._toKube();
    // THEN
    expect(Object.keys(kube.matchLabels!)).toEqual(['app', 'tier']);
    expect(kube.matchExpressions).toEqual([
      { key: 'canary', operator: 'Exists', values: undefined },
      { key: 'zone', operator: 'In', values: ['c'] },
      { key: 'zone', operator: 'NotIn', values: ['a', 'b'] },
    ]);
    expect(selector.toString()).toBe('app=shop,tier=web,canary,zone in (c),zone notin (a,b)');
  });

  test('all() is the explicit empty selector', () => {
    // GIVEN / WHEN
    const all = LabelSelector.all();
    // THEN
    expect(all.isEmpty()).toBe(true);
    expect(all._toKube()).toEqual({ matchLabels: undefined, matchExpressions: undefined });
    expect(all.toString()).toBe('<all>');
  });

  test('expressions alone make a valid selector', () => {
    // GIVEN / WHEN
    const selector = LabelSelector.of({ expressions: [LabelRequirement.doesNotExist('legacy')] });
    // THEN
    expect(selector.isEmpty()).toBe(false);
    expect(selector.toString()).toBe('!legacy');
    expect(selector.expressions[0].operator).toBe(LabelOperator.DOES_NOT_EXIST);
  });

  test('is immutable: inputs are copied and getters return copies', () => {
    // GIVEN
    const labels: Record<string, string> = { app: 'web' };
    const selector = LabelSelector.matchLabels(labels);
    // WHEN
    labels.app = 'changed';
    selector.labels.app = 'changed too';
    const wider = selector.withLabel('tier', 'front');
    // THEN
    expect(selector.labels).toEqual({ app: 'web' });
    expect(wider.labels).toEqual({ app: 'web', tier: 'front' });
  });

  test('accepts prefixed keys, empty values and 63-character names', () => {
    // GIVEN / WHEN
    const selector = LabelSelector.of({ labels: { 'app.kubernetes.io/name': 'web', 'example.com/empty': '', ['k'.repeat(63)]: 'v'.repeat(63) } });
    // THEN
    expect(Object.keys(selector.labels)).toHaveLength(3);
  });

  test('throws when an expression is not a LabelRequirement', () => {
    // GIVEN / WHEN / THEN
    expect(problemOf(() => LabelSelector.of({ expressions: [{ key: 'a' } as any] })))
      .toMatchObject({ code: ErrorCode.WRONG_TYPE, where: 'LabelSelector.of()', problem: 'expressions[0] must be a LabelRequirement', value: { key: 'a' } });
  });

  test('requirements expose copies of their values', () => {
    // GIVEN
    const requirement = LabelRequirement.isIn('tier', ['b', 'a']);
    // WHEN
    requirement.values.push('c');
    // THEN
    expect(requirement.values).toEqual(['a', 'b']);
  });

  test('the Kubernetes form is computed once and stays canonical', () => {
    // GIVEN
    const selector = LabelSelector.of({ labels: { b: '2', a: '1' }, expressions: [LabelRequirement.exists('z'), LabelRequirement.isIn('y', ['q', 'p'])] });
    // WHEN
    const first = selector._toKube();
    const again = selector._toKube();
    // THEN
    expect(again).toBe(first);
    expect(Object.keys(first.matchLabels!)).toEqual(['a', 'b']);
    expect(first.matchExpressions!.map((e) => e.key)).toEqual(['y', 'z']);
    expect(selector.toString()).toBe('a=1,b=2,y in (p,q),z');
  });
});
