import { stringify } from 'yaml';
import { generateCluster } from '../../bench/cli-clusters';
import { DEFAULT_LIMITS } from '../../src/cli/input-limits';
import { parseDocuments } from '../../src/cli/load-manifests';
import { SharedDocuments } from '../../src/cli/shared-documents';
import { scalarReadings } from '../../src/lint/engine/scalar-readings';
import { ErrorCode, problemOf } from '../problems';

/** Reads `before`, then `after` taking what it can from `before`. */
function readBoth(before: string, after: string, name = 'after.yaml') {
  const shared = new SharedDocuments();
  const first = shared.remember('before.yaml', before, DEFAULT_LIMITS);
  const second = shared.reuse(name, after, DEFAULT_LIMITS);
  return { first, second };
}

const A = 'kind: A\nmetadata:\n  name: a\n';
const B = 'kind: B\nspec:\n  text: |\n    line one\n    line two\n';
const C = 'kind: C\n';

describe('shared documents', () => {
  test('takes the documents whose text is unchanged from the first input, and parses the others', () => {
    // GIVEN the second input changes one document of three and adds one
    const before = `${A}---\n${B}---\n${C}`;
    const after = `${A}---\n${B.replace('two', '2')}---\n${C}---\nkind: D\n`;
    // WHEN
    const { first, second } = readBoth(before, after);
    // THEN the values are what reading the whole file gives, unchanged documents the same objects
    expect(second).toEqual(parseDocuments('after.yaml', after));
    expect(second[0]).toBe(first[0]);
    expect(second[1]).not.toBe(first[1]);
    expect(second[1]).toEqual({ kind: 'B', spec: { text: 'line one\nline 2\n' } });
    expect(second[2]).toBe(first[2]);
    expect(second[3]).toEqual({ kind: 'D' });
  });

  test.each([
    ['comments before the first ---', `# generated\n\n---\n${A}---\n${C}`, `# generated\n\n---\n${A}---\n${C}---\nkind: E\n`],
    ['an implicit first document', `${A}---\n${C}`, `${A}---\nkind: E\n---\n${C}`],
    ['empty documents and a trailing ---', `${A}---\n---\n${C}---\n`, `---\n${A}---\n${C}---\n---\n`],
    ['documents moved around', `${A}---\n${B}---\n${C}`, `${C}---\n${A}---\n${B}`],
    ['a document twice', `${A}---\n${C}`, `${A}---\n${A}---\n${C}---\n${C}`],
    ['CRLF line ends', 'kind: A\r\n---\r\nkind: C\r\n', 'kind: A\r\n---\r\nkind: F\r\n---\r\nkind: C\r\n'],
    ['a --- line with a value', `--- |\n  text\n---\n${C}`, '--- |\n  text\n---\nkind: G\n'],
  ])('reads %s as the whole file does', (_name, before, after) => {
    // WHEN
    const { first, second } = readBoth(before, after);
    // THEN
    expect(first).toEqual(parseDocuments('before.yaml', before));
    expect(second).toEqual(parseDocuments('after.yaml', after));
  });

  test('reads the benchmark clusters as the whole files do, sharing all but the changed documents', () => {
    // GIVEN a cluster and the same cluster with every 25th policy removed and one policy changed
    const manifests = generateCluster('mixed', 200);
    let policy = 0;
    const changed = manifests.filter((m) => m.kind !== 'NetworkPolicy' || policy++ % 25 !== 0);
    changed[changed.length - 1] = { ...changed[changed.length - 1], metadata: { name: 'renamed', namespace: 'team-01' } };
    const before = manifests.map((m) => stringify(m)).join('---\n');
    const after = changed.map((m) => stringify(m)).join('---\n');
    // WHEN
    const { first, second } = readBoth(before, after);
    // THEN
    expect(second).toEqual(parseDocuments('after.yaml', after));
    const taken = second.filter((doc) => first.includes(doc)).length;
    expect(taken).toBe(changed.length - 1);
  });

  test('fails on a syntax error of a changed document as reading the whole file does, with its document and line', () => {
    // GIVEN
    const before = `${A}---\n${C}`;
    const after = `${A}---\nkind: B\nmetadata: {name: x\nspec: {}\n---\n${C}`;
    // WHEN
    const whole = problemOf(() => parseDocuments('after.yaml', after));
    const read = problemOf(() => readBoth(before, after));
    // THEN
    expect(read).toEqual(whole);
    expect(read).toMatchObject({ code: ErrorCode.UNPARSABLE_INPUT, where: 'after.yaml#1', value: 'spec: {}' });
  });

  test('fails on a duplicate key after a shared document with the line in the whole file', () => {
    // GIVEN
    const before = `${A}---\n${C}`;
    const after = `${A}---\nkind: B\nkind: B2\n`;
    // WHEN
    const read = problemOf(() => readBoth(before, after));
    // THEN line 6 of the file, where the second key is
    expect(read).toEqual(problemOf(() => parseDocuments('after.yaml', after)));
    expect(read).toMatchObject({ code: ErrorCode.UNPARSABLE_INPUT, where: 'after.yaml#1 line 6', value: 'kind: B2' });
  });

  test.each([
    ['directives', `%YAML 1.1\n---\n${A}---\n${C}`],
    ['document end markers', `${A}...\n---\n${C}`],
    ['a JSON file', '{"kind": "A"}'],
  ])('reads files with %s whole, sharing nothing', (_name, text) => {
    // WHEN the same text is read twice
    const { first, second } = readBoth(text, text, text.startsWith('{') ? 'after.json' : 'after.yaml');
    // THEN
    expect(second).toEqual(first);
    expect(second.some((doc, i) => doc === first[i])).toBe(false);
  });

  test('never takes a document with YAML 1.1 scalars, whose lines differ in the other file', () => {
    // GIVEN the same document at line 1 of the first file and at line 3 of the second
    const doc = 'kind: A\nlabels:\n  enabled: yes\n';
    // WHEN
    const { first, second } = readBoth(doc, `${C}---\n${doc}`);
    // THEN
    expect(second[1]).not.toBe(first[0]);
    expect(scalarReadings(first[0]).map((s) => s.line)).toEqual([3]);
    expect(scalarReadings(second[1]).map((s) => s.line)).toEqual([5]);
  });
});
