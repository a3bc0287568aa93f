import { untranslatedLines } from '../../build-tools/python-examples';

describe('python-examples (package check)', () => {
  test('finds TypeScript declarations and constructor calls inside python blocks', () => {
    // GIVEN
    const text = ['Docs', '```python', 'const policy = 1', 'x = NetworkPolicy(chart, "Api")', 'y = new Port(80)', '```'].join('\n');
    // WHEN
    const found = untranslatedLines(text);
    // THEN
    expect(found).toEqual([{ line: 3, text: 'const policy = 1' }, { line: 5, text: 'y = new Port(80)' }]);
  });

  test('finds the operators jsii-rosetta copies into Python unchanged', () => {
    // GIVEN
    const text = ['```python', 'if is_netpol_error(error) && error.code == 1:', 'ok = a || b', 'same = a === b', 'fine = a and b or c', '```'].join('\n');
    // WHEN
    const found = untranslatedLines(text);
    // THEN
    expect(found.map((f) => f.line)).toEqual([2, 3, 4]);
  });

  test('ignores prose and blocks of other languages', () => {
    // GIVEN
    const text = ['`new String(\'web\')` is refused', '```ts', 'const a = new Port(1);', '```', '```python', 'a = Port.tcp(1)', '```'].join('\n');
    // WHEN
    const found = untranslatedLines(text);
    // THEN
    expect(found).toEqual([]);
  });
});
