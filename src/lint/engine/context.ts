/**
 * What every check sees (internal): the normalized model of the valid documents, and each NetworkPolicy
 * document as written (duplicates kept, annotations, whether a namespace was written).
 */
import type { LintIndex } from './lint-index';
import { AmbiguousScalar } from './scalar-readings';
import { InputSummary } from '../../analysis/internal/normalize-documents';
import { ClusterModel, ManifestSource, NormalizedPolicy } from '../../analysis/model';
import { Cidr } from '../../private/cidr';
import { Cni } from '../cni/cni';

/** A NetworkPolicy document as written, next to its normalized form. */
export interface PolicyDoc {
  /** The normalized policy of this very document (a later duplicate is not merged in). */
  readonly policy: NormalizedPolicy;
  /** `NetworkPolicy <namespace>/<name>`. */
  readonly object: string;
  readonly annotations: Record<string, string>;
  /** Whether `metadata.namespace` was written (else Kubernetes uses the current namespace). */
  readonly namespaceWritten: boolean;
  readonly source: ManifestSource;
}

/** The input of a check. */
export interface LintContext {
  /** The model of every valid document (a later policy with the same namespace/name replaces an earlier one). */
  readonly model: ClusterModel;
  /** What the valid documents held besides the objects read (not manifests, unanalyzed and ignored kinds). */
  readonly inputs: InputSummary;
  /** Per document, the YAML scalars read differently by YAML 1.1 and 1.2 (recorded by the command's reader). */
  readonly scalarReadings: Array<{ readonly source: ManifestSource; readonly scalars: AmbiguousScalar[] }>;
  /** Every valid NetworkPolicy document, in input order. */
  readonly docs: PolicyDoc[];
  readonly cni: Cni;
  /** Parsed `LintOptions.clusterCidrs`; empty when none were declared. */
  readonly clusterCidrs: Cidr[];
  /** Every check code (for annotation parsing). */
  readonly checkCodes: string[];
  /** Documents the API server would refuse, with the reading error (already in the project format). */
  readonly brokenDocuments: BrokenDocument[];
  /**
   * Lookups shared by the checks of one run (see `lintIndex()`).
   *
   * @default - each check that needs it builds its own
   */
  readonly index?: LintIndex;
}

/** A document that could not be read. */
export interface BrokenDocument {
  readonly source: ManifestSource;
  readonly message: string;
}
