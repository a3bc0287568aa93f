import { runCli } from './run-cli';
import { parseDocuments } from '../../src/cli/load-manifests';

describe('line breaks as go-yaml reads them', () => {
  // the text, what kubectl's reader (sigs.k8s.io/yaml on go-yaml v2) makes of it
  const table: Array<[string, string, unknown[]]> = [
    ['CRLF', 'a: 1\r\nb: {c: d}\r\n', [{ a: 1, b: { c: 'd' } }]],
    ['a lone CR at the end', 'a: 1\nport: 80\r', [{ a: 1, port: 80 }]],
    ['a lone CR after a flow map', 'a: {b: c}\r', [{ a: { b: 'c' } }]],
    ['lone CRs between lines (old Mac files)', 'a: 1\rb: 2\r', [{ a: 1, b: 2 }]],
    ['NEL', 'a: 1\u0085b: 2\n', [{ a: 1, b: 2 }]],
    ['a line separator', 'a: p\u2028b: q\n', [{ a: 'p', b: 'q' }]],
    ['a paragraph separator', 'a: p\u2029b: q\n', [{ a: 'p', b: 'q' }]],
    ['a CR inside a double-quoted scalar, folded', 'a: "x\r y"\n', [{ a: 'x y' }]],
    ['a document marker after a lone CR', 'a: 1\r---\rb: 2\r', [{ a: 1 }, { b: 2 }]],
  ];

  test.each(table)('reads %s as go-yaml does', (_name, text, documents) => {
    // WHEN
    const read = parseDocuments('m.yaml', text);
    // THEN
    expect(read).toEqual(documents);
  });

  test('leaves JSON strings alone: a JSON reader keeps a line separator inside a string', () => {
    // WHEN
    const read = parseDocuments('m.json', '{"a": "x\u2028y"}');
    // THEN
    expect(read).toEqual([{ a: 'x\u2028y' }]);
  });

  test('a policy whose last line ends with a lone CR checks clean, with the line numbers of the file', () => {
    // GIVEN
    const policy = 'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: a, namespace: shop}\nspec: {podSelector: {}, policyTypes: [Ingress]}\r';
    // WHEN
    const clean = runCli(['check', '-'], { input: policy });
    const broken = runCli(['check', '-'], { input: policy.replace('metadata:', 'metadata: [\r') });
    // THEN
    expect([clean.code, clean.stdout]).toEqual([0, '1 document checked: 0 errors, 0 warnings, 0 info\n']);
    expect(broken.code).toBe(2);
    expect(broken.stderr).toMatch(/^cdk8s-netpol: \[<stdin>#0\] is not valid YAML at line \d+: /);
  });
});
