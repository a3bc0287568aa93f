/**
 * A cdk8s-cli validation plugin: `cdk8s synth --validate` runs the NetworkPolicy lint over the synthesized
 * manifests. cdk8s-cli loads the package named in `cdk8s.yaml` (a local path starting with `./` or an
 * absolute path is required as is, with no npm download) and calls `new NetpolLintValidation(properties)`.
 *
 *   validations:
 *     - package: ./node_modules/cdk8s-netpol/lib/plugin    # or ./<path to this repo>/lib/plugin
 *       version: 0.0.0                                    # required by cdk8s-cli; not used for local paths
 *       class: NetpolLintValidation
 *       properties: { cni: calico, clusterCidrs: [10.244.0.0/16], severities: { shadowed-rule: off } }
 *
 * Every finding is a violation (rule name `<code> (<severity>)`, located at its field); the report fails,
 * and synth exits with 2, only when an error-level finding exists.
 */
import { Context, Violation } from './cli-types';
import { Cni } from '../lint/cni/cni';
import { Finding } from '../lint/finding';
import { Linter } from '../lint/linter';
import { Severity } from '../lint/severity';
import { ErrorCode, invalid } from '../private/errors';

/** The `properties` of the cdk8s.yaml entry. */
export interface NetpolLintProperties {
  /**
   * `calico`, `cilium`, `canal`, `weave-net`, `flannel`, `antrea`, `ovn-kubernetes`, `kube-network-policies`,
   * `kube-ovn`, `multus:<delegate>`, each optionally with `@<version>` (`calico@3.32`), as `Cni.named()` reads it.
   */
  readonly cni?: string;
  /** Check code -> `error`, `warning`, `info` or `off`. */
  readonly severities?: Record<string, string>;
  /** Pod and service CIDRs of the cluster. */
  readonly clusterCidrs?: string[];
}

/** The plugin class named in cdk8s.yaml. */
export class NetpolLintValidation {
  private readonly properties: NetpolLintProperties;

  constructor(properties: NetpolLintProperties = {}) {
    const known = ['cni', 'severities', 'clusterCidrs'];
    for (const key of Object.keys(properties ?? {})) {
      if (!known.includes(key)) {
        throw invalid(ErrorCode.UNKNOWN_VALUE, 'cdk8s.yaml validations[NetpolLintValidation].properties', `has an unknown key "${key}"`, key, `Use ${known.join(', ')}`);
      }
    }
    this.properties = properties ?? {};
  }

  /** Lints every manifest file together and reports each finding. */
  public async validate(context: Context): Promise<void> {
    const documents: any[] = [];
    const sources: string[] = [];
    const files: string[] = [];
    for (const file of context.manifests) {
      context.parseManifest(file).forEach((doc, i) => {
        documents.push(doc);
        sources.push(`${file}#${i}`);
        files.push(file);
      });
    }
    const findings = Linter.lintManifests(documents, {
      cni: this.properties.cni === undefined ? undefined : Cni.named(this.properties.cni),
      severities: this.properties.severities,
      clusterCidrs: this.properties.clusterCidrs,
      sources,
    });
    for (const finding of findings) {
      context.report.addViolation(toViolation(finding, documents, files));
    }
    const errors = findings.filter((f) => f.severity === Severity.ERROR).length;
    context.report.submit(errors > 0 ? 'failure' : 'success', {
      errors: String(errors),
      warnings: String(findings.filter((f) => f.severity === Severity.WARNING).length),
      info: String(findings.filter((f) => f.severity === Severity.INFO).length),
    });
  }
}

function toViolation(finding: Finding, documents: any[], files: string[]): Violation {
  const index = finding.documentIndex;
  const doc = index === undefined ? undefined : documents[index];
  const name = doc?.metadata?.name;
  const info = Linter.checks().find((c) => c.code === finding.code);
  return {
    ruleName: `${finding.code} (${finding.severity})`,
    recommendation: finding.message,
    fix: info?.description ?? finding.code,
    violatingResources: index === undefined || typeof name !== 'string' ? [] : [{
      resourceName: name,
      locations: [finding.field ?? 'metadata'],
      manifestPath: files[index],
    }],
  };
}
