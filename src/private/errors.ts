import { describeValue } from './describe-value';
import { ErrorCode } from './error-code';

export { ErrorCode } from './error-code';

const NETPOL_ERROR = Symbol.for('cdk8s-netpol.NetpolError');

/**
 * A problem with the input of the library: a stable `code` for its kind, and the parts of its message as
 * fields. Everything the library throws for bad input has this shape, and so has every usage error of the
 * command line.
 *
 * The message has one format, `[<where>] <what is wrong> (got <value>). <how to fix>.`; `where` is a
 * construct path for constructs and the call (`Port.tcp()`) for values. A fix that asks a question ("did you
 * mean ...?") ends with its question mark instead of the period.
 */
export interface INetpolError {
  /** The kind of problem. */
  readonly code: ErrorCode;
  /** Where the problem is: a construct path, a call such as `Port.tcp()`, a document, or an option; may be empty. */
  readonly where: string;
  /** What is wrong, without the value. */
  readonly problem: string;
  /** The bad value, as given. */
  readonly value?: any;
  /** How to fix it. */
  readonly fix: string;
  /** The whole message: `[<where>] <what is wrong> (got <value>). <how to fix>.` */
  readonly message: string;
}

/**
 * Recognises the library's errors.
 *
 * Use it rather than `instanceof`: the check holds even when two copies of the library are installed.
 */
export class NetpolErrors {
  /**
   * Whether `x` is an error thrown by this or by any other installed copy of the library for bad input.
   *
   * @param x any value, typically what a `catch` caught
   * @example
   * // `error` is what a catch block caught, for example from Port.tcp(70000)
   * if (NetpolErrors.isNetpolError(error)) {
   *   console.log(error.code, error.value); // PORT_OUT_OF_RANGE 70000
   * }
   */
  public static isNetpolError(x: any): x is INetpolError {
    return x !== null && typeof x === 'object' && NETPOL_ERROR in x;
  }

  private constructor() {}
}

/**
 * The error the library throws for bad input (internal: jsii cannot export a subclass of `Error`, so the
 * package exports its shape, `INetpolError`, and `NetpolErrors.isNetpolError()`). Branded with a global
 * symbol, so that two installed copies recognise each other's errors.
 */
export class NetpolError extends Error implements INetpolError {
  public readonly code: ErrorCode;
  public readonly where: string;
  public readonly problem: string;
  public readonly value: any;
  public readonly fix: string;

  public constructor(code: ErrorCode, where: string, problem: string, value: unknown, fix: string) {
    super(formatProblem(where, problem, value, fix));
    Object.defineProperty(this, NETPOL_ERROR, { value: true });
    this.name = 'NetpolError';
    this.code = code;
    this.where = where;
    this.problem = problem;
    this.value = value;
    this.fix = fix;
  }
}

/** The error for bad input, in the one format: `[<where>] <what is wrong> (got <bad value>). <how to fix>.` */
export function invalid(code: ErrorCode, where: string, problem: string, got: unknown, fix: string): NetpolError {
  return new NetpolError(code, where, problem, got, fix);
}

/**
 * The same format as `invalid()`, as a string, for what is reported rather than thrown: validation messages of
 * constructs (cdk8s takes strings) and lint findings (which carry their check's code).
 */
export function formatProblem(where: string, problem: string, got: unknown, fix: string): string {
  const prefix = where === '' ? '' : `[${where}] `;
  return `${prefix}${problem} (got ${show(got)}). ${endSentence(fix)}`;
}

/** Renders a bad value for a message: JSON data as JSON, anything else named (see `describeValue()`). */
export function show(value: unknown): string {
  return describeValue(value);
}

/** The fix as one sentence: a period added unless it already ends with one, or with a question or exclamation mark. */
function endSentence(text: string): string {
  return /[.?!]$/.test(text) ? text : `${text}.`;
}
