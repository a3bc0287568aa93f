import { defineCheck } from '../engine/check';
import { Severity } from '../severity';

/** Longest policy name we consider safe; some CNIs derive 63-character identifiers from it. */
export const MAX_SAFE_NAME = 63;

/** Names over 63 characters: valid for the API server (253), but some CNIs truncate or reject them. */
export const policyNameTooLong = defineCheck({
  code: 'policy-name-too-long',
  description: 'A policy name over 63 characters: accepted by Kubernetes, mishandled by some CNIs.',
  defaultSeverity: Severity.WARNING,
  messages: {
    tooLong: { problem: 'is {{length}} characters long, over {{max}}', fix: 'Use a name of at most {{max}} characters' },
  },
  check: (context) => context.docs.filter((doc) => doc.policy.name.length > MAX_SAFE_NAME).map((doc) => ({
    doc,
    field: 'metadata.name',
    messageId: 'tooLong',
    data: { length: doc.policy.name.length, max: MAX_SAFE_NAME },
    got: doc.policy.name,
  })),
});
