import { paint, useColour } from '../../src/cli/colour';

describe('useColour', () => {
  test.each([
    [true, undefined, true],
    [true, '', true],
    [true, '1', false],
    [false, undefined, false],
    [undefined, undefined, false],
  ])('with isTTY=%s and NO_COLOR=%s is %s', (isTTY, noColour, expected) => {
    // THEN
    expect(useColour({ isTTY }, { NO_COLOR: noColour })).toBe(expected);
  });
});

describe('paint', () => {
  test('wraps text in an ANSI code only when on', () => {
    // THEN
    expect(paint(true, 'red', 'x')).toBe('\u001b[31mx\u001b[0m');
    expect(paint(false, 'red', 'x')).toBe('x');
  });
});
