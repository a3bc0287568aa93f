import { LintCheck } from '../check';
import { Severity } from '../severity';

/** A document the API server would refuse (the reading error names document, object, field and fix). */
export const invalidManifest: LintCheck = {
  code: 'invalid-manifest',
  description: 'A document the API server would refuse (wrong field, type, selector, port or CIDR).',
  defaultSeverity: Severity.ERROR,
  check: (context) => context.brokenDocuments.map((broken) => ({
    source: broken.source,
    problem: 'cannot be read',
    got: broken.source.document,
    fix: 'Fix the document',
    message: broken.message,
  })),
};
