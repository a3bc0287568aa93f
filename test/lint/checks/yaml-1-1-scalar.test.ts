import { DEFAULT_LIMITS } from '../../../src/cli/input-limits';
import { readYaml } from '../../../src/cli/read-yaml';
import { Linter } from '../../../src/lint';
import { netpol } from '../../util';
import { checkCases } from '../lint-cases';

/** Documents as the command reads them from YAML text. */
function yaml(text: string): any[] {
  return readYaml(text, DEFAULT_LIMITS);
}

const POLICY = 'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: a\n  namespace: shop\n';

checkCases('yaml-1-1-scalar', [
  { name: 'fires for a leading-zero port', manifests: yaml(`${POLICY}spec:\n  ingress:\n  - ports:\n    - port: 0755\n`), fields: ['spec.ingress[0].ports[0].port'] },
  { name: 'fires for a boolean word in a label', manifests: yaml(`${POLICY}  annotations: {note: "x"}\n  labels: {enabled: on}\n`), fields: ['metadata.labels.enabled'] },
  { name: 'fires in a list item, with the item path', manifests: yaml('kind: List\napiVersion: v1\nitems:\n- kind: ConfigMap\n  data: {a: y}\n'), fields: ['items[0].data.a'] },
  { name: 'does not fire for quoted values, true/false and plain numbers', manifests: yaml(`${POLICY}  labels: {a: "0755", b: 'yes'}\nspec:\n  ingress:\n  - ports:\n    - port: 80\n`), fields: [] },
  { name: 'does not fire for objects that were not read from YAML', manifests: [netpol('shop', 'a', {})], fields: [] },
]);

describe('yaml-1-1-scalar findings', () => {
  test('name the line, the field, both readings and the fix', () => {
    // WHEN
    const findings = Linter.lintManifests(yaml(`${POLICY}spec:\n  ingress:\n  - ports:\n    - port: 0755\n`), { sources: ['app.yaml#0'] })
      .filter((f) => f.code === 'yaml-1-1-scalar');
    // THEN
    expect(findings).toEqual([expect.objectContaining({ severity: 'warning', source: 'app.yaml#0', field: 'spec.ingress[0].ports[0].port' })]);
    expect(findings[0].message).toBe('[app.yaml#0 line 9] spec.ingress[0].ports[0].port: 0755 reads as 493 in YAML 1.1, as kubectl reads it, '
      + 'but as 755 in YAML 1.2 (got "0755"). Quote it ("0755") if a string is meant, or write 493 if kubectl\'s value is meant.');
  });
});
