/**
 * Error assertions by code and fields (helper, not a test file): `problemOf(() => call())` runs the call and
 * returns what it threw as plain fields, failing unless it threw one of the library's errors.
 *
 *     expect(problemOf(() => Port.tcp(0))).toMatchObject({ code: ErrorCode.PORT_OUT_OF_RANGE, where: 'Port.tcp()', value: 0 });
 */
import { ErrorCode, NetpolErrors } from '../src';

export { ErrorCode };

/** The fields of a thrown `NetpolError`. */
export interface Problem {
  readonly code: ErrorCode;
  readonly where: string;
  readonly problem: string;
  readonly value: unknown;
  readonly fix: string;
  readonly message: string;
}

/** What `call` threw, as fields; throws (failing the test) when it returned, or threw something else. */
export function problemOf(call: () => unknown): Problem {
  try {
    call();
  } catch (e) {
    return asProblem(e);
  }
  throw new Error('expected the call to throw a NetpolError, and it returned');
}

/** What `promise` rejected with, as fields. */
export async function rejectionOf(promise: Promise<unknown>): Promise<Problem> {
  try {
    await promise;
  } catch (e) {
    return asProblem(e);
  }
  throw new Error('expected the promise to reject with a NetpolError, and it resolved');
}

function asProblem(thrown: unknown): Problem {
  if (!NetpolErrors.isNetpolError(thrown)) {
    throw new Error(`expected a NetpolError, got ${String(thrown)}`);
  }
  const { code, where, problem, value, fix, message } = thrown;
  return { code, where, problem, value, fix, message };
}
