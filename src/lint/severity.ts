/**
 * How serious a lint finding is.
 *
 * `ERROR` fails `cdk8s synth` (construct door), the CLI `check` command and `cdk8s synth --validate`;
 * `WARNING` and `INFO` are reported but never fail; `OFF` switches a check off.
 */
export enum Severity {
  /** The policy is broken or does not do what it says; fails synth and `check`. */
  ERROR = 'error',
  /** Likely a mistake, or a feature the declared CNI may not enforce; reported, never fails. */
  WARNING = 'warning',
  /** Worth knowing; reported, never fails. */
  INFO = 'info',
  /** The check does not run. */
  OFF = 'off',
}
