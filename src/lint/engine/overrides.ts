/**
 * Severity overrides (internal): per app (`LintOptions.severities`) and per policy (the annotation
 * `cdk8s-netpol.dev/lint: "code=severity, other-code=off"`, `*` meaning every check).
 */
import { ErrorCode, invalid } from '../../private/errors';
import { Severity } from '../severity';

/** The annotation that changes severities for one policy. */
export const LINT_ANNOTATION = 'cdk8s-netpol.dev/lint';

const SEVERITIES: string[] = Object.values(Severity);

/** Parses a severity name; undefined when it is not one. */
export function parseSeverity(text: string): Severity | undefined {
  const lower = text.trim().toLowerCase();
  return SEVERITIES.includes(lower) ? lower as Severity : undefined;
}

/** Validates `LintOptions.severities`; throws on unknown codes or severities (a programming error). */
export function appOverrides(severities: Record<string, string> | undefined, codes: string[]): Map<string, Severity> {
  const result = new Map<string, Severity>();
  for (const [code, text] of Object.entries(severities ?? {})) {
    if (code !== '*' && !codes.includes(code)) {
      throw invalid(ErrorCode.UNKNOWN_VALUE, 'LintOptions.severities', `has an unknown check code "${code}"`, code, `Use one of: ${codes.join(', ')}`);
    }
    const severity = parseSeverity(String(text));
    if (severity === undefined) {
      throw invalid(ErrorCode.UNKNOWN_VALUE, 'LintOptions.severities', `has an unknown severity for "${code}"`, text, `Use one of: ${SEVERITIES.join(', ')}`);
    }
    result.set(code, severity);
  }
  return result;
}

/** A parsed policy annotation: the overrides it sets and what could not be read. */
export interface PolicyOverrides {
  readonly severities: Map<string, Severity>;
  readonly problems: string[];
}

/** Parses the per-policy annotation value, e.g. `shadowed-rule=off, egress-blocks-dns=warning`. */
export function policyOverrides(value: string | undefined, codes: string[]): PolicyOverrides {
  const severities = new Map<string, Severity>();
  const problems: string[] = [];
  for (const entry of (value ?? '').split(',').map((e) => e.trim()).filter((e) => e !== '')) {
    const [code, text, ...rest] = entry.split('=').map((p) => p.trim());
    const severity = text === undefined ? undefined : parseSeverity(text);
    if (rest.length > 0 || severity === undefined) {
      problems.push(`"${entry}" is not code=severity with a severity of ${SEVERITIES.join(', ')}`);
    } else if (code !== '*' && !codes.includes(code)) {
      problems.push(`"${code}" is not a check code`);
    } else {
      severities.set(code, severity);
    }
  }
  return { severities, problems };
}

/** Effective severity: policy override, then app override, then the report's or check's own. */
export function effectiveSeverity(code: string, own: Severity, app: Map<string, Severity>, policy?: Map<string, Severity>): Severity {
  return policy?.get(code) ?? policy?.get('*') ?? app.get(code) ?? app.get('*') ?? own;
}
