import { runLint } from './engine/engine';
import { CHECKS } from './engine/registry';
import { CheckInfo, Finding } from './finding';
import { LintOptions } from './lint-options';
import { checkOptionalStruct } from './struct-checks';
import { argumentError } from '../private/arguments';

/**
 * Lints NetworkPolicy manifests: valid YAML that is still a broken or misleading policy.
 *
 * Works on plain manifest objects (`chart.toJson()`, parsed YAML from any tool). Documents the API server
 * would refuse are reported as `invalid-manifest` findings; the others are linted.
 *
 * @example
 * const findings = Linter.lintManifests(chart.toJson(), { cni: Cni.CALICO, severities: { 'shadowed-rule': 'off' } });
 * for (const finding of findings) {
 *   if (finding.severity === Severity.ERROR) {
 *     console.log(finding.message);
 *   }
 * }
 */
export class Linter {
  /**
   * Runs every check and returns the findings, sorted (by object, document, severity, code, field) and stable.
   *
   * Findings switched off (by options or by a policy's `cdk8s-netpol.dev/lint` annotation) are left out.
   * Throws only on bad options (an unknown check code or severity, a malformed cluster CIDR) or when
   * `manifests` is not a list.
   *
   * @param manifests plain manifest objects
   * @param options CNI, severities, document names, cluster CIDRs
   *
   * @example
   * for (const finding of Linter.lintManifests(chart.toJson(), { cni: Cni.CILIUM })) {
   *   console.log(finding.severity + ' ' + finding.code + ': ' + finding.message);
   * }
   */
  public static lintManifests(manifests: any[], options?: LintOptions): Finding[] {
    if (!Array.isArray(manifests)) {
      throw argumentError('Linter.lintManifests()', 'manifests must be a list of manifest objects', manifests,
        'Pass an array, e.g. chart.toJson() or the documents of a parsed YAML file');
    }
    checkOptionalStruct('Linter.lintManifests()', 'options', options, 'LintOptions');
    return runLint(manifests, options ?? {});
  }

  /**
   * Every check: code, description and default severity, sorted by code.
   *
   * @example
   * for (const check of Linter.checks()) {
   *   console.log(check.code + ' (' + check.defaultSeverity + '): ' + check.description);
   * }
   */
  public static checks(): CheckInfo[] {
    return CHECKS.map((c) => ({ code: c.code, description: c.description, defaultSeverity: c.defaultSeverity }));
  }

  private constructor() {}
}
