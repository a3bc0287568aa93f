/**
 * Run-time checks of what public factories, constructors and methods are given.
 *
 * Callers from plain JavaScript and from the other jsii languages have no TypeScript compiler between them and
 * the library. Every public entry point checks the type and shape of its arguments with these checks before
 * it uses them, so a wrong value gives the project's error naming the call, the argument and the value, never
 * a TypeError from inside and never a silent accept. What the values mean (port ranges, label syntax, CIDRs)
 * is checked by the factories themselves, after these.
 *
 * A check is a function `(where, what, value) => value` that throws or returns the value (lists and maps as
 * copies). `what` names the argument or field, e.g. `labels` or `ingress[0].peers[1]`.
 *
 * Rules:
 * - Optional means `undefined`; `null` is refused (the jsii runtimes pass a missing optional as undefined).
 * - Strings, numbers and booleans are primitives; `new String('web')` is refused, not read as its characters.
 * - A struct is an object whose own fields are all known: an unknown field (a typo such as `selectro`) would
 *   otherwise be dropped silently and change what the policy means.
 * - Library values (Port, Peer, Endpoint, ...) are recognised by a brand, a registered symbol on their
 *   prototype, so values made by another copy of the package are accepted and look-alike plain objects are not.
 */
import { ErrorCode, invalid } from './errors';

/** Checks one value; throws the project's error or returns the value. */
export type Check<T> = (where: string, what: string, value: unknown) => T;

/** The fields of a struct and the check of each. */
export type Fields = Readonly<Record<string, Check<unknown>>>;

/**
 * The error for a value of the wrong type or shape (one place, so every such error reads alike): by default
 * `MISSING_VALUE` when nothing was given, else `WRONG_TYPE`.
 */
export function argumentError(where: string, problem: string, got: unknown, fix: string, code?: ErrorCode): Error {
  return invalid(code ?? (got === undefined ? ErrorCode.MISSING_VALUE : ErrorCode.WRONG_TYPE), where, problem, got, fix);
}

/** `<what> must be <expected>`, or `<what> is required and must be <expected>` when it is missing. */
function wrongType(where: string, what: string, expected: string, value: unknown, fix: string, code?: ErrorCode): Error {
  const problem = value === undefined ? `${what} is required and must be ${expected}` : `${what} must be ${expected}`;
  return argumentError(where, problem, value, fix, value === undefined ? undefined : code);
}

/** A primitive string. */
export const checkString: Check<string> = (where, what, value) => {
  if (typeof value !== 'string') {
    throw wrongType(where, what, 'a string', value, 'Pass a string (a primitive, not new String())');
  }
  return value;
};

/** A primitive number (its range is the caller's to check). */
export const checkNumber: Check<number> = (where, what, value) => {
  if (typeof value !== 'number') {
    throw wrongType(where, what, 'a number', value, 'Pass a number such as 443');
  }
  return value;
};

/** A whole number of at least 0 (an index). */
export const checkIndex: Check<number> = (where, what, value) => {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) {
    const code = typeof value === 'number' && Number.isInteger(value) ? ErrorCode.INDEX_OUT_OF_RANGE : undefined;
    throw wrongType(where, what, 'a whole number of at least 0', value, 'Pass an index such as 0', code);
  }
  return value;
};

/** A primitive boolean. */
export const checkBoolean: Check<boolean> = (where, what, value) => {
  if (typeof value !== 'boolean') {
    throw wrongType(where, what, 'true or false', value, 'Pass a boolean');
  }
  return value;
};

/** `check`, or `undefined` for a value left out. */
export function optional<T>(check: Check<T>): Check<T | undefined> {
  return (where, what, value) => (value === undefined ? undefined : check(where, what, value));
}

/**
 * `check` for a required field whose absence the construct reports itself, with a message that says what the
 * field is for: a given value's type is checked here, a missing one is left to the construct.
 */
export function typeOnly<T>(check: Check<T>): Check<T | undefined> {
  return optional(check);
}

/** A list whose every item passes `item`; returns a copy. */
export function listOf<T>(item: Check<T>): Check<T[]> {
  return (where, what, value) => {
    if (!Array.isArray(value)) {
      throw wrongType(where, what, 'a list', value, 'Pass an array');
    }
    const copy: T[] = new Array(value.length);
    for (let i = 0; i < value.length; i++) {
      copy[i] = item(where, `${what}[${i}]`, value[i]);
    }
    return copy;
  };
}

/** A list of primitive strings; returns a copy. */
export const checkStringList: Check<string[]> = listOf(checkString);

/** A map of string keys to primitive string values, as a plain object; returns a copy. */
export const checkStringMap: Check<Record<string, string>> = (where, what, value) => {
  const fix = 'Pass a plain object of strings, e.g. { app: "web" }';
  if (!isPlainObject(value)) {
    throw wrongType(where, what, 'a map of strings', value, fix);
  }
  const copy: Record<string, string> = {};
  for (const key of Object.keys(value)) {
    const entry = (value as Record<string, unknown>)[key];
    if (typeof entry !== 'string') {
      throw argumentError(where, `${what}[${JSON.stringify(key)}] must be a string`, entry, fix);
    }
    copy[key] = entry;
  }
  return copy;
};

