import { DATA } from './formatters.data';
import { groupMatrices, matrixJson, matrixMarkdown, matrixText } from '../../src/cli/format-matrix';

describe('matrix formatters', () => {
  test('group the ports whose matrices are identical, in order of their first port', () => {
    // WHEN
    const groups = groupMatrices(DATA);
    // THEN
    expect(groups.map((g) => g.labels)).toEqual([['TCP 80', 'UDP 53'], ['TCP 443']]);
  });

  test('align the text table for a terminal, rows numbered as the columns', () => {
    // WHEN
    const text = matrixText(DATA, false);
    // THEN
    expect(text).toMatchSnapshot();
    expect(text).toContain('TCP 80, UDP 53: 2 of 9 allowed\nfrom \\ to         1 2 3\n1 shop/api        ✗ ✗ ✗\n');
  });

  test('colour allowed cells green and denied cells red only when asked', () => {
    // THEN
    expect(matrixText(DATA, true)).toContain('\u001b[32m✓\u001b[0m');
    expect(matrixText(DATA, true)).toContain('\u001b[31m✗\u001b[0m');
  });

  test('write one Markdown table per group with the endpoints as columns', () => {
    // WHEN
    const markdown = matrixMarkdown(DATA);
    // THEN
    expect(markdown).toMatchSnapshot();
    expect(markdown).toContain('| from \\ to | `shop/api` | `shop/web` | `ip:203.0.113.7` |');
    expect(markdown).toContain('| `shop/web` | ✅ | ❌ | ❌ |');
  });

  test('write the table data unchanged as JSON', () => {
    // THEN
    expect(JSON.parse(matrixJson(DATA))).toEqual(DATA);
  });
});
