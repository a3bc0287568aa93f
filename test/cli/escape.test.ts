import { escapeLines, escapeText } from '../../src/cli/escape';

describe('escapeText', () => {
  // the input, what is printed
  const table: Array<[string, string, string]> = [
    ['ESC (a colour or clear-screen sequence)', '\u001b[2J\u001b[32mALL OK', '\\u{1b}[2J\\u{1b}[32mALL OK'],
    ['a newline (a fake summary line)', 'x\n0 errors', 'x\\u{a}0 errors'],
    ['a carriage return', 'a\rb', 'a\\u{d}b'],
    ['a tab', 'a\tb', 'a\\u{9}b'],
    ['NUL', 'a\u0000b', 'a\\u{0}b'],
    ['DEL', 'a\u007fb', 'a\\u{7f}b'],
    ['a C1 control (CSI)', 'a\u009bb', 'a\\u{9b}b'],
    ['a bidi override', 'a\u202eb', 'a\\u{202e}b'],
    ['a bidi embedding', 'a\u202ab', 'a\\u{202a}b'],
    ['a bidi isolate', 'a\u2066b\u2069', 'a\\u{2066}b\\u{2069}'],
    ['a line separator', 'a\u2028b', 'a\\u{2028}b'],
    ['plain text and other Unicode', 'shop/web é ✓', 'shop/web é ✓'],
  ];

  test.each(table)('escapes %s', (_name, input, printed) => {
    // WHEN / THEN
    expect(escapeText(input)).toBe(printed);
  });

  test('leaves nothing below U+0020 or in the unsafe ranges for any code point', () => {
    // GIVEN every code point of the first two planes' unsafe ranges and around them
    const all = Array.from({ length: 0x2100 }, (_, i) => String.fromCharCode(i)).join('');
    // WHEN
    const out = escapeText(all);
    // THEN
    expect(out).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/);
  });
});

describe('escapeLines', () => {
  test('keeps the newlines of the text and escapes within each line', () => {
    // WHEN / THEN
    expect(escapeLines('a\u001b\nb\u202e')).toBe('a\\u{1b}\nb\\u{202e}');
  });
});