/**
 * A member of a string enum, e.g. `Protocol.TCP` (its wire string).
 *
 * @param code the code of a value that is none of the members
 */
export function enumOf<T extends string>(values: Record<string, T>, name: string, code = ErrorCode.UNKNOWN_VALUE): Check<T> {
  const members = Object.keys(values);
  const allowed = Object.values(values) as string[];
  const fix = `Use ${orList(members.map((m) => `${name}.${m}`))}`;
  return (where, what, value) => {
    if (!(allowed as unknown[]).includes(value)) {
      throw wrongType(where, what, orList(allowed), value, fix, code);
    }
    return value as T;
  };
}

/**
 * A library class recognised by a brand. `mark()` puts the brand on the class's prototype; `check` accepts
 * the instances of every copy of the package and nothing else.
 */
export class Brand<T> {
  private readonly symbol: symbol;

  /**
   * @param name the class name, e.g. `Port`
   * @param fix how to make one, e.g. `Use Port.tcp(), Port.udp(), Port.named(), ...`
   */
  public constructor(public readonly name: string, private readonly fix: string) {
    this.symbol = Symbol.for(`cdk8s-netpol.${name}`);
  }

  /** Brands the instances of `type`. */
  public mark(type: Function): void {
    Object.defineProperty(type.prototype, this.symbol, { value: true });
  }

  /**
   * Whether `value` is an instance of the branded class (of any copy of the package). A value typed as the
   * class (or undefined) keeps its type when it passes.
   */
  public has<V>(value: V): value is NonNullable<V> & T {
    return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[this.symbol] === true;
  }

  /** The branded value, or the project's error. */
  public readonly check: Check<T> = (where, what, value) => {
    if (!this.has(value)) {
      throw wrongType(where, what, `a${/^[AEIOU]/.test(this.name) ? 'n' : ''} ${this.name}`, value, this.fix);
    }
    return value;
  };
}

/**
 * A struct inside another value (`ingress[0]`): an object whose own fields are all in `fields`, each passing
 * its check; fields are named below it (`ingress[0].peers`). Returns the value itself (structs are read,
 * not kept). Unknown fields are refused with the list of known ones.
 */
export function struct(fields: Fields): Check<Record<string, unknown>> {
  return structCheck(fields, (what, key) => `${what}.${key}`);
}

/**
 * A struct that is an argument of its own (`props`, `options`): as `struct()`, but its fields are named
 * alone (`selector`, not `props.selector`), as the caller wrote them.
 */
export function argumentStruct(fields: Fields): Check<Record<string, unknown>> {
  return structCheck(fields, (_what, key) => key);
}

function structCheck(fields: Fields, fieldName: (what: string, key: string) => string): Check<Record<string, unknown>> {
  const known = Object.keys(fields);
  return (where, what, value) => {
    if (typeof value !== 'object' || value === null || Array.isArray(value) || isBoxed(value)) {
      throw wrongType(where, what, `an object with the fields ${known.join(', ')}`, value, 'Pass an object literal, e.g. { ... }');
    }
    const given = value as Record<string, unknown>;
    for (const key of Object.keys(given)) {
      if (!Object.prototype.hasOwnProperty.call(fields, key)) {
        throw unknownField(where, what, key, known);
      }
    }
    for (let i = 0; i < known.length; i++) {
      fields[known[i]](where, fieldName(what, known[i]), given[known[i]]);
    }
    return given;
  };
}

function unknownField(where: string, what: string, key: string, known: string[]): Error {
  const near = known.find((k) => closeTo(k, key));
  const hint = near === undefined ? '' : `; did you mean ${JSON.stringify(near)}?`;
  return argumentError(where, `${what} has an unknown field ${JSON.stringify(key)}, which would be ignored`, key,
    `Known fields: ${known.join(', ')}${hint}`, ErrorCode.UNKNOWN_FIELD);
}

/** Whether two names are at most two edits apart (a typo), ignoring case. */
function closeTo(a: string, b: string): boolean {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  if (Math.abs(x.length - y.length) > 2) return false;
  let previous = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const row = [i];
    for (let j = 1; j <= y.length; j++) {
      row[j] = Math.min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + (x[i - 1] === y[j - 1] ? 0 : 1));
    }
    previous = row;
  }
  return previous[y.length] <= 2;
}

/** `a, b or c`. */
function orList(items: string[]): string {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;
}

/** An object literal (or `Object.create(null)`): not an array, not a boxed primitive, not a class instance. */
function isPlainObject(value: unknown): value is object {
  if (typeof value !== 'object' || value === null) {
    return false;
  }
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

function isBoxed(value: object): boolean {
  return value instanceof String || value instanceof Number || value instanceof Boolean;
}
