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

  test('reads YAML 1.2: yes and on stay strings', () => {
    // WHEN
    const docs = parseDocuments('a.yaml', 'labels: {a: yes, b: on, c: "1"}\n');
    // THEN
    expect(docs).toEqual([{ labels: { a: 'yes', b: 'on', c: '1' } }]);
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
    expect(problemOf(parse)).toMatchObject({ code: ErrorCode.UNPARSABLE_INPUT, where: 'a.yaml#0', value: 'kind: B' });
  });

  test('throws naming the file on invalid JSON', () => {
    // WHEN
    const parse = () => parseDocuments('a.json', '{"kind":');
    // THEN
    expect(problemOf(parse)).toMatchObject({ code: ErrorCode.UNPARSABLE_INPUT, where: 'a.json#0', value: '{"kind":' });
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

  test('fails naming the file and the reason when a manifest file cannot be read', async () => {
    // GIVEN a manifest name that points nowhere
    const gone = path.join(dir, 'gone.yaml');
    fs.symlinkSync(path.join(dir, 'missing-target.yaml'), gone);
    // WHEN
    const problem = await rejectionOf(loadManifests([dir], noStdin));
    // THEN
    expect(problem).toMatchObject({ code: ErrorCode.UNREADABLE_FILE, where: gone, value: 'ENOENT' });
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
