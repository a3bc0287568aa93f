/**
 * Scalars whose reading depends on the YAML version (internal). The command's YAML reader reads as kubectl
 * does (YAML 1.1) and records, per document, where a scalar would read differently under YAML 1.2; it keeps
 * the record on the document object under `SCALAR_READINGS` (not enumerable, so the manifest itself is
 * unchanged), and the `yaml-1-1-scalar` check reports each one.
 */

/** One plain scalar read differently by YAML 1.1 and YAML 1.2. */
export interface AmbiguousScalar {
  /** Field path in the document, e.g. `spec.ingress[0].ports[0].port` (`items[3].spec...` in a list). */
  readonly path: string;
  /** 1-based line in the file. */
  readonly line: number;
  /** The scalar as written. */
  readonly text: string;
  /** JSON of the value kubectl reads (YAML 1.1). */
  readonly yaml11: string;
  /** JSON of the value a YAML 1.2 reader gives. */
  readonly yaml12: string;
}

/** The key of a document object's ambiguous scalars. */
export const SCALAR_READINGS = Symbol.for('cdk8s-netpol.scalar-readings');

/** The ambiguous scalars recorded on a document object, if any. */
export function scalarReadings(doc: unknown): AmbiguousScalar[] {
  if (typeof doc !== 'object' || doc === null) {
    return [];
  }
  const found = (doc as Record<symbol, unknown>)[SCALAR_READINGS];
  return Array.isArray(found) ? found : [];
}
