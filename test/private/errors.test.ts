import { formatProblem, invalid, show } from '../../src/private/errors';

describe('errors', () => {
  test('invalid() writes where, what, the value and the fix', () => {
    // GIVEN / WHEN
    const error = invalid('Port.tcp()', 'port must be a whole number from 1 to 65535', 70000, 'Use a port such as 443.');
    // THEN
    expect(error.message).toBe('[Port.tcp()] port must be a whole number from 1 to 65535 (got 70000). Use a port such as 443.');
  });

  test('formatProblem() leaves out an empty where', () => {
    // GIVEN / WHEN / THEN
    expect(formatProblem('', 'bad', 'x', 'fix it')).toBe('bad (got "x"). fix it.');
  });

  test('a fix that ends with a question or exclamation mark gets no extra period', () => {
    // GIVEN / WHEN / THEN
    expect(formatProblem('w', 'bad', 1, 'Did you mean 2?')).toBe('[w] bad (got 1). Did you mean 2?');
    expect(formatProblem('w', 'bad', 1, 'Never do this!')).toBe('[w] bad (got 1). Never do this!');
  });

  test('show() renders any value readably', () => {
    // GIVEN
    const cyclic: any = {};
    cyclic.self = cyclic;
    // WHEN / THEN
    expect([show(undefined), show(NaN), show('a'), show([1]), show(cyclic)]).toEqual(['undefined', 'NaN', '"a"', '[1]', '{"self":<cycle>}']);
  });
});
