import { DEFAULT_LIMITS } from '../../src/cli/input-limits';
import { readYaml } from '../../src/cli/read-yaml';
import { scalarReadings } from '../../src/lint/engine/scalar-readings';

/** Our reading as JSON with sorted keys, as Go's encoding/json writes it. */
function read(text: string): string {
  const sorted = (v: unknown): unknown => (typeof v !== 'object' || v === null || Array.isArray(v) ? (Array.isArray(v) ? v.map(sorted) : v)
    : Object.fromEntries(Object.keys(v).sort().map((k) => [k, sorted((v as any)[k])])));
  const value = readYaml(text, DEFAULT_LIMITS)[0] as Record<string, unknown>;
  return `{${Object.keys(value).sort().map((k) => `${JSON.stringify(k)}:${JSON.stringify(sorted(value[k]))}`).join(',')}}`;
}

/**
 * Readings observed from go-yaml v2.4.0 through sigs.k8s.io/yaml 1.3.0's YAMLToJSONStrict (the conversion
 * kubectl uses, built with Go 1.19): the input, then the JSON it printed.
 */
const GO_YAML_V2: Array<[string, string]> = [
  ['a: 0755', '{"a":493}'], ['a: -0755', '{"a":-493}'], ['a: 0x1F', '{"a":31}'], ['a: 0X1f', '{"a":31}'], ['a: +0x1f', '{"a":31}'],
  ['a: 0o17', '{"a":15}'], ['a: 0b101', '{"a":5}'], ['a: 0B101', '{"a":5}'], ['a: 1_000', '{"a":1000}'], ['a: 1__0', '{"a":10}'],
  ['a: 1_', '{"a":1}'], ['a: _1', '{"a":"_1"}'], ['a: 0x_1f', '{"a":31}'], ['a: 08', '{"a":8}'], ['a: 09', '{"a":9}'],
  ['a: 00', '{"a":0}'], ['a: -0', '{"a":0}'], ['a: +12', '{"a":12}'], ['a: 1e3', '{"a":1000}'], ['a: 0.5e2', '{"a":50}'],
  ['a: 1.0', '{"a":1}'], ['a: 1.', '{"a":1}'], ['a: .5', '{"a":0.5}'], ['a: 0.1_1', '{"a":0.11}'], ['a: 1_0.5', '{"a":10.5}'],
  ['a: 12e', '{"a":"12e"}'], ['a: 0o', '{"a":"0o"}'], ['a: 0x', '{"a":"0x"}'], ['a: 0b2', '{"a":"0b2"}'], ['a: 0o8', '{"a":"0o8"}'],
  ['a: 190:20:30', '{"a":"190:20:30"}'], ['a: 1:20', '{"a":"1:20"}'], ['a: 1,000', '{"a":"1,000"}'],
  ['a: 99999999999999999999', '{"a":100000000000000000000}'],
  ['a: 2024-01-01', '{"a":"2024-01-01"}'], ['a: 2024-01-01T00:00:00Z', '{"a":"2024-01-01T00:00:00Z"}'],
  ['a: ~', '{"a":null}'], ['a: Null', '{"a":null}'], ['a: NULL', '{"a":null}'], ['a: nULL', '{"a":"nULL"}'], ['a:', '{"a":null}'],
  ...['y', 'Y', 'yes', 'Yes', 'YES', 'on', 'On', 'ON', 'true', 'True', 'TRUE'].map((w): [string, string] => [`a: ${w}`, '{"a":true}']),
  ...['n', 'N', 'no', 'No', 'NO', 'off', 'Off', 'OFF', 'false', 'False', 'FALSE'].map((w): [string, string] => [`a: ${w}`, '{"a":false}']),
  ['a: yEs', '{"a":"yEs"}'], ['a: tRUE', '{"a":"tRUE"}'], ['a: "0755"', '{"a":"0755"}'], ["a: 'yes'", '{"a":"yes"}'],
  ['a: !!str 0755', '{"a":"0755"}'], ['a: !!int "12"', '{"a":12}'], ['a: !foo bar', '{"a":"bar"}'],
  ['{yes: 1, n: 2, 1: 3, 0755: 4, 1.5: 6, 0x10: 7}', '{"1":3,"1.5":6,"16":7,"493":4,"false":2,"true":1}'],
  ['x: {1: a, "1": b}', '{"x":{"1":"b"}}'],
  ['base: &b {a: 1, b: 2}\nx:\n  <<: *b\n  c: 3', '{"base":{"a":1,"b":2},"x":{"a":1,"b":2,"c":3}}'],
  ['p: &p {a: 1}\nq: &q {a: 2, b: 3}\nx:\n  <<: [*p, *q]', '{"p":{"a":1},"q":{"a":2,"b":3},"x":{"a":1,"b":3}}'],
  ['a: &a x\nb: [*a, *a]', '{"a":"x","b":["x","x"]}'],
  ['x: "multi\n  line"', '{"x":"multi line"}'], ["x: 'multi\n  line'", '{"x":"multi line"}'],
  ['x: [a,\tb]', '{"x":["a","b"]}'], ['x: {a: 1,\tb: 2}', '{"x":{"a":1,"b":2}}'], ['x:\t1', '{"x":1}'], ['x: 1\t', '{"x":1}'],
];

