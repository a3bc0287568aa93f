/**
 * The hostile-input suite of the public API: every public factory, constructor and method (read from the jsii
 * assembly and looked up in the package's exports, so a new one without a sample fails here), called with wrong
 * values in each argument position and in each field of a struct argument. Each call must either succeed and
 * return what the good call returns, or throw the project's error (a NetpolError in the one format); never a
 * TypeError or RangeError from inside, and never a silent accept of a value of the wrong type.
 *
 * Needs the assembly: `npx projen compile` writes `.jsii` (the build does so before the tests).
 */
import * as fs from 'fs';
import * as path from 'path';
import { NOT_YET_CHECKED, Sample, SAMPLES } from './samples';
import { LabelSelector, NetpolErrors, Port } from '../../src';
import * as api from '../../src';
import { netpolMatchers } from '../../src/testing/matchers';

interface EntryPoint {
  readonly key: string;
  readonly run: (target: any, args: unknown[]) => unknown;
}

/** Every public entry point of the jsii assembly, resolved in the package's exports. */
function entryPoints(): EntryPoint[] {
  const assembly = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', '.jsii'), 'utf8'));
  const points: EntryPoint[] = [];
  for (const type of Object.values<any>(assembly.types)) {
    if (type.kind !== 'class') continue;
    const cls = (api as any)[type.name];
    if (typeof cls !== 'function') throw new Error(`${type.name} is in the assembly but not exported`);
    if (type.initializer !== undefined && !type.abstract) {
      points.push({ key: `new ${type.name}`, run: (_t, args) => new cls(...args) });
    }
    for (const method of type.methods ?? []) {
      if (method.static) {
        points.push({ key: `${type.name}.${method.name}`, run: (_t, args) => cls[method.name](...args) });
      } else {
        points.push({ key: `${type.name}#${method.name}`, run: (t, args) => t[method.name](...args) });
      }
    }
  }
  for (const name of Object.keys(netpolMatchers)) {
    points.push({ key: `matchers.${name}`, run: (_t, args) => (netpolMatchers as any)[name](...args) });
  }
  return points;
}

/** A field no struct has. */
const UNKNOWN_FIELD = { notAField: 1 };

/** The wrong values tried in every position. */
const HOSTILE: Array<[string, () => unknown]> = [
  ['undefined', () => undefined],
  ['null', () => null],
  ['0', () => 0],
  ['-1', () => -1],
  ['1.5', () => 1.5],
  ['NaN', () => NaN],
  ['Infinity', () => Infinity],
  ['true', () => true],
  ['empty string', () => ''],
  ['string', () => 'web'],
  ['boxed String', () => new String('web')],
  ['boxed Number', () => new Number(80)],
  ['empty list', () => []],
  ['list of null', () => [null]],
  ['list of a string', () => ['10.1.0.0/16']],
  ['empty object', () => ({})],
  ['object with an unknown field', () => ({ ...UNKNOWN_FIELD })],
  ['object without prototype', () => Object.create(null)],
  ['function', () => () => 1],
  ['Symbol', () => Symbol('hostile')],
  ['bigint', () => BigInt(1)],
  ['a Port', () => Port.tcp(1)],
  ['a LabelSelector', () => LabelSelector.all()],
];

/** The kind of a value, to tell a value of the right type from one of another. */
function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'list';
  if (typeof value !== 'object') return typeof value;
  if (value instanceof String || value instanceof Number || value instanceof Boolean) return 'boxed';
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null ? 'object' : `instance of ${proto.constructor?.name}`;
}

/** Whether `value` is of the same type as the good `model` (lists: every item like one of the model's). */
function sameType(value: unknown, model: unknown): boolean {
  if (kindOf(value) !== kindOf(model)) return false;
  if (Array.isArray(value) && Array.isArray(model)) {
    const kinds = new Set(model.map(kindOf));
    return value.every((item) => kinds.has(kindOf(item)));
  }
  if (kindOf(value) === 'object') {
    return Object.keys(value as object).every((k) => Object.prototype.hasOwnProperty.call(model, k));
  }
  return true;
}

/** `[<where>] <what is wrong> (got <value>). <how to fix>.` */
const PROJECT_ERROR = /^\[(?:[^[\]\n]|\[[^\]\n]*\])+\] .+ \(got .+\)\. .+[.?!]$/s;

/** The result of a call that refuses every input (a deny-all intent's addIngressRule()). */
const REFUSES = Symbol('refuses');

interface Variant {
  readonly label: string;
  /** The arguments, made from fresh good arguments (constructs need a chart of their own per call). */
  readonly args: (good: unknown[]) => unknown[];
  /** Whether the value is of another type than the good one, so the call must refuse it. */
  readonly mustThrow: boolean;
}

