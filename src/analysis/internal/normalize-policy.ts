/**
 * A NetworkPolicy manifest -> NormalizedPolicy, refusing what the API server refuses (internal; see normalize.ts).
 */
import { FieldReader } from './field-reader';
import { ManifestSource, NormalizedPolicy, NormalizedRule } from '../model';
import { makeSelector, PartMemo, readOptionalSelector, readRule } from './normalize-rule';

const POLICY_TYPES = ['Ingress', 'Egress'];

/**
 * Reads `spec` of a NetworkPolicy whose metadata was already read. Each rule, the pod selector, the policy
 * types and the top-level fields are read as separate parts (see `FieldReader.part`).
 */
export function readPolicy(r: FieldReader, manifest: any, namespace: string, name: string, source: ManifestSource,
  memo?: PartMemo): NormalizedPolicy {
  r.part(undefined, () => r.object('', manifest, ['apiVersion', 'kind', 'metadata', 'spec', 'status']));
  // Kubernetes 1.24-1.27 served a (never used) status; exports from those versions carry `status: {}`
  r.part(undefined, () => r.optionalObject('status', manifest.status));
  r.part(undefined, () => {
    if (manifest.apiVersion !== 'networking.k8s.io/v1') {
      r.fail('apiVersion', 'must be "networking.k8s.io/v1" for NetworkPolicy', manifest.apiVersion,
        'Use apiVersion networking.k8s.io/v1 (extensions/v1beta1 was removed in Kubernetes 1.16)');
    }
  });
  const spec = r.optionalObject('spec', manifest.spec) ?? {};
  r.part(undefined, () => r.object('spec', spec, ['podSelector', 'policyTypes', 'ingress', 'egress']));
  const podSelector = r.part(undefined, () => readOptionalSelector(r, 'spec.podSelector', spec.podSelector)) ?? makeSelector({}, []);
  const ingress = readRules(r, 'spec.ingress', spec.ingress, 'from', memo);
  const egress = readRules(r, 'spec.egress', spec.egress, 'to', memo);
  const written = r.part(undefined, () => readPolicyTypes(r, spec.policyTypes));
  const inferred = egress.length > 0 ? ['Ingress', 'Egress'] : ['Ingress'];
  const types = (written ?? inferred);
  const policyTypes = POLICY_TYPES.filter((t) => types.includes(t)) as Array<'Ingress' | 'Egress'>;
  return {
    id: `${namespace}/${name}`,
    namespace,
    name,
    podSelector,
    policyTypes,
    policyTypesExplicit: written !== undefined,
    isolatesIngress: policyTypes.includes('Ingress'),
    isolatesEgress: policyTypes.includes('Egress'),
    ingress,
    egress,
    source,
  };
}

function readRules(r: FieldReader, path: string, value: unknown, peersField: 'from' | 'to', memo?: PartMemo): NormalizedRule[] {
  const list = r.part(undefined, () => r.optionalArray(path, value)) ?? [];
  return list.map((rule, i) => r.part(undefined, () => readRule(r, `${path}[${i}]`, rule, i, peersField, memo)))
    .filter((rule): rule is NormalizedRule => rule !== undefined);
}

function readPolicyTypes(r: FieldReader, value: unknown): string[] | undefined {
  const list = r.optionalArray('spec.policyTypes', value);
  if (list === undefined || list.length === 0) {
    return undefined; // the API server infers policyTypes for an empty list too
  }
  if (list.length > 2) {
    r.fail('spec.policyTypes', 'must have at most two entries', list, 'List Ingress and/or Egress once each');
  }
  return list.map((t, i) => {
    const text = r.string(`spec.policyTypes[${i}]`, t);
    if (!POLICY_TYPES.includes(text)) {
      r.fail(`spec.policyTypes[${i}]`, 'must be "Ingress" or "Egress" (case-sensitive)', text, 'Use Ingress or Egress');
    }
    return text;
  });
}
