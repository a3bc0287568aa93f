import { ErrorCode, formatProblem, invalid, NetpolError, NetpolErrors, show } from '../../src/private/errors';

describe('errors', () => {
  test('invalid() writes where, what, the value and the fix', () => {
    // GIVEN / WHEN
    const error = invalid(ErrorCode.PORT_OUT_OF_RANGE, 'Port.tcp()', 'port must be a whole number from 1 to 65535', 70000, 'Use a port such as 443.');
    // THEN
    expect(error.message).toBe('[Port.tcp()] port must be a whole number from 1 to 65535 (got 70000). Use a port such as 443.');
  });

  test('invalid() keeps the code and the parts of the message as fields', () => {
    // GIVEN / WHEN
    const error = invalid(ErrorCode.INVALID_LABEL_KEY, 'LabelSelector.of()', 'label key has more than one "/"', 'a/b/c', 'Use "prefix/name"');
    // THEN
    expect(error).toBeInstanceOf(Error);
    expect(error).toBeInstanceOf(NetpolError);
    expect(error.name).toBe('NetpolError');
    expect({ code: error.code, where: error.where, problem: error.problem, value: error.value, fix: error.fix }).toEqual({
      code: ErrorCode.INVALID_LABEL_KEY,
      where: 'LabelSelector.of()',
      problem: 'label key has more than one "/"',
      value: 'a/b/c',
      fix: 'Use "prefix/name"',
    });
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

  test('isNetpolError() recognises only the library\'s errors', () => {
    // GIVEN
    const ours = invalid(ErrorCode.EMPTY_LIST, 'w', 'bad', [], 'fix');
    const lookalike = Object.assign(new Error('[w] bad (got []). fix.'), { code: ErrorCode.EMPTY_LIST });
    // WHEN / THEN
    expect([ours, lookalike, new Error('x'), undefined, null, 'NetpolError', {}].map((x) => NetpolErrors.isNetpolError(x)))
      .toEqual([true, false, false, false, false, false, false]);
  });

  test('isNetpolError() recognises an error of a second copy of the library, which instanceof does not', () => {
    // GIVEN: the module loaded again from a fresh registry, as a second installed copy would be
    let other: typeof import('../../src/private/errors') | undefined;
    jest.isolateModules(() => {
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- a second copy needs a fresh load, which only require() gives inside isolateModules
      other = require('../../src/private/errors');
    });
    // WHEN
    const theirs = other!.invalid(other!.ErrorCode.CIDR_HOST_BITS, 'Peer.ipBlock()', 'CIDR has bits set past its prefix length', '10.0.0.1/8', 'Use 10.0.0.0/8');
    // THEN
    expect(other!.NetpolError).not.toBe(NetpolError);
    expect(theirs instanceof NetpolError).toBe(false);
    expect(NetpolErrors.isNetpolError(theirs)).toBe(true);
    expect(other!.NetpolErrors.isNetpolError(invalid(ErrorCode.CIDR_HOST_BITS, 'w', 'p', 1, 'f'))).toBe(true);
    expect(theirs.code).toBe(ErrorCode.CIDR_HOST_BITS);
  });
});
