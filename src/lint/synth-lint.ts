/**
 * Running a lint over the ApiObjects of a construct tree at synth (internal): the manifests handed to the
 * engine, the construct paths in messages, one run per synthesis, and which findings fail synth.
 */
import { ApiObject } from 'cdk8s';
import { IConstruct } from 'constructs';
import { CheckFilter, runLint } from './engine/engine';
import { Finding } from './finding';
import { apiObjects } from './lint-host';
import { LintOptions } from './lint-options';
import { Severity } from './severity';
import { NETWORK_POLICY } from '../private/brands';

/** An egress rule of a library policy as it renders: an empty list of peers or ports means all. */
export interface LibraryRule {
  readonly rule: { readonly peers: readonly unknown[]; readonly ports: readonly unknown[] };
}

/** What a policy of this library gives the lint, so that nothing is rendered twice. */
export interface LibraryPolicy {
  readonly namespace?: string;
  _manifestForLint(): unknown;
  _egressRulesForLint(): readonly LibraryRule[] | undefined;
}

/** The policy as a library policy, when it is one (made by this or any other installed copy). */
export function libraryPolicy(o: ApiObject): LibraryPolicy | undefined {
  const policy = o as unknown as Partial<LibraryPolicy>;
  return NETWORK_POLICY.has(o) && typeof policy._manifestForLint === 'function' && typeof policy._egressRulesForLint === 'function'
    ? policy as LibraryPolicy : undefined;
}

/**
 * The manifest of each object for the lint: a policy of this library hands over what it produces (the same
 * JSON as its rendering, which a test holds it to); any other object is rendered.
 */
export function lintManifests(objects: ApiObject[]): unknown[] {
  return objects.map((o) => libraryPolicy(o)?._manifestForLint() ?? o.toJson());
}

/** One lint run over ApiObjects, named by their construct paths. */
export interface ObjectsLint {
  readonly objects: ApiObject[];
  readonly findings: Finding[];
}

/** Lints the objects together; with `only`, just those checks run. */
export function lintObjects(objects: ApiObject[], options: LintOptions, only?: CheckFilter): ObjectsLint {
  const paths = objects.map((o) => o.node.path);
  const findings = runLint(lintManifests(objects), { ...options, sources: paths }, (_object, index) => paths[index], only);
  return { objects, findings };
}

/**
 * The findings a lint reports at synth: not those a deeper scope lints (or switched off) itself (`covered`,
 * by object), and not a duplicate name of a library policy, which the policy reports itself.
 */
export function reportedFindings(run: ObjectsLint, covered: boolean[]): Finding[] {
  return run.findings.filter((f) => f.documentIndex === undefined
    || (!covered[f.documentIndex] && !(f.code === DUPLICATE_NAME_CHECK && NETWORK_POLICY.has(run.objects[f.documentIndex]))));
}

/** The lint check that the policy constructs also enforce, as a validation of their own. */
const DUPLICATE_NAME_CHECK = 'duplicate-policy-name';

/** The lines that fail synth: one per error finding, ending with the check code. */
export function errorLines(findings: Finding[]): string[] {
  return findings.filter((f) => f.severity === Severity.ERROR).map((f) => `${f.message} [${f.code}]`);
}

/**
 * One lint per synthesis: cdk8s may validate the whole app more than once in one synthesis (`Testing.synth`
 * does once per chart), so the result of the first validation is kept for the validations that follow in the
 * same synchronous run (cleared in a microtask, that is once the synth call has returned), as long as the
 * scope holds the same ApiObjects; a later synth, or one after constructs were added, lints again. (Rules
 * added to a policy cannot change it after synth: the constructs refuse them.)
 */
export class OncePerSynth {
  private last?: { all: ApiObject[]; lint: ObjectsLint };

  public run(scope: IConstruct, lint: (objects: ApiObject[]) => ObjectsLint): ObjectsLint {
    const all = apiObjects(scope);
    const last = this.last;
    if (last !== undefined && last.all.length === all.length && last.all.every((o, i) => o === all[i])) {
      return last.lint;
    }
    this.last = { all, lint: lint(all) };
    queueMicrotask(() => { this.last = undefined; });
    return this.last.lint;
  }
}
