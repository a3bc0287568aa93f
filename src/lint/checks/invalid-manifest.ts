import { defineCheck } from '../engine/check';
import { Severity } from '../severity';

/** A document the API server would refuse (the reading error names document, object, field and fix). */
export const invalidManifest = defineCheck({
  code: 'invalid-manifest',
  description: 'A document the API server would refuse (wrong field, type, selector, port or CIDR).',
  defaultSeverity: Severity.ERROR,
  // The reading error is the message; this one only stands for it in the declarations.
  messages: { unreadable: { problem: 'cannot be read', fix: 'Fix the document' } },
  check: (context) => context.brokenDocuments.map((broken) => ({
    source: broken.source,
    messageId: 'unreadable',
    got: broken.source.document,
    message: broken.message,
  })),
});
