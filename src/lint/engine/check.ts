/**
 * The shape of one lint check (internal): a stable code, a one-line description, a default severity, the
 * messages it can report (declared up front, by id, as typescript-eslint's `meta.messages`) and a pure
 * `check()` over the lint context that returns reports naming those ids. The engine turns reports into findings.
 */
import { LintContext, PolicyDoc } from './context';
import { ManifestSource } from '../../analysis/model';
import { Severity } from '../severity';

/**
 * One message a check can report: what is wrong and how to fix it, as templates whose `{{name}}` placeholders
 * are filled from the report's `data`.
 */
export interface LintMessage {
  /** What is wrong, e.g. `is {{length}} characters long, over {{max}}`. */
  readonly problem: string;
  /** How to fix it. */
  readonly fix: string;
}

/** What fills a message's placeholders. */
export type MessageData = Readonly<Record<string, string | number>>;

/** One problem as a check reports it; the engine adds code, severity, source and message format. */
export interface Report<Id extends string = string> {
  /** The policy document concerned. */
  readonly doc?: PolicyDoc;
  /** Field path inside the object. */
  readonly field?: string;
  /** Which of the check's declared messages this is. */
  readonly messageId: Id;
  /** A value for each placeholder of the message, and nothing else. */
  readonly data?: MessageData;
  /** The offending value. */
  readonly got: unknown;
  /** A severity for this report when it differs from the check's default (e.g. Flannel is an error). */
  readonly severity?: Severity;
  /** Where, when there is no policy document (e.g. `LintOptions.cni`). */
  readonly where?: string;
  /** The document, when there is no policy document (e.g. an unreadable one). */
  readonly source?: ManifestSource;
  /** A message already in the project format, used as is (the declared message and got are then ignored). */
  readonly message?: string;
}

/** A lint check; `Id` is the union of its message ids, so that reports can only name declared ones. */
export interface LintCheck<Id extends string = string> {
  readonly code: string;
  readonly description: string;
  readonly defaultSeverity: Severity;
  /** Every message the check can report, by id (lowerCamelCase). */
  readonly messages: Readonly<Record<Id, LintMessage>>;
  check(context: LintContext): Array<Report<NoInfer<Id>>>;
}

/** A check whose message ids are taken from its `messages` (the engine still checks every reported id). */
export function defineCheck<Id extends string>(check: LintCheck<Id>): LintCheck<Id> {
  return check;
}
