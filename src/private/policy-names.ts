import { createHash } from 'crypto';
import { Chart } from 'cdk8s';
import { Construct, IConstruct } from 'constructs';
import { childPath, sanitizedId } from './construct-path';
import { ErrorCode, invalid } from './errors';
import { dns1123SubdomainProblem } from './k8s-names';

/** Longest name we write by default (some CNIs break on longer policy names). */
const MAX_NAME = 63;

/** Answer of `problemsOf` when there is no problem. */
const NO_PROBLEMS: string[] = [];

/**
 * A readable default policy name for the construct `new X(scope, id)` is about to make (the name is needed
 * before the construct exists): its construct path below the chart, in kebab-case.
 * `Chart/Team/AllowWeb` gives `team-allow-web`. Ids named `Default` are skipped. Names longer than
 * 63 characters are cut and end with 8 hex characters of the path's SHA-1, so they stay unique.
 */
export function defaultPolicyName(scope: IConstruct, id: string): string {
  if (Chart.isChart(scope)) {
    // the common case, a policy straight in its chart: no ancestors to walk, one part
    const own = sanitizedId(id);
    const name = (own === 'Default' ? '' : kebab(own)) || 'network-policy';
    return name.length <= MAX_NAME ? name : fitName(name, () => childPath(scope, id));
  }
  const chart = Chart.of(scope);
  const scopes = scope.node.scopes;
  const ids = [...scopes.slice(scopes.indexOf(chart) + 1).map((c) => c.node.id), sanitizedId(id)];
  const below = ids.filter((part) => part !== 'Default' && part !== '');
  const name = below.map(kebab).filter((part) => part !== '').join('-') || 'network-policy';
  return fitName(name, () => childPath(scope, id));
}

/** `name` if it is a valid policy name; otherwise a scoped error. */
export function checkPolicyName(where: string, name: string): string {
  const problem = dns1123SubdomainProblem(name);
  if (problem !== undefined) {
    throw invalid(ErrorCode.INVALID_NAME, where, `policy ${problem.problem}`, name, problem.fix);
  }
  if (name.length > MAX_NAME) {
    throw invalid(ErrorCode.NAME_TOO_LONG, where, `policy name is ${name.length} characters; some CNIs break above 63`, name,
      'Use a name of at most 63 characters');
  }
  return name;
}

/**
 * `head + tail` when it fits in 63 characters; otherwise `head` cut short, then `-` and 8 hex characters of
 * the SHA-1 of `hashInput()`, then `tail`, so that long names stay readable, unique and at most 63 characters.
 */
export function fitName(head: string, hashInput: () => string, tail: string = ''): string {
  if (head.length + tail.length <= MAX_NAME) {
    return `${head}${tail}`;
  }
  const hash = createHash('sha1').update(hashInput()).digest('hex').slice(0, 8);
  return `${head.slice(0, MAX_NAME - tail.length - hash.length - 1).replace(/[-.]+$/, '')}-${hash}${tail}`;
}

/** `AllowWebToAPI2` -> `allow-web-to-api2`. */
export function kebab(id: string): string {
  return id
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1-$2')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** Something with a namespace-scoped name and a construct path. */
export interface NamedPolicy extends IConstruct {
  readonly name: string;
  readonly namespace?: string;
}

/** By namespace, the policy of each name, or the policies when there are several. */
type NamesByNamespace = Map<string, Map<string, NamedPolicy | NamedPolicy[]>>;

/**
 * The property of an app's root construct that holds its policy names. A global symbol, so that every installed
 * copy of this package finds the same names on the same root: a duplicate across copies is still one app's
 * duplicate. The value is plain data (maps of policies), never an object of one copy's classes, so copies of
 * different versions do not run each other's code.
 */
const NAMES = Symbol.for('cdk8s-netpol.policy-names');

/**
 * Every policy name of one app, by namespace, so that duplicates are found in constant time per policy.
 * A policy without a namespace is counted as `default`, where it most often lands. The names live on the app's
 * root construct (nothing is kept at module level), so the registry is a view of them.
 *
 * A duplicate is reported once, by a validation on the policy that registers the name again, naming the
 * policies that had it before. cdk8s validates every construct of the app once per chart during synth, so a
 * correct app, where no policy carries this validation, pays nothing for the check.
 */
export class PolicyNameRegistry {
  /** The registry of the app (construct tree root) that `scope` belongs to. */
  public static of(scope: Construct): PolicyNameRegistry {
    const root = scope.node.root as IConstruct & { [NAMES]?: NamesByNamespace };
    let names = root[NAMES];
    if (names === undefined) {
      names = new Map();
      Object.defineProperty(root, NAMES, { value: names, enumerable: false, writable: false, configurable: false });
    }
    return new PolicyNameRegistry(names);
  }

  /**
   * By namespace, the policy of each name, or the policies when there are several. Maps of maps rather than one
   * map of joined keys: no key string is built per policy.
   */
  private constructor(private readonly byNamespace: NamesByNamespace) {}

  /**
   * Records the policy's name; when another policy already has it in the same namespace, this one gets a
   * validation that fails synth with `problemsOf`.
   */
  public register(policy: NamedPolicy): void {
    const names = this.namesIn(policy.namespace ?? 'default');
    const known = names.get(policy.name);
    if (known === undefined) {
      names.set(policy.name, policy);
      return;
    }
    const list = Array.isArray(known) ? known : [known];
    list.push(policy);
    names.set(policy.name, list);
    // one problem, one error: the policy that came later reports it, naming the ones before it
    policy.node.addValidation({ validate: () => this.problemsOf(policy) });
  }

  /** A message when a policy made before this one has the same name in the same namespace. */
  public problemsOf(policy: NamedPolicy): string[] {
    const known = this.namesIn(policy.namespace ?? 'default').get(policy.name);
    const list = Array.isArray(known) ? known : [];
    const others = list.slice(0, list.indexOf(policy));
    if (others.length === 0) {
      return NO_PROBLEMS;
    }
    const ns = policy.namespace ?? 'default';
    return [`policy name ${JSON.stringify(policy.name)} is used more than once in namespace ${JSON.stringify(ns)}, `
      + `so one would silently replace the other (got ${JSON.stringify(others.map((o) => o.node.path))}). `
      + 'Give each policy a distinct name with the name prop, or a distinct construct id.'];
  }

  /** The names registered in a namespace. */
  private namesIn(namespace: string): Map<string, NamedPolicy | NamedPolicy[]> {
    let names = this.byNamespace.get(namespace);
    if (names === undefined) {
      names = new Map();
      this.byNamespace.set(namespace, names);
    }
    return names;
  }
}
