import { defineCheck } from '../engine/check';
import { Severity } from '../severity';

/** A policy without `metadata.namespace` lands in whatever namespace `kubectl` targets at apply time. */
export const missingNamespace = defineCheck({
  code: 'missing-namespace',
  description: 'A policy without metadata.namespace: it applies to whichever namespace kubectl targets.',
  defaultSeverity: Severity.WARNING,
  messages: {
    notSet: {
      problem: 'is not set, so the policy protects whichever namespace it is applied to (assumed "default" here)',
      fix: 'Set the namespace explicitly (the namespace prop of the construct)',
    },
  },
  check: (context) => context.docs.filter((doc) => !doc.namespaceWritten).map((doc) => ({
    doc,
    field: 'metadata.namespace',
    messageId: 'notSet',
    got: undefined,
  })),
});
