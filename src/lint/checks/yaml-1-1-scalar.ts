import { defineCheck } from '../engine/check';
import { Severity } from '../severity';

/**
 * A plain YAML scalar that YAML 1.1 (kubectl, through sigs.k8s.io/yaml) and YAML 1.2 (most other tools) read
 * differently: `0755` (493 or 755), `yes`/`on`/`y` (true or a string), `1_000`, `0b101`. The file means one
 * thing to the cluster and another to a reviewer's tools.
 */
export const yaml11Scalar = defineCheck({
  code: 'yaml-1-1-scalar',
  description: 'A YAML scalar that kubectl (YAML 1.1) and YAML 1.2 tools read differently, e.g. 0755 or yes: quote it.',
  defaultSeverity: Severity.WARNING,
  messages: {
    readsDifferently: {
      problem: '{{text}} reads as {{yaml11}} in YAML 1.1, as kubectl reads it, but as {{yaml12}} in YAML 1.2',
      fix: 'Quote it ("{{text}}") if a string is meant, or write {{yaml11}} if kubectl\'s value is meant',
    },
  },
  check: (context) => context.scalarReadings.flatMap(({ source, scalars }) => scalars.map((s) => ({
    source,
    where: `${source.document} line ${s.line}`,
    field: s.path,
    messageId: 'readsDifferently',
    data: { text: s.text, yaml11: s.yaml11, yaml12: s.yaml12 },
    got: s.text,
  }))),
});
