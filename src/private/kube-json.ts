import { App, ImplicitTokenResolver, LazyResolver, NumberStringUnionResolver } from 'cdk8s';
import { k8s } from 'cdk8s-plus-28';
import { IConstruct } from 'constructs';

/**
 * Direct rendering of the manifests of our own API objects.
 *
 * cdk8s renders an `ApiObject` generically: it resolves every value of the props against the app's resolvers,
 * copies the result with its keys sorted, applies the JSON patches, and the generated `k8s` class then converts
 * each field once more. For a NetworkPolicy spec that we built ourselves from plain objects, strings, numbers
 * and `IntOrString`, with the three built-in resolvers and no patch, all of that amounts to a key-sorted copy
 * in which each `IntOrString` becomes its value. `sortedPlain` makes that copy in one pass.
 */

/**
 * Whether cdk8s would render `apiObject` by resolving with its three built-in resolvers only and sorting keys:
 * no JSON patch was added, `CDK8S_DISABLE_SORT` is unset, and the app has no custom resolver (a custom
 * resolver may rewrite any value, so it must see them all).
 */
export function rendersDirectly(apiObject: IConstruct, patched: boolean): boolean {
  if (patched || process.env.CDK8S_DISABLE_SORT) {
    return false;
  }
  const resolvers = (App.of(apiObject) as App).resolvers;
  return resolvers !== undefined && resolvers.length === 3
    && resolvers[0] instanceof LazyResolver
    && resolvers[1] instanceof ImplicitTokenResolver
    && resolvers[2] instanceof NumberStringUnionResolver;
}

/**
 * A copy of `value` as cdk8s writes it: object keys in sorted order, `undefined` and `null` members left out,
 * and each `IntOrString` replaced by its number or string. Anything else that is not plain data is refused,
 * as cdk8s refuses it.
 */
export function sortedPlain(value: unknown): unknown {
  if (value === null || typeof value !== 'object') {
    return value;
  }
  if (Array.isArray(value)) {
    return value.map(sortedPlain);
  }
  if (value instanceof k8s.IntOrString) {
    return value.value;
  }
  if (Object.getPrototypeOf(value) !== Object.prototype) {
    throw new Error(`can't render non-simple object of type '${(value as object).constructor?.name}'`);
  }
  const plain = value as Record<string, unknown>;
  const keys = Object.keys(plain);
  if (keys.length > 1) {
    keys.sort();
  }
  const copy: Record<string, unknown> = {};
  for (const key of keys) {
    const item = plain[key];
    if (item !== undefined && item !== null) {
      copy[key] = sortedPlain(item);
    }
  }
  return copy;
}

/** The ObjectMeta fields that `k8s.toJson_ObjectMeta` copies unchanged: maps of strings, and strings. */
const PLAIN_META_FIELDS = new Set(['annotations', 'labels', 'name', 'namespace']);

/**
 * The metadata as the generated class converts it, from cdk8s's rendering of it (`metadata.toJson()`, which is
 * resolved, without empty members, and sorted by key). When it has only a name, a namespace, labels and
 * annotations, the conversion would copy it key for key in the same (alphabetical) order, so it is returned as it
 * is; anything else (owner references, finalizers, fields ObjectMeta does not have) is converted.
 */
export function objectMetaJson(meta: Record<string, unknown> | undefined): unknown {
  if (meta === undefined) {
    return undefined;
  }
  for (const field in meta) {
    if (!PLAIN_META_FIELDS.has(field)) {
      return k8s.toJson_ObjectMeta(meta as k8s.ObjectMeta);
    }
  }
  return meta;
}

/** What a `SpecToken` renders. */
export interface SpecSource {
  /** The spec, from what is known now. */
  _renderSpec(): k8s.NetworkPolicySpec;
}

/**
 * The spec of a policy as cdk8s's generic rendering reads it: an implicit token (an object with `resolve()`)
 * that renders the spec at synth, from the rules known by then. The policy is set once it exists, after its
 * `super()` call. One small object per policy, where a `Lazy` would add a closure as well.
 */
export class SpecToken {
  /** The policy whose spec this is. */
  public source?: SpecSource;

  /** Called by cdk8s's `ImplicitTokenResolver`. */
  public resolve(): k8s.NetworkPolicySpec {
    return this.source!._renderSpec();
  }
}
