import { Severity } from './severity';

/**
 * One problem the linter found.
 *
 * Findings are data: tools match on `code`, people read `message`
 * (`[<where>] <what is wrong> (got <value>). <how to fix>.`).
 */
export interface Finding {
  /** Stable check code, e.g. `egress-blocks-dns`. */
  readonly code: string;
  /** Effective severity after app-level and per-policy overrides. */
  readonly severity: Severity;
  /** The message in the project's error format. */
  readonly message: string;
  /**
   * The policy concerned, as `namespace/name`.
   *
   * @default - the finding is not about one policy (e.g. the CNI itself)
   */
  readonly policy?: string;
  /**
   * Kind and `namespace/name` of the object concerned, e.g. `NetworkPolicy shop/api`.
   *
   * @default - the finding is not about one object
   */
  readonly object?: string;
  /**
   * Name of the document the object came from (from `LintOptions.sources`, else `manifests[<index>]`).
   *
   * @default - the finding is not about one document
   */
  readonly source?: string;
  /**
   * Index of that document in the input list.
   *
   * @default - the finding is not about one document
   */
  readonly documentIndex?: number;
  /**
   * Field path inside the object, e.g. `spec.egress[0].ports[1]`.
   *
   * @default - the whole object
   */
  readonly field?: string;
}

/**
 * What a check is, for documentation and `--list-checks` style output.
 */
export interface CheckInfo {
  /** Stable code, used in findings, options and annotations. */
  readonly code: string;
  /** One line saying what the check finds. */
  readonly description: string;
  /** Severity unless overridden. */
  readonly defaultSeverity: Severity;
}
