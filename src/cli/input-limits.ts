/**
 * Bounds on what one run reads (internal), so that hostile or runaway input ends with exit 2 and a message
 * instead of exhausting memory or the stack. Each is set by a command-line option or, when the option is not
 * given, by an environment variable (a positive integer); the option wins.
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

/** One bound: its default, the option and the variable that change it. */
export interface LimitSetting {
  readonly field: keyof InputLimits;
  /** `--max-depth` */
  readonly option: string;
  /** The key commander gives the option's value under (`maxDepth`). */
  readonly optionKey: string;
  readonly variable: string;
  readonly value: number;
  /** What it bounds, for `--help`. */
  readonly description: string;
}

const limitSetting = (
  field: keyof InputLimits, option: string, optionKey: string, variable: string, value: number, description: string,
): LimitSetting =>
  ({ field, option, optionKey, variable, value, description });

/** The defaults and the options and variables that change them. */
export const LIMIT_VARIABLES: LimitSetting[] = [
  limitSetting('maxBytes', '--max-input-bytes', 'maxInputBytes', 'CDK8S_NETPOL_MAX_INPUT_BYTES', 256 * 1024 * 1024, 'bytes of all inputs together'),
  limitSetting('maxDocuments', '--max-documents', 'maxDocuments', 'CDK8S_NETPOL_MAX_DOCUMENTS', 1_000_000, 'documents of all inputs together'),
  limitSetting('maxDepth', '--max-depth', 'maxDepth', 'CDK8S_NETPOL_MAX_DEPTH', 100, 'nesting of maps and lists in a YAML document'),
  limitSetting('maxAliasValues', '--max-alias-values', 'maxAliasValues', 'CDK8S_NETPOL_MAX_ALIAS_VALUES', 100_000, 'values a YAML document expands to through aliases'),
];

export const DEFAULT_LIMITS: InputLimits = Object.fromEntries(LIMIT_VARIABLES.map((l) => [l.field, l.value])) as unknown as InputLimits;

/**
 * The limits in force: the defaults, each replaced by its variable when set, and by its option (the values
 * commander parsed, keyed by `optionKey`) when given.
 */
export function inputLimits(env: Record<string, string | undefined>, options: Record<string, unknown> = {}): InputLimits {
  const limits: Record<string, number> = {};
  for (const { field, option, optionKey, variable, value } of LIMIT_VARIABLES) {
    const given = options[optionKey];
    if (given !== undefined) {
      limits[field] = positive(option, String(given), `Pass e.g. ${option} ${value}, or leave it out for the default`);
      continue;
    }
    const text = env[variable];
    limits[field] = text === undefined || text === '' ? value : positive(variable, text, `Set it to e.g. ${value}, or unset it for that default`);
  }
  return limits as unknown as InputLimits;
}

/** How to raise a bound, for the message of input past it. */
export function raiseHint(field: keyof InputLimits): string {
  const setting = LIMIT_VARIABLES.find((l) => l.field === field)!;
  return `raise ${setting.option} (or ${setting.variable})`;
}

function positive(where: string, text: string, fix: string): number {
  if (!/^[1-9][0-9]*$/.test(text) || !Number.isSafeInteger(Number(text))) {
    throw CliError.problem(ErrorCode.MALFORMED_ARGUMENT, where, 'must be a positive whole number', text, fix);
  }
  return Number(text);
}