/** The good arguments with one position, or one field of a struct argument, replaced. */
function variants(good: unknown[]): Variant[] {
  const out: Variant[] = [];
  good.forEach((model, i) => {
    const replaced = (args: unknown[], value: unknown) => Object.assign([...args], { [i]: value });
    for (const [name, make] of HOSTILE) {
      const mustThrow = make() !== undefined && !sameType(make(), model);
      out.push({ label: `argument ${i} = ${name}`, args: (args) => replaced(args, make()), mustThrow });
    }
    if (kindOf(model) === 'object') {
      out.push({ label: `argument ${i} with an unknown field`, args: (args) => replaced(args, { ...(args[i] as object), ...UNKNOWN_FIELD }), mustThrow: true });
      for (const field of Object.keys(model as object)) {
        const fieldModel = (model as Record<string, unknown>)[field];
        for (const [name, make] of HOSTILE) {
          const mustThrow = make() !== undefined && !sameType(make(), fieldModel);
          out.push({ label: `argument ${i}.${field} = ${name}`, args: (args) => replaced(args, { ...(args[i] as object), [field]: make() }), mustThrow });
        }
      }
    }
  });
  return out;
}

/** What went wrong with one call, or undefined when it behaved. */
function judge(point: EntryPoint, sample: Sample, variant: Variant, good: unknown): string | undefined {
  let result: unknown;
  try {
    result = point.run(sample.target?.(), variant.args(sample.args()));
  } catch (e) {
    const error = e as Error;
    if (!(error instanceof Error) || error instanceof TypeError || error instanceof RangeError || error instanceof ReferenceError) {
      return `${variant.label}: threw ${(error as any)?.constructor?.name}: ${error?.message}`;
    }
    if (!NetpolErrors.isNetpolError(error)) {
      return `${variant.label}: threw an error without a code: ${error.message}`;
    }
    return PROJECT_ERROR.test(error.message) ? undefined : `${variant.label}: message not in the project format: ${error.message}`;
  }
  if (good === REFUSES) {
    return `${variant.label}: succeeded where the good call is refused`;
  }
  if (variant.mustThrow && sample.accepts?.[variant.label] === undefined && sample.anyValue === undefined) {
    return `${variant.label}: accepted a value of the wrong type`;
  }
  return kindOf(result) === kindOf(good) ? undefined : `${variant.label}: returned ${kindOf(result)} instead of ${kindOf(good)}`;
}

const POINTS = entryPoints();
let calls = 0;

describe('the public API under hostile input', () => {
  test('has a sample for every entry point, and no sample for something that is not one', () => {
    // GIVEN
    const keys = POINTS.map((p) => p.key);
    // WHEN
    const zeroArgument = (key: string) => SAMPLES[key] === undefined && POINTS.find((p) => p.key === key) !== undefined && isZeroArgument(key);
    const missing = keys.filter((k) => SAMPLES[k] === undefined && !zeroArgument(k) && !NOT_YET_CHECKED.includes(k));
    const pendingButCovered = NOT_YET_CHECKED.filter((k) => SAMPLES[k] !== undefined || !keys.includes(k));
    const stale = Object.keys(SAMPLES).filter((k) => !keys.includes(k));
    // THEN
    expect(keys.length).toBeGreaterThan(90);
    expect(missing).toEqual([]);
    expect(stale).toEqual([]);
    expect(pendingButCovered).toEqual([]);
  });

  // entry points without parameters take nothing that could be wrong
  test.each(POINTS.filter((p) => SAMPLES[p.key] !== undefined).map((p) => [p.key, p] as const))('%s refuses wrong values with the project error', (_key, point) => {
    // GIVEN
    const sample = SAMPLES[point.key];
    const good = goodResult(point, sample);
    // WHEN
    const problems: string[] = [];
    for (const variant of variants(sample.args())) {
      calls++;
      const problem = judge(point, sample, variant, good);
      if (problem !== undefined) problems.push(problem);
    }
    // THEN
    expect(problems).toEqual([]);
  });

  test('makes thousands of calls', () => {
    expect(calls).toBeGreaterThan(2900);
  });
});

/** What the good call returns, or REFUSES when it throws the project error (as it must for every input). */
function goodResult(point: EntryPoint, sample: Sample): unknown {
  try {
    return point.run(sample.target?.(), sample.args());
  } catch (e) {
    if (PROJECT_ERROR.test((e as Error).message)) return REFUSES;
    throw e;
  }
}

/** Entry points the assembly lists without parameters (nothing to replace). */
function isZeroArgument(key: string): boolean {
  const assembly = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', '.jsii'), 'utf8'));
  const [, typeName, , methodName] = /^(?:new )?([A-Za-z]+)([.#])?(\w+)?$/.exec(key) ?? [];
  const type = Object.values<any>(assembly.types).find((t) => t.name === typeName);
  const method = (type?.methods ?? []).find((m: any) => m.name === methodName);
  return method !== undefined && (method.parameters ?? []).length === 0;
}
