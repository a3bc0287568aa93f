/**
 * The parts of cdk8s-cli's validation plugin interface this plugin uses (`cdk8s-cli/lib/plugins/validation`),
 * declared structurally so the package does not depend on cdk8s-cli at run time. A test checks that the
 * real cdk8s-cli types fit these.
 */

/** A resource (by `metadata.name`, which cdk8s-cli maps to a construct path) in one manifest file. */
export interface ViolatingResource {
  readonly resourceName: string;
  readonly locations: readonly string[];
  readonly manifestPath: string;
}

/** One violation in the report. */
export interface Violation {
  readonly ruleName: string;
  readonly recommendation: string;
  readonly fix: string;
  readonly violatingResources: readonly ViolatingResource[];
}

/** The report of one plugin. */
export interface Report {
  addViolation(violation: Violation): void;
  submit(status: 'success' | 'failure', metadata?: { readonly [key: string]: string }): void;
}

/** What cdk8s-cli hands to `validate()`. */
export interface Context {
  readonly manifests: readonly string[];
  readonly report: Report;
  readonly logger: { log(message: string): void };
  parseManifest(manifestPath: string): any[];
}
