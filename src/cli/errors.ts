import type { InputLimits } from './input-limits';
import { ErrorCode, NetpolError, NetpolErrors } from '../private/errors';

export { ErrorCode } from '../private/errors';

/** Exit codes of the command. */
export const EXIT_OK = 0;
/** Findings at error level, a denied connection, or a changed flow. */
export const EXIT_FINDINGS = 1;
/** Wrong usage, or input that cannot be read or parsed. */
export const EXIT_USAGE = 2;

/**
 * A usage or input problem: printed to stderr in the project format, exit code 2 (internal). It is a
 * `NetpolError`, with the same code and fields.
 */
export class CliError extends NetpolError {
  /** `[<where>] <what is wrong> (got <value>). <how to fix>.` */
  public static problem(code: ErrorCode, where: string, problem: string, got: unknown, fix: string): CliError {
    return new CliError(code, where, problem, got, fix);
  }

  /**
   * A library error met while running a command, as a usage error with the same code and fields; `where`, when
   * given, replaces the error's own (an option instead of the call it was passed to). Anything else is a bug
   * and is thrown again as it is.
   */
  public static from(error: unknown, where?: string): CliError {
    if (!NetpolErrors.isNetpolError(error)) {
      throw error;
    }
    return new CliError(error.code, where ?? error.where, error.problem, error.value, error.fix);
  }

  constructor(code: ErrorCode, where: string, problem: string, got: unknown, fix: string) {
    super(code, where, problem, got, fix);
    this.name = 'CliError';
  }
}

/** Where a command writes, and whether it may use colour (internal). */
export interface Io {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  readonly colour: boolean;
  /** Reads all of stdin (for `-`). */
  readonly readStdin: () => Promise<string>;
  /** Bounds on what the command reads (its `--max-*` options over the environment). @default - from the environment */
  readonly limits?: InputLimits;
}
