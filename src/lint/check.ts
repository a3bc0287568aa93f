/**
 * The shape of one lint check (internal): a stable code, a one-line description, a default severity and a
 * pure `check()` over the lint context that returns reports. The engine turns reports into findings.
 */
import { LintContext, PolicyDoc } from './context';
import { Severity } from './severity';
import { ManifestSource } from '../analysis/model';

/** One problem as a check reports it; the engine adds code, severity, source and message format. */
export interface Report {
  /** The policy document concerned. */
  readonly doc?: PolicyDoc;
  /** Field path inside the object. */
  readonly field?: string;
  /** What is wrong, e.g. `egress rule 0 allows every destination on its ports`. */
  readonly problem: string;
  /** The offending value. */
  readonly got: unknown;
  /** How to fix it. */
  readonly fix: string;
  /** A severity for this report when it differs from the check's default (e.g. Flannel is an error). */
  readonly severity?: Severity;
  /** Where, when there is no policy document (e.g. `LintOptions.cni`). */
  readonly where?: string;
  /** The document, when there is no policy document (e.g. an unreadable one). */
  readonly source?: ManifestSource;
  /** A message already in the project format, used as is (problem, got and fix are then ignored). */
  readonly message?: string;
}

/** A lint check. */
export interface LintCheck {
  readonly code: string;
  readonly description: string;
  readonly defaultSeverity: Severity;
  check(context: LintContext): Report[];
}
