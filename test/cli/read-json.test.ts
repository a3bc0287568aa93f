import { CliError } from '../../src/cli/errors';
import { DEFAULT_LIMITS } from '../../src/cli/input-limits';
import { parseDocuments } from '../../src/cli/load-manifests';
import { duplicateKey, readJson } from '../../src/cli/read-json';
import { readYaml } from '../../src/cli/read-yaml';

describe('the JSON fast path', () => {
  // the text, and what kubectl reads (the YAML reader's answer, which follows go-yaml)
  const same: string[] = [
    '{"apiVersion":"v1","kind":"List","items":[{"a":1.5,"b":"x\\u00e9","c":null,"d":[true,false]}]}',
    '{\n  "metadata": {"name": "a", "labels": {"app": "web"}},\n  "spec": {"ports": [{"port": 8080}]}\n}',
    '{"__proto__": {"x": 1}, "k": "v"}',
    '{"big": 99999999999999999999, "neg": -12, "exp": 1E3}',
  ];

  test.each(same)('reads %j as the YAML reader does', (text) => {
    // WHEN
    const fast = readJson(text, DEFAULT_LIMITS);
    // THEN
    expect(fast).toEqual(readYaml(text, DEFAULT_LIMITS)[0]);
    expect(JSON.stringify(fast)).toBe(JSON.stringify(readYaml(text, DEFAULT_LIMITS)[0]));
  });

  test('leaves to the YAML reader what JSON.parse cannot read the way kubectl does', () => {
    // THEN
    expect(readJson('{"a": 1e400}', DEFAULT_LIMITS)).toBeUndefined();
    expect(readJson(`${'['.repeat(150)}${']'.repeat(150)}`, DEFAULT_LIMITS)).toBeUndefined();
    expect(readJson('a: 1', DEFAULT_LIMITS)).toBeUndefined();
    expect(readYaml('{"a": 1e400}', DEFAULT_LIMITS)).toEqual([{ a: '1e400' }]);
  });

  test('finds a repeated key in one object, not across objects or in values', () => {
    // THEN
    expect(duplicateKey('{"a": {"a": "a"}, "b": [{"a": 1}, {"a": 2}], "c": "\\"a\\": 1"}')).toBeUndefined();
    expect(duplicateKey('{"a": 1,\n "b": {"x": 1, "\\u0078": 2}}')).toEqual({ key: 'x', offset: 24 });
  });

  test('throws naming the file, the document, the line and the key on a repeated key', () => {
    // WHEN
    const parse = () => parseDocuments('np.json', '{\n  "kind": "NetworkPolicy",\n  "kind": "Pod"\n}');
    // THEN
    expect(parse).toThrow(CliError);
    expect(parse).toThrow(/^\[np\.json#0 line 3\] has the key "kind" twice \(got "\\"kind\\": \\"Pod\\""\)\. Remove one of them/);
  });

  test('reads JSON on stdin or in a .yaml file as one document, a .json array as one per item', () => {
    // THEN
    expect(parseDocuments('<stdin>', '[{"kind": "A"}]')).toEqual([[{ kind: 'A' }]]);
    expect(parseDocuments('a.json', '[{"kind": "A"}, {"kind": "B"}]')).toEqual([{ kind: 'A' }, { kind: 'B' }]);
    expect(parseDocuments('a.yaml', '{"kind": "A"}')).toEqual([{ kind: 'A' }]);
  });

  test('throws with the line on a .json file that is not JSON', () => {
    // WHEN / THEN
    expect(() => parseDocuments('a.json', '{\n  "kind": "A",\n  oops\n}')).toThrow(/^\[a\.json#0\] is not valid JSON at line 3: /);
  });
});

describe('a stream of JSON objects', () => {
  const ns = (name: string) => ({ apiVersion: 'v1', kind: 'Namespace', metadata: { name } });

  test.each([
    ['one per line (jq -c)', `${JSON.stringify(ns('a'))}\n${JSON.stringify(ns('b'))}\n`],
    ['back to back', `${JSON.stringify(ns('a'))}${JSON.stringify(ns('b'))}`],
    ['indented, with braces inside strings', `${JSON.stringify({ ...ns('a'), metadata: { name: 'a', annotations: { x: '} {"' } } }, null, 2)}\n\n${JSON.stringify(ns('b'), null, 2)}`],
  ])('reads objects written %s as one document each, as kubectl does', (_name, text) => {
    // WHEN
    const documents = [parseDocuments('<stdin>', text), parseDocuments('m.json', text)];
    // THEN
    for (const read of documents) {
      expect(read).toHaveLength(2);
      expect((read[1] as any).metadata.name).toBe('b');
    }
  });

  test('names the document and the line of a duplicate key in a later object', () => {
    // GIVEN
    const text = `${JSON.stringify(ns('a'))}\n{"apiVersion": "v1",\n "kind": "Namespace", "kind": "Pod"}\n`;
    // WHEN
    let error: unknown;
    try {
      parseDocuments('m.json', text);
    } catch (e) {
      error = e;
    }
    // THEN
    expect(error).toBeInstanceOf(CliError);
    expect(error).toMatchObject({ where: 'm.json#1 line 3' });
    expect((error as CliError).problem).toMatch(/has the key "kind" twice/);
  });

  test('leaves text that is not only objects to the other readers', () => {
    // WHEN / THEN: an object then a YAML key is YAML (and not valid YAML)
    expect(() => parseDocuments('<stdin>', `${JSON.stringify(ns('a'))}\nb: 1\n`)).toThrow(CliError);
    // one object is the fast path's, as before
    expect(parseDocuments('<stdin>', JSON.stringify(ns('a')))).toEqual([ns('a')]);
  });
});
