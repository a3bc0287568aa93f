/**
 * Bounds on what one run reads (internal), so that hostile or runaway input ends with exit 2 and a message
 * instead of exhausting memory or the stack. Each is set by an environment variable (a positive integer).
 */
import { CliError, ErrorCode } from './errors';
import { YamlLimits } from './read-yaml';

/** Every bound of a run. */
export interface InputLimits extends YamlLimits {
  /** Bytes of all inputs together. */
  readonly maxBytes: number;
  /** Documents of all inputs together (list items not counted). */
  readonly maxDocuments: number;
}

/** The defaults and the variables that change them. */
export const LIMIT_VARIABLES: Array<{ readonly field: keyof InputLimits; readonly variable: string; readonly value: number }> = [
  { field: 'maxBytes', variable: 'CDK8S_NETPOL_MAX_INPUT_BYTES', value: 256 * 1024 * 1024 },
  { field: 'maxDocuments', variable: 'CDK8S_NETPOL_MAX_DOCUMENTS', value: 1_000_000 },
  { field: 'maxDepth', variable: 'CDK8S_NETPOL_MAX_DEPTH', value: 100 },
  { field: 'maxAliasValues', variable: 'CDK8S_NETPOL_MAX_ALIAS_VALUES', value: 100_000 },
];

export const DEFAULT_LIMITS: InputLimits = Object.fromEntries(LIMIT_VARIABLES.map((l) => [l.field, l.value])) as unknown as InputLimits;

/** The limits in force: the defaults, each replaced by its variable when set. */
export function inputLimits(env: Record<string, string | undefined>): InputLimits {
  const limits: Record<string, number> = {};
  for (const { field, variable, value } of LIMIT_VARIABLES) {
    const text = env[variable];
    if (text === undefined || text === '') {
      limits[field] = value;
      continue;
    }
    if (!/^[1-9][0-9]*$/.test(text) || !Number.isSafeInteger(Number(text))) {
      throw CliError.problem(ErrorCode.MALFORMED_ARGUMENT, variable, 'must be a positive whole number', text, `Set it to e.g. ${value}, or unset it for that default`);
    }
    limits[field] = Number(text);
  }
  return limits as unknown as InputLimits;
}
