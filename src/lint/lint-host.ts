/**
 * Where the synth lint lives (internal): a `NetpolLint` construct under the scope it lints, whose validation
 * runs the lint when cdk8s validates the app. The app's root gets one as soon as the app makes a policy of
 * this library (the default lint); `PolicyLint.of()` configures one, `PolicyLint.disable()` switches one off.
 */
import { ApiObject } from 'cdk8s';
import { Construct, IConstruct } from 'constructs';

/** The id of the construct that carries the lint's validation under its scope. */
export const HOST_ID = 'NetpolLint';

/** What a host does at synth: lint its scope, lint the app with the error-level checks, or nothing. */
export enum HostMode {
  EXPLICIT = 'explicit',
  DEFAULT = 'default',
  OFF = 'off',
}

/** The state of a host, kept under a global symbol so that every installed copy of the library reads it. */
export interface HostState {
  mode: HostMode;
  /** The lines that fail synth (cdk8s puts `[NetpolLint]` in front of each). */
  validate: () => string[];
}

const STATE = Symbol.for('cdk8s-netpol.lint-host');

type Host = IConstruct & { [STATE]?: HostState };

/** The host under `scope`, if any, with its state. */
export function hostOf(scope: IConstruct): HostState | undefined {
  const host = scope.node.tryFindChild(HOST_ID) as Host | undefined;
  return host?.[STATE];
}

/** Adds a host under `scope`; its validation asks the state at synth, so a later `PolicyLint` call may change it. */
export function addHost(scope: IConstruct, state: HostState): HostState {
  const host = new Construct(scope as Construct, HOST_ID) as Host;
  Object.defineProperty(host, STATE, { value: state, enumerable: false });
  // The validation sits on a child of its own, so that cdk8s names the lint in front of each line ("[NetpolLint]"
  // for an app, whose own path is empty) and the scope's other validations stay apart.
  host.node.addValidation({ validate: () => state.validate() });
  return state;
}

/** Every ApiObject under the scope, in tree order. */
export function apiObjects(scope: IConstruct): ApiObject[] {
  return scope.node.findAll().filter((c): c is ApiObject => c instanceof ApiObject);
}

/**
 * Whether each object of `scope` is under a deeper scope with a host of its own (configured or switched off),
 * which the lint of `scope` then leaves to it: one problem, one error.
 */
export function coveredBelow(scope: IConstruct, objects: ApiObject[]): boolean[] {
  const known = new Map<IConstruct, boolean>([[scope, false]]);
  const covered = (c: IConstruct): boolean => {
    let answer = known.get(c);
    if (answer === undefined) {
      answer = hostOf(c) !== undefined || covered(c.node.scope!);
      known.set(c, answer);
    }
    return answer;
  };
  return objects.map((o) => covered(o.node.scope ?? scope));
}
