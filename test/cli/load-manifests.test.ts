import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { CliError } from '../../src/cli/errors';
import { loadManifests, parseDocuments } from '../../src/cli/load-manifests';
import { ErrorCode, problemOf, rejectionOf } from '../problems';

const noStdin = async () => '';

describe('parseDocuments', () => {
  test('returns one object per YAML document, keeping empty documents as null', () => {
    // WHEN
    const docs = parseDocuments('a.yaml', 'kind: A\n---\n---\nkind: B\n');
    // THEN
    expect(docs).toEqual([{ kind: 'A' }, null, { kind: 'B' }]);
  });

  test('reads YAML 1.1 as kubectl does: yes and on are booleans, 0755 is octal', () => {
    // WHEN
    const docs = parseDocuments('a.yaml', 'labels: {a: yes, b: on, c: "1"}\nport: 0755\n');
    // THEN
    expect(docs).toEqual([{ labels: { a: true, b: true, c: '1' }, port: 493 }]);
  });

  test('reads a .json file holding a list as one document per item, and an object as one document', () => {
    // WHEN
    const list = parseDocuments('a.json', '[{"kind":"A"},{"kind":"B"}]');
    const single = parseDocuments('b.json', '{"kind":"List","items":[]}');
    // THEN
    expect(list).toEqual([{ kind: 'A' }, { kind: 'B' }]);
    expect(single).toEqual([{ kind: 'List', items: [] }]);
  });

  test('throws naming the file, the document and the line on a YAML syntax error', () => {
    // WHEN
    const parse = () => parseDocuments('dist/app.yaml', 'kind: A\n---\nkind: B\nmetadata: {name: x\nspec: {}\n');
    // THEN
    expect(parse).toThrow(CliError);
    expect(problemOf(parse)).toMatchObject({ code: ErrorCode.UNPARSABLE_INPUT, where: 'dist/app.yaml#1', value: 'spec: {}' });
  });

  test('throws on a duplicate key, which the API server would also refuse', () => {
    // WHEN
    const parse = () => parseDocuments('a.yaml', 'kind: A\nkind: B\n');
    // THEN
    expect(parse).toThrow(/^\[a\.yaml#0 line 2\] has the key "kind" twice \(got "kind: B"\)\. Remove one of them/);
  });

  test('throws naming the file on invalid JSON', () => {
    // WHEN
    const parse = () => parseDocuments('a.json', '{"kind":');
    // THEN
    expect(parse).toThrow(/^\[a\.json#0\] is not valid JSON at line 1: .*\(got "\{\\"kind\\":"\)\. Fix the JSON syntax\.$/);
  });
});

describe('loadManifests', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'netpol-cli-'));
  });
  afterEach(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test('fails naming the broken link when a directory holds only a manifest name that points nowhere', async () => {
    // GIVEN
    const gone = path.join(dir, 'gone.yaml');
    fs.symlinkSync(path.join(dir, 'missing-target.yaml'), gone);
    // WHEN
    const problem = await rejectionOf(loadManifests([dir], noStdin));
    // THEN
    expect(problem).toMatchObject({ code: ErrorCode.NO_DOCUMENTS, where: dir, value: [`${gone} (a broken link)`] });
  });

  test('reads a directory recursively in path order, only .yaml, .yml and .json files, naming file#index', async () => {
    // GIVEN
    fs.mkdirSync(path.join(dir, 'sub'));
    fs.writeFileSync(path.join(dir, 'b.yaml'), 'kind: B0\n---\nkind: B1\n');
    fs.writeFileSync(path.join(dir, 'a.yml'), 'kind: A\n');
    fs.writeFileSync(path.join(dir, 'sub', 'c.json'), '{"kind":"C"}');
    fs.writeFileSync(path.join(dir, 'README.md'), '# not a manifest');
    // WHEN
    const loaded = await loadManifests([dir], noStdin);
    // THEN
    expect(loaded.manifests.map((m) => m.kind)).toEqual(['A', 'B0', 'B1', 'C']);
    expect(loaded.sources.map((s) => path.relative(dir, s))).toEqual(['a.yml#0', 'b.yaml#0', 'b.yaml#1', path.join('sub', 'c.json#0')]);
  });

  test('reads stdin for - and names it <stdin>', async () => {
    // WHEN
    const loaded = await loadManifests(['-'], async () => 'kind: A\n---\nkind: B\n');
    // THEN
    expect(loaded.sources).toEqual(['<stdin>#0', '<stdin>#1']);
  });

  test('throws on a missing path, an empty directory, and no input at all', async () => {
    // THEN
    const nope = path.join(dir, 'nope.yaml');
    expect(await rejectionOf(loadManifests([nope], noStdin))).toMatchObject({ code: ErrorCode.NOT_FOUND, where: nope, value: nope });
    expect(await rejectionOf(loadManifests([dir], noStdin))).toMatchObject({ code: ErrorCode.NO_MANIFEST_FILES, where: dir, value: dir });
    expect(await rejectionOf(loadManifests([], noStdin))).toMatchObject({ code: ErrorCode.MISSING_VALUE, where: 'cdk8s-netpol', value: [] });
  });
});

describe('error codes of input problems', () => {
  // what is wrong, how it is read, the code
  const table: Array<[string, () => unknown, string]> = [
    ['a YAML syntax error', () => parseDocuments('a.yaml', 'a: [\n'), 'UNPARSABLE_INPUT'],
    ['a duplicate key', () => parseDocuments('a.yaml', 'a: 1\na: 2\n'), 'UNPARSABLE_INPUT'],
    ['a duplicate JSON key', () => parseDocuments('a.json', '{"a": 1, "a": 2}'), 'UNPARSABLE_INPUT'],
    ['invalid JSON', () => parseDocuments('a.json', '{'), 'UNPARSABLE_INPUT'],
    ['nesting past the limit', () => parseDocuments('a.yaml', `${'['.repeat(120)}${']'.repeat(120)}`), 'INPUT_LIMIT_EXCEEDED'],
    ['an alias bomb', () => parseDocuments('a.yaml', 'a: &a [x, x]\nb: &b [*a, *a]\nc: [*b, *b]\n', { maxBytes: 1e6, maxDocuments: 10, maxDepth: 10, maxAliasValues: 5 }),
      'INPUT_LIMIT_EXCEEDED'],
  ];

  test.each(table)('gives %s its code', (_name, parse, code) => {
    // WHEN / THEN
    expect(parse).toThrow(expect.objectContaining({ code }));
  });

  test.each([
    ['no documents', async () => loadManifests(['-'], async () => '---\n'), 'NO_DOCUMENTS'],
    ['too many documents', async () => loadManifests(['-'], async () => 'kind: A\n---\nkind: B\n', { maxBytes: 1e6, maxDocuments: 1, maxDepth: 10, maxAliasValues: 10 }),
      'INPUT_LIMIT_EXCEEDED'],
    ['too many bytes', async () => loadManifests(['-'], async () => 'kind: A\n', { maxBytes: 3, maxDocuments: 1, maxDepth: 10, maxAliasValues: 10 }), 'INPUT_LIMIT_EXCEEDED'],
  ])('gives %s its code', async (_name, load, code) => {
    // WHEN / THEN
    await expect(load()).rejects.toEqual(expect.objectContaining({ code }));
  });
});
