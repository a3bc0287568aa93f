import { formatProblem } from '../private/errors';

/** Exit codes of the command. */
export const EXIT_OK = 0;
/** Findings at error level, a denied connection, or a changed flow. */
export const EXIT_FINDINGS = 1;
/** Wrong usage, or input that cannot be read or parsed. */
export const EXIT_USAGE = 2;

/**
 * A usage or input problem: printed to stderr in the project format, exit code 2 (internal).
 */
export class CliError extends Error {
  /** `[<where>] <what is wrong> (got <value>). <how to fix>.` */
  public static problem(where: string, problem: string, got: unknown, fix: string): CliError {
    return new CliError(formatProblem(where, problem, got, fix));
  }

  constructor(message: string) {
    super(message);
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
}
