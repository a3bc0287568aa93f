import { ApiObject } from 'cdk8s';
import { Construct, IConstruct } from 'constructs';
import { runLint } from './engine/engine';
import { Finding } from './finding';
import { LintOptions } from './lint-options';
import { Severity } from './severity';
import { checkOptionalStruct } from './struct-checks';
import { argumentError } from '../private/arguments';
import { NETWORK_POLICY } from '../private/brands';
import { ErrorCode, invalid } from '../private/errors';

/**
 * Options of the lint that runs at synth.
 */
export interface PolicyLintOptions extends LintOptions {
  /**
   * Write warning and info findings to stderr at synth (they never fail it).
   *
   * @default true - warnings and info findings are written to stderr, one line each
   */
  readonly printWarnings?: boolean;
}

/** The id of the construct that carries the lint's validation under its scope. */
const HOST_ID = 'NetpolLint';

/**
 * Lints the manifests of a chart or an app when it is synthesized.
 *
 * Installs a validation on the scope: at `cdk8s synth` (and `Testing.synth`), every ApiObject under the
 * scope is linted together; error findings fail synth, each naming the construct path of its ApiObject and
 * ending with the check code; warning and info findings are written to stderr and do not fail.
 *
 * @example
 * PolicyLint.of(chart, { cni: Cni.CALICO, severities: { 'shadowed-rule': 'off' } });
 */
export class PolicyLint {
  /**
   * Installs the lint on a chart or an app (once per scope).
   *
   * @param scope a Chart, an App, or any construct whose ApiObjects should be linted together
   * @param options CNI, severities, cluster CIDRs, whether to print warnings
   *
   * @example
   * PolicyLint.of(app, { cni: Cni.CILIUM, printWarnings: false });
   */
  public static of(scope: IConstruct, options?: PolicyLintOptions): PolicyLint {
    if (typeof scope !== 'object' || scope === null || !Construct.isConstruct(scope)) {
      throw argumentError('PolicyLint.of()', 'scope must be a construct', scope, 'Pass the chart or the app to lint');
    }
    checkOptionalStruct('PolicyLint.of()', 'options', options, 'PolicyLintOptions');
    if (scope.node.tryFindChild(HOST_ID) !== undefined) {
      throw invalid(ErrorCode.DUPLICATE, scope.node.path, 'already has PolicyLint installed', 'PolicyLint.of()', 'Call PolicyLint.of() once per scope, with all options');
    }
    const lint = new PolicyLint(scope, options ?? {});
    // The validation sits on a child of its own, so that cdk8s names the lint in front of each line ("[NetpolLint]"
    // for an app, whose own path is empty) and the scope's other validations stay apart.
    new Construct(scope as Construct, HOST_ID).node.addValidation({ validate: () => lint.validate() });
    return lint;
  }

  /** Lines already written to stderr: each warning is printed once, whatever the number of synths. */
  private readonly printed = new Set<string>();
  private readonly once = new OncePerSynth();

  private constructor(private readonly scope: IConstruct, private readonly options: PolicyLintOptions) {}

  /**
   * Lints the scope's ApiObjects now. `source` of each finding is the construct path of its ApiObject.
   */
  public findings(): Finding[] {
    const objects = apiObjects(this.scope);
    const paths = objects.map((o) => o.node.path);
    return runLint(objects.map((o) => o.toJson()), { ...this.options, sources: paths }, (_object, index) => paths[index]);
  }

  private validate(): string[] {
    const findings = this.once.findings(this.scope, () => this.findings()).filter((f) => !this.reportedByConstruct(f));
    if (this.options.printWarnings ?? true) {
      for (const f of findings.filter((x) => x.severity !== Severity.ERROR)) {
        const line = `netpol lint ${f.severity}: ${f.message} [${f.code}]\n`;
        if (!this.printed.has(line)) {
          this.printed.add(line);
          process.stderr.write(line);
        }
      }
    }
    return findings.filter((f) => f.severity === Severity.ERROR).map((f) => `${f.message} [${f.code}]`);
  }

  /**
   * Whether the construct the finding is about fails synth for the same problem itself: a NetworkPolicy of
   * this library reports its duplicate name, so the lint's `duplicate-policy-name` would be a second error.
   */
  private reportedByConstruct(finding: Finding): boolean {
    if (finding.code !== DUPLICATE_NAME_CHECK || finding.documentIndex === undefined) {
      return false;
    }
    return NETWORK_POLICY.has(apiObjects(this.scope)[finding.documentIndex]);
  }
}

/** The lint check that the policy constructs also enforce, as a validation of their own. */
const DUPLICATE_NAME_CHECK = 'duplicate-policy-name';

/**
 * One lint per synthesis: cdk8s validates the whole app once, then once more for each chart it writes, so a
 * lint installed on the app would run once per chart. The findings of the first validation are kept for the
 * validations that follow in the same synchronous run (cleared in a microtask, that is once the synth call
 * has returned), as long as the scope holds the same ApiObjects; a later synth, or one after constructs were
 * added, lints again. (Rules added to a policy cannot change it after synth: the constructs refuse them.)
 */
class OncePerSynth {
  private last?: { objects: ApiObject[]; findings: Finding[] };

  public findings(scope: IConstruct, lint: () => Finding[]): Finding[] {
    const objects = apiObjects(scope);
    const last = this.last;
    if (last !== undefined && last.objects.length === objects.length && last.objects.every((o, i) => o === objects[i])) {
      return last.findings;
    }
    const findings = lint();
    this.last = { objects, findings };
    queueMicrotask(() => { this.last = undefined; });
    return findings;
  }
}

function apiObjects(scope: IConstruct): ApiObject[] {
  return scope.node.findAll().filter((c): c is ApiObject => c instanceof ApiObject);
}
