/**
 * The lint engine (internal): runs every registered check over the context, applies the severity overrides
 * and turns reports into sorted findings.
 */
import { LintCheck, Report } from './check';
import { Cni } from '../cni/cni';
import { Finding } from '../finding';
import { LintIndex } from './lint-index';
import { LintOptions } from '../lint-options';
import { reportText } from './messages';
import { appOverrides, effectiveSeverity, LINT_ANNOTATION, policyOverrides } from './overrides';
import { readDocuments } from './read-documents';
import { CHECKS } from './registry';
import { compareText } from '../../analysis/internal/order';
import { formatProblem } from '../../private/errors';
import { Severity } from '../severity';

/** How to name an object in messages; the construct door passes construct paths. */
export type WhereOf = (object: string, documentIndex: number) => string | undefined;

/** Which checks a run makes (the default lint at synth makes the error-level ones). */
export type CheckFilter = (check: LintCheck) => boolean;

/**
 * Lints manifests; `whereOf` may replace `NetworkPolicy ns/name` by a construct path in messages; with `only`,
 * the other checks do not run.
 */
export function runLint(manifests: unknown, options: LintOptions = {}, whereOf?: WhereOf, only?: CheckFilter): Finding[] {
  const codes = CHECKS.map((c) => c.code);
  const app = appOverrides(options.severities, codes);
  const read = readDocuments(manifests, options.sources ?? [], options.cni ?? Cni.UNKNOWN, options.clusterCidrs ?? [], codes);
  const context = { ...read, index: new LintIndex(read.model, read.docs) };
  const findings: Finding[] = [];
  for (const check of only === undefined ? CHECKS : CHECKS.filter(only)) {
    for (const report of check.check(context)) {
      const policy = report.doc === undefined ? undefined : policyOverrides(report.doc.annotations[LINT_ANNOTATION], codes).severities;
      const severity = effectiveSeverity(check.code, report.severity ?? check.defaultSeverity, app, policy);
      if (severity !== Severity.OFF) {
        findings.push(toFinding(check, severity, report, whereOf));
      }
    }
  }
  return findings.sort(compareFindings);
}

function toFinding(check: LintCheck, severity: Severity, report: Report, whereOf?: WhereOf): Finding {
  const source = report.doc?.source ?? report.source;
  const object = report.doc?.object;
  const named = object === undefined || source === undefined ? undefined : whereOf?.(object, source.index);
  const where = named ?? object ?? report.where ?? source?.document ?? '';
  const text = reportText(check, report);
  const message = report.message ?? formatProblem(where, fieldProblem(report, text.problem), report.got, text.fix);
  const optional = {
    policy: report.doc?.policy.id,
    object,
    source: source?.document,
    documentIndex: source?.index,
    field: report.field,
  };
  const present = Object.entries(optional).filter(([, v]) => v !== undefined);
  return { code: check.code, severity, message, ...Object.fromEntries(present) };
}

function fieldProblem(report: Report, problem: string): string {
  return report.field === undefined ? problem : `${report.field}: ${problem}`;
}

const SEVERITY_ORDER = [Severity.ERROR, Severity.WARNING, Severity.INFO, Severity.OFF];

/** Sorted by object, document, severity, code, field, message: stable for the same input. */
function compareFindings(a: Finding, b: Finding): number {
  return compareText(a.object ?? '', b.object ?? '')
    || (a.documentIndex ?? -1) - (b.documentIndex ?? -1)
    || SEVERITY_ORDER.indexOf(a.severity) - SEVERITY_ORDER.indexOf(b.severity)
    || compareText(a.code, b.code)
    || compareText(a.field ?? '', b.field ?? '')
    || compareText(a.message, b.message);
}
