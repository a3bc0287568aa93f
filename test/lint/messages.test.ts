import { LintCheck, Report } from '../../src/lint/engine/check';
import { checkDeclarations, reportText } from '../../src/lint/engine/messages';
import { CHECKS } from '../../src/lint/engine/registry';
import { Severity } from '../../src/lint/severity';
import { netpol } from '../util';

function check(messages: Record<string, { problem: string; fix: string }>, code = 'some-check'): LintCheck {
  return { code, description: 'd', defaultSeverity: Severity.WARNING, messages, check: () => [] };
}

const TOO_LONG = check({ tooLong: { problem: 'is {{length}} characters long, over {{max}}', fix: 'Use at most {{max}} characters' } });

function report(messageId: string, data?: Record<string, string | number>): Report {
  return { messageId, data, got: 'x' };
}

describe('lint messages', () => {
  test('every registered check declares its messages with lowerCamelCase ids and distinct codes', () => {
    // GIVEN / WHEN / THEN
    expect(() => checkDeclarations(CHECKS)).not.toThrow();
    for (const c of CHECKS) {
      expect(Object.keys(c.messages).length).toBeGreaterThan(0);
    }
  });

  test('fills the placeholders of the declared message from the report data', () => {
    // GIVEN / WHEN
    const text = reportText(TOO_LONG, report('tooLong', { length: 70, max: 63 }));
    // THEN
    expect(text).toEqual({ problem: 'is 70 characters long, over 63', fix: 'Use at most 63 characters' });
  });

  test('does not read placeholders inside the filled values', () => {
    // GIVEN / WHEN
    const text = reportText(TOO_LONG, report('tooLong', { length: '{{max}}', max: 63 }));
    // THEN
    expect(text.problem).toBe('is {{max}} characters long, over 63');
  });

  test.each([
    ['an undeclared message id', report('tooShort', { length: 1, max: 63 }), /reported message "tooShort", which it does not declare/],
    ['an inherited property name as id', report('toString'), /reported message "toString", which it does not declare/],
    ['a placeholder without a value', report('tooLong', { length: 70 }), /no value for \{\{max\}\}/],
    ['data that fills no placeholder', report('tooLong', { length: 70, max: 63, limit: 63 }), /data limit fills no placeholder/],
  ])('throws when a check reports %s', (_name, bad, message) => {
    // GIVEN / WHEN / THEN
    expect(() => reportText(TOO_LONG, bad)).toThrow(message);
  });

  test.each([
    ['no messages', [check({})], /declares no messages/],
    ['an id that is not lowerCamelCase', [check({ 'too-long': { problem: 'p', fix: 'f' } })], /lowerCamelCase id/],
    ['a malformed placeholder', [check({ tooLong: { problem: 'is {{ length }} long', fix: 'f' } })], /placeholders written \{\{name\}\}/],
    ['an empty fix', [check({ tooLong: { problem: 'p', fix: '' } })], /a problem and a fix/],
    ['a code that is not kebab-case', [check({ a: { problem: 'p', fix: 'f' } }, 'Some_Check')], /not kebab-case or is used twice/],
    ['a code used twice', [TOO_LONG, TOO_LONG], /not kebab-case or is used twice/],
  ])('refuses declarations with %s', (_name, checks, message) => {
    // GIVEN / WHEN / THEN
    expect(() => checkDeclarations(checks)).toThrow(message);
  });

  test('linting fails when a registered check reports a message it does not declare', () => {
    jest.isolateModules(() => {
      // GIVEN a registry with a check that breaks its declaration
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- a fresh registry, so the shared one stays as it is
      const registry: typeof import('../../src/lint/engine/registry') = require('../../src/lint/engine/registry');
      registry.CHECKS.push({ ...check({ declared: { problem: 'p', fix: 'f' } }, 'broken-check'), check: () => [report('undeclared')] });
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- the engine of that registry
      const engine: typeof import('../../src/lint/engine/engine') = require('../../src/lint/engine/engine');
      // WHEN / THEN
      expect(() => engine.runLint([netpol('shop', 'api', {})])).toThrow(/lint check broken-check reported message "undeclared", which it does not declare/);
    });
  });
});
