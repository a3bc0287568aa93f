/**
 * `metadata` of an object, validated as the API server validates ObjectMeta (internal; see normalize.ts).
 * Server-set fields, as `kubectl get -o yaml` writes them, are accepted with their JSON types checked.
 */
import { FieldReader } from './field-reader';
import { labelKeyProblem } from '../../private/k8s-names';

/** Every field of ObjectMeta (`clusterName` was removed in Kubernetes 1.25). */
const METADATA_FIELDS = [
  'name', 'generateName', 'namespace', 'selfLink', 'uid', 'resourceVersion', 'generation', 'creationTimestamp',
  'deletionTimestamp', 'deletionGracePeriodSeconds', 'labels', 'annotations', 'ownerReferences', 'finalizers',
  'managedFields',
];

/** The most bytes all annotation keys and values of one object may take together (256 KiB). */
export const ANNOTATIONS_MAX_BYTES = 256 * 1024;

const RFC3339 = /^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/;

/** Checks every field of `metadata` but `name` and `namespace` (read by the caller) and `labels`. */
export function checkMetadata(r: FieldReader, metadata: Record<string, any>): void {
  r.object('metadata', metadata, METADATA_FIELDS);
  for (const field of ['generateName', 'selfLink', 'uid', 'resourceVersion']) {
    r.optionalString(`metadata.${field}`, metadata[field]);
  }
  for (const field of ['generation', 'deletionGracePeriodSeconds']) {
    if (metadata[field] !== undefined && metadata[field] !== null) {
      integer(r, `metadata.${field}`, metadata[field]);
    }
  }
  for (const field of ['creationTimestamp', 'deletionTimestamp']) {
    const time = r.optionalString(`metadata.${field}`, metadata[field]);
    if (time !== undefined && !RFC3339.test(time)) {
      r.fail(`metadata.${field}`, 'must be an RFC 3339 time', time, 'Write e.g. "2024-05-01T12:00:00Z", or remove the field');
    }
  }
  annotations(r, metadata.annotations);
  (r.optionalArray('metadata.finalizers', metadata.finalizers) ?? []).forEach((f, i) => r.string(`metadata.finalizers[${i}]`, f));
  (r.optionalArray('metadata.managedFields', metadata.managedFields) ?? []).forEach((f, i) => r.object(`metadata.managedFields[${i}]`, f));
  (r.optionalArray('metadata.ownerReferences', metadata.ownerReferences) ?? []).forEach((o, i) => {
    const ref = r.object(`metadata.ownerReferences[${i}]`, o);
    for (const field of ['apiVersion', 'kind', 'name', 'uid']) {
      const value = r.string(`metadata.ownerReferences[${i}].${field}`, ref[field]);
      if (value === '') {
        r.fail(`metadata.ownerReferences[${i}].${field}`, 'must not be empty', value, 'Fill it in or remove the owner reference');
      }
    }
  });
}

function integer(r: FieldReader, path: string, value: unknown): void {
  if (typeof value !== 'number' || !Number.isSafeInteger(value)) {
    r.fail(path, 'must be a whole number', value, 'Write an integer without quotes or fractions');
  }
}

/** Annotation keys follow the label key rules (case aside); values are strings; 256 KiB in all. */
function annotations(r: FieldReader, value: unknown): void {
  const map = r.optionalObject('metadata.annotations', value) ?? {};
  let bytes = 0;
  for (const [key, raw] of Object.entries(map)) {
    const path = `metadata.annotations[${JSON.stringify(key)}]`;
    const keyProblem = labelKeyProblem(key.toLowerCase());
    if (keyProblem !== undefined) {
      r.fail(path, `key: ${keyProblem.problem.replace(/^label key/, 'annotation key')}`, key, keyProblem.fix);
    }
    const text = r.string(path, raw);
    bytes += Buffer.byteLength(key, 'utf8') + Buffer.byteLength(text, 'utf8');
  }
  if (bytes > ANNOTATIONS_MAX_BYTES) {
    r.fail('metadata.annotations', `take ${bytes} bytes, more than the 262144 (256 KiB) the API server allows`, bytes,
      'Move large data out of annotations, e.g. into a ConfigMap');
  }
}
