/**
 * Table-style lint check tests (helper, not a test file): each case lints manifests and lists the fields of
 * the findings the check under test reports (empty = does not fire). Codes and fields are asserted, not prose;
 * and every message the check declares must be reported by some case.
 */
import { Linter, LintOptions } from '../../src/lint';
import * as messages from '../../src/lint/engine/messages';
import { CHECKS } from '../../src/lint/engine/registry';

export interface LintCase {
  readonly name: string;
  readonly manifests: any[];
  readonly options?: LintOptions;
  /** Fields of the expected findings of the check under test, in order (use '' for findings without a field). */
  readonly fields: string[];
}

/** Runs the cases for one check code. */
export function checkCases(code: string, cases: LintCase[]): void {
  describe(code, () => {
    const reported = new Set<string>();
    const reportText = messages.reportText;
    beforeAll(() => {
      jest.spyOn(messages, 'reportText').mockImplementation((check, report) => {
        if (check.code === code) {
          reported.add(report.messageId);
        }
        return reportText(check, report);
      });
    });
    afterAll(() => jest.restoreAllMocks());

    test.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
      // GIVEN the case's manifests and options
      // WHEN
      const findings = Linter.lintManifests(c.manifests, c.options).filter((f) => f.code === code);
      // THEN
      expect(findings.map((f) => f.field ?? '')).toEqual(c.fields);
    });

    test('the cases report every message the check declares', () => {
      // GIVEN the cases above, run
      // WHEN
      const declared = Object.keys(CHECKS.find((c) => c.code === code)!.messages).sort();
      // THEN
      expect([...reported].sort()).toEqual(declared);
    });
  });
}

/** Egress rules that allow DNS to kube-dns on UDP and TCP 53. */
export const DNS_RULE = {
  to: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'kube-system' } }, podSelector: { matchLabels: { 'k8s-app': 'kube-dns' } } }],
  ports: [{ protocol: 'UDP', port: 53 }, { protocol: 'TCP', port: 53 }],
};

/** A peer for pods labelled app=<app> in the policy's namespace. */
export function pods(app: string): any {
  return { podSelector: { matchLabels: { app } } };
}
