import { Cni } from './cni/cni';

/**
 * Options of a lint run.
 */
export interface LintOptions {
  /**
   * The CNI of the target cluster; enables the CNI support checks.
   *
   * @default Cni.UNKNOWN - no CNI-specific findings
   */
  readonly cni?: Cni;
  /**
   * Severity per check code for this run: `error`, `warning`, `info` or `off`.
   * A policy's `cdk8s-netpol.dev/lint` annotation overrides this for that policy.
   *
   * @default - each check's default severity
   */
  readonly severities?: Record<string, string>;
  /**
   * A name per input document, used in findings (e.g. `dist/app.k8s.yaml#2`).
   *
   * @default - `manifests[<index>]`
   */
  readonly sources?: string[];
  /**
   * The cluster's pod and service CIDRs; ipBlock ranges overlapping them are reported.
   *
   * @default - the overlap check does not run
   */
  readonly clusterCidrs?: string[];
}
