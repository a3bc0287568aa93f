import { LintCheck } from '../check';
import { Severity } from '../severity';

/**
 * A plain YAML scalar that YAML 1.1 (kubectl, through sigs.k8s.io/yaml) and YAML 1.2 (most other tools) read
 * differently: `0755` (493 or 755), `yes`/`on`/`y` (true or a string), `1_000`, `0b101`. The file means one
 * thing to the cluster and another to a reviewer's tools.
 */
export const yaml11Scalar: LintCheck = {
  code: 'yaml-1-1-scalar',
  description: 'A YAML scalar that kubectl (YAML 1.1) and YAML 1.2 tools read differently, e.g. 0755 or yes: quote it.',
  defaultSeverity: Severity.WARNING,
  check: (context) => context.scalarReadings.flatMap(({ source, scalars }) => scalars.map((s) => ({
    source,
    where: `${source.document} line ${s.line}`,
    field: s.path,
    problem: `${s.text} reads as ${s.yaml11} in YAML 1.1, as kubectl reads it, but as ${s.yaml12} in YAML 1.2`,
    got: s.text,
    fix: `Quote it ("${s.text}") if a string is meant, or write ${s.yaml11} if kubectl's value is meant`,
  }))),
};
