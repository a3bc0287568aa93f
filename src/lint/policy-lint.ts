import { Construct, IConstruct } from 'constructs';
import { DefaultLint } from './default-lint';
import { Finding } from './finding';
import { addHost, apiObjects, coveredBelow, HOST_ID, hostOf, HostMode } from './lint-host';
import { LintOptions } from './lint-options';
import { Severity } from './severity';
import { checkOptionalStruct } from './struct-checks';
import { errorLines, lintObjects, OncePerSynth, reportedFindings } from './synth-lint';
import { argumentError } from '../private/arguments';
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

/**
 * The lint that runs at synth.
 *
 * Every app that makes a policy of this library is linted at synth without asking: the checks whose default
 * severity is error (DNS blocked by an egress deny, a manifest the API server would refuse, ...) fail
 * `cdk8s synth` and `Testing.synth`, each line naming the construct path of its ApiObject and ending with the
 * check code. It runs once per app and prints nothing else. `PolicyLint.of()` replaces it for a scope with
 * every check (CNI, severities, warnings on stderr); `PolicyLint.disable()` switches it off for a scope; a
 * policy's `cdk8s-netpol.dev/lint` annotation switches single checks off for that policy.
 *
 * @example
 * PolicyLint.of(chart, { cni: Cni.CALICO, severities: { 'shadowed-rule': 'off' } });
 */
export class PolicyLint {
  /**
   * Installs the full lint on a chart or an app (once per scope), in place of the default lint there.
   *
   * Every ApiObject under the scope is linted together; error findings fail synth, warning and info findings
   * are written to stderr and do not fail.
   *
   * @param scope a Chart, an App, or any construct whose ApiObjects should be linted together
   * @param options CNI, severities, cluster CIDRs, whether to print warnings
   *
   * @example
   * PolicyLint.of(app, { cni: Cni.CILIUM, printWarnings: false });
   */
  public static of(scope: IConstruct, options?: PolicyLintOptions): PolicyLint {
    checkScope('PolicyLint.of()', scope);
    checkOptionalStruct('PolicyLint.of()', 'options', options, 'PolicyLintOptions');
    const lint = new PolicyLint(scope, options ?? {});
    const known = hostOf(scope);
    if (known === undefined) {
      addHost(scope, { mode: HostMode.EXPLICIT, validate: () => lint.validate() });
    } else if (known.mode === HostMode.DEFAULT) {
      known.mode = HostMode.EXPLICIT;
      known.validate = () => lint.validate();
    } else {
      throw invalid(ErrorCode.DUPLICATE, scope.node.path, known.mode === HostMode.OFF ? 'has the lint switched off by PolicyLint.disable()' : 'already has PolicyLint installed',
        'PolicyLint.of()', known.mode === HostMode.OFF ? 'Call either PolicyLint.of() or PolicyLint.disable() on a scope, not both' : 'Call PolicyLint.of() once per scope, with all options');
    }
    return lint;
  }

  /**
   * Switches the lint at synth off for a chart or an app: neither the default lint nor a configured one
   * reports on the ApiObjects under the scope. Calling it again is harmless.
   *
   * The objects are still read for the rest of the app (a policy there may allow what another one needs).
   * To switch off one check for one policy, annotate the policy instead: `cdk8s-netpol.dev/lint:
   * "egress-blocks-dns=off"`; a policy meant to leave its pods without any egress says so with
   * `cdk8s-netpol.dev/no-egress: "true"`.
   *
   * @param scope a Chart, an App, or any construct whose ApiObjects should not be linted at synth
   *
   * @example
   * PolicyLint.disable(app);
   */
  public static disable(scope: IConstruct): void {
    checkScope('PolicyLint.disable()', scope);
    const known = hostOf(scope);
    if (known === undefined) {
      addHost(scope, { mode: HostMode.OFF, validate: () => [] });
    } else if (known.mode === HostMode.DEFAULT) {
      known.mode = HostMode.OFF;
      known.validate = () => [];
    } else if (known.mode === HostMode.EXPLICIT) {
      throw invalid(ErrorCode.DUPLICATE, scope.node.path, 'has PolicyLint installed', 'PolicyLint.disable()',
        'Call either PolicyLint.of() or PolicyLint.disable() on a scope, not both');
    }
  }

  /**
   * Installs the default lint on the app of `scope` unless the app already has a lint (or has it switched
   * off). Called by the constructs that write policies.
   * @internal
   */
  public static _ensureDefault(scope: IConstruct): void {
    const root = scope.node.root;
    if (hostOf(root) === undefined && root.node.tryFindChild(HOST_ID) === undefined) {
      const lint = new DefaultLint(root);
      addHost(root, { mode: HostMode.DEFAULT, validate: () => lint.validate() });
    }
  }

  /** Lines already written to stderr: each warning is printed once, whatever the number of synths. */
  private readonly printed = new Set<string>();
  private readonly once = new OncePerSynth();

  private constructor(private readonly scope: IConstruct, private readonly options: PolicyLintOptions) {}

  /**
   * Lints the scope's ApiObjects now. `source` of each finding is the construct path of its ApiObject.
   */
  public findings(): Finding[] {
    return lintObjects(apiObjects(this.scope), this.options).findings;
  }

  private validate(): string[] {
    const run = this.once.run(this.scope, (all) => lintObjects(all, this.options));
    const reported = reportedFindings(run, coveredBelow(this.scope, run.objects));
    if (this.options.printWarnings ?? true) {
      for (const f of reported.filter((x) => x.severity !== Severity.ERROR)) {
        const line = `netpol lint ${f.severity}: ${f.message} [${f.code}]\n`;
        if (!this.printed.has(line)) {
          this.printed.add(line);
          process.stderr.write(line);
        }
      }
    }
    return errorLines(reported);
  }
}

function checkScope(where: string, scope: unknown): void {
  if (typeof scope !== 'object' || scope === null || !Construct.isConstruct(scope)) {
    throw argumentError(where, 'scope must be a construct', scope, 'Pass the chart or the app');
  }
}
