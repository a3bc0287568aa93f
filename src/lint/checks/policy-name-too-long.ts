import { LintCheck } from '../check';
import { Severity } from '../severity';

/** Longest policy name we consider safe; some CNIs derive 63-character identifiers from it. */
export const MAX_SAFE_NAME = 63;

/** Names over 63 characters: valid for the API server (253), but some CNIs truncate or reject them. */
export const policyNameTooLong: LintCheck = {
  code: 'policy-name-too-long',
  description: 'A policy name over 63 characters: accepted by Kubernetes, mishandled by some CNIs.',
  defaultSeverity: Severity.WARNING,
  check: (context) => context.docs.filter((doc) => doc.policy.name.length > MAX_SAFE_NAME).map((doc) => ({
    doc,
    field: 'metadata.name',
    problem: `is ${doc.policy.name.length} characters long, over ${MAX_SAFE_NAME}`,
    got: doc.policy.name,
    fix: `Use a name of at most ${MAX_SAFE_NAME} characters`,
  })),
};
