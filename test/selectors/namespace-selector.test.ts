import { NamespaceSelector } from '../../src';
import { ErrorCode, problemOf } from '../problems';

describe('NamespaceSelector', () => {
  test('named() selects by the kubernetes.io/metadata.name label', () => {
    // GIVEN / WHEN
    const selector = NamespaceSelector.named('monitoring');
    // THEN
    expect(selector._toKube()).toEqual({ matchLabels: { 'kubernetes.io/metadata.name': 'monitoring' }, matchExpressions: undefined });
  });

  test('namedAnyOf() selects several names with In, sorted', () => {
    // GIVEN / WHEN
    const selector = NamespaceSelector.namedAnyOf(['logging', 'monitoring', 'logging']);
    // THEN
    expect(selector._toKube().matchExpressions).toEqual([
      { key: 'kubernetes.io/metadata.name', operator: 'In', values: ['logging', 'monitoring'] },
    ]);
  });

  test('namedAnyOf() with one distinct name is named()', () => {
    // GIVEN / WHEN / THEN
    expect(NamespaceSelector.namedAnyOf(['a', 'a'])._toKube()).toEqual(NamespaceSelector.named('a')._toKube());
  });

  test('all() selects every namespace', () => {
    // GIVEN / WHEN / THEN
    expect(NamespaceSelector.all().isEmpty()).toBe(true);
  });

  test('throws when a name is not a DNS-1123 label', () => {
    // GIVEN / WHEN / THEN
    expect(problemOf(() => NamespaceSelector.namedAnyOf(['ok', 'Not_OK']))).toMatchObject({ code: ErrorCode.INVALID_NAME, where: 'NamespaceSelector.namedAnyOf()', value: 'Not_OK' });
  });
});