describe('YAML read as kubectl reads it', () => {
  test.each(GO_YAML_V2)('%j reads as %s', (text, json) => {
    // WHEN / THEN
    expect(read(text)).toBe(json);
  });

  /** Inputs go-yaml refuses: the message it gave, and what we say. */
  const refused: Array<[string, string, RegExp]> = [
    ['a: .inf', 'json: unsupported value: +Inf', /a is not a number JSON can hold/],
    ['a: .NaN', 'json: unsupported value: NaN', /a is not a number JSON can hold/],
    ['x: {a: 1, a: 2}', 'key "a" already set in map', /x has the key "a" twice/],
    ['x: {yes: 1, true: 2}', 'key true already set in map', /x has the key "true" twice/],
    ['x: {a: 1, <<: {a: 2}}', 'key "a" already set in map', /x sets "a" before a merge \(<<\) that sets it too/],
    ['a: &a [*a]', "anchor 'a' value contains itself", /a(\[0\])? (uses the alias \*a|expands to more than)/],
    ['x: *y', "unknown anchor 'y' referenced", /uses the alias \*y before its anchor/],
    ['{null: 5}', 'Unsupported map key of type: <nil>', /has a null map key/],
  ];

  test.each(refused)('refuses %j as go-yaml does (%s)', (text, _go, message) => {
    // WHEN / THEN
    expect(() => readYaml(text, DEFAULT_LIMITS)).toThrow(message);
  });

  test('records where YAML 1.2 would read a scalar differently, with path and line', () => {
    // GIVEN
    const text = 'kind: NetworkPolicy\nmetadata:\n  labels: {enabled: yes, mode: "0755"}\nspec:\n  ingress:\n  - ports:\n    - port: 0755\n    - port: 80\n';
    // WHEN
    const [doc] = readYaml(text, DEFAULT_LIMITS);
    // THEN
    expect(scalarReadings(doc)).toEqual([
      { path: 'metadata.labels.enabled', line: 3, text: 'yes', yaml11: 'true', yaml12: '"yes"' },
      { path: 'spec.ingress[0].ports[0].port', line: 7, text: '0755', yaml11: '493', yaml12: '755' },
    ]);
    expect(Object.keys(doc as object)).toEqual(['kind', 'metadata', 'spec']);
  });

  test('keeps __proto__ as a plain key', () => {
    // WHEN
    const [doc] = readYaml('__proto__: {polluted: 1}\n', DEFAULT_LIMITS) as any[];
    // THEN
    expect(Object.keys(doc)).toEqual(['__proto__']);
    expect(({} as any).polluted).toBeUndefined();
  });
});

describe('indentation go-yaml accepts and the YAML spec does not', () => {
  // observed with go-yaml v2.4.0 (YAMLToJSONStrict): the input, the JSON it printed
  const accepted: Array<[string, string]> = [
    ['x: "a\n\tb"', '{"x":"a b"}'],
    ['x: "multi\nline"', '{"x":"multi line"}'],
    ["spec:\n  config: '{\r\n    \"a\": 1\r\n  }'\r\n", '{"spec":{"config":"{ \\"a\\": 1 }"}}'],
    ['args:\n  [\n    "-jar",\n\t    "-Dx=1",\n  ]\n', '{"args":["-jar","-Dx=1"]}'],
    ['a:\n  b: [1,\n2]\n  c: {d: 1,\n e: 2}\n', '{"a":{"b":[1,2],"c":{"d":1,"e":2}}}'],
  ];

  test.each(accepted)('reads %j as %s', (text, json) => {
    // WHEN / THEN
    expect(read(text)).toBe(json);
  });

  test('leaves block scalars and comments alone', () => {
    // GIVEN a file that needs re-indenting, with a block scalar holding quote characters and a commented quote
    const text = 'a: |\n  it\'s "raw"\n   [x\nb: \'{\n  }\' # it\'s\nc: "x\ny"\n';
    // WHEN / THEN
    expect(read(text)).toBe('{"a":"it\'s \\"raw\\"\\n [x\\n","b":"{ }","c":"x y"}');
  });

  test.each([
    // go-yaml refuses these as well: a tab as block indentation, a tab-only line after a value
    ['a:\n\tb: 1'], ['x: "unterminated\ny: 1'],
  ])('still refuses %j', (text) => {
    // WHEN / THEN
    expect(() => readYaml(text, DEFAULT_LIMITS)).toThrow();
  });
});
