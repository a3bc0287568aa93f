import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ROOT, runCli } from './run-cli';
import { decodeText } from '../../src/cli/decode-text';
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

describe('encodings as kubectl reads them', () => {
  const POLICY = 'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: a, namespace: shop, annotations: {note: "é ✓"}}\nspec: {podSelector: {}, policyTypes: [Ingress]}\n';
  const JSON_POLICY = JSON.stringify({ apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name: 'a', namespace: 'shop' }, spec: { podSelector: {}, policyTypes: ['Ingress'] } });
  const utf16be = (text: string) => Buffer.from(Buffer.from(text, 'utf16le')).swap16();

  // the encoding, the bytes of the file
  const encodings: Array<[string, Buffer]> = [
    ['UTF-8', Buffer.from(POLICY, 'utf8')],
    ['UTF-8 with a BOM', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(POLICY, 'utf8')])],
    ['UTF-16 LE with a BOM (Windows PowerShell)', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(POLICY, 'utf16le')])],
    ['UTF-16 BE with a BOM', Buffer.concat([Buffer.from([0xfe, 0xff]), utf16be(POLICY)])],
    ['JSON in UTF-8 with a BOM', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(JSON_POLICY, 'utf8')])],
    ['JSON in UTF-16 LE with a BOM', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(JSON_POLICY, 'utf16le')])],
  ];

  test.each(encodings)('reads a file in %s, and stdin the same', (name, bytes) => {
    // GIVEN
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'netpol-encoding-'));
    const file = path.join(dir, name.startsWith('JSON') ? 'p.json' : 'p.yaml');
    fs.writeFileSync(file, bytes);
    // WHEN
    const fromFile = runCli(['check', file, '--format', 'json']);
    const fromStdin = spawnSync(process.execPath, [path.join(ROOT, 'lib', 'cli', 'main.js'), 'check', '-', '--format', 'json'], { cwd: ROOT, input: bytes, encoding: 'utf8' });
    fs.rmSync(dir, { recursive: true, force: true });
    // THEN both are one clean policy
    for (const run of [fromFile, { code: fromStdin.status, stdout: fromStdin.stdout }]) {
      expect(run.code).toBe(0);
      expect(JSON.parse(run.stdout).summary).toMatchObject({ documents: 1, errors: 0, warnings: 0 });
    }
  });

  test('decodes the annotation of a UTF-16 file as its characters', () => {
    // WHEN
    const read = decodeText(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(POLICY, 'utf16le')]));
    // THEN
    expect(read).toBe(POLICY);
    expect(decodeText(Buffer.concat([Buffer.from([0xfe, 0xff]), utf16be(POLICY)]))).toBe(POLICY);
  });
});
