import { Workload } from '../connections/workload';
import { Port } from '../port';
import { IPodSelector } from '../selectors/label-selector';

/**
 * Options every intent construct takes: where its one NetworkPolicy goes and what it is called.
 */
export interface IntentProps {
  /**
   * `metadata.name` of the policy (a DNS-1123 subdomain of at most 63 characters).
   *
   * @default - a readable name derived from the intent and its inputs, e.g. `deny-all-ingress` or
   * `api-allow-from-web`; two intents with the same inputs in one namespace fail synth with a duplicate-name
   * error, so give one of them a name
   */
  readonly name?: string;

  /**
   * The namespace of the policy and of the pods it applies to.
   *
   * @default - the namespace of the selected workload, else the chart's namespace (none when the chart has none)
   */
  readonly namespace?: string;
}

/**
 * Options of the isolating intents (`DenyAllIngress`, `DenyAllEgress`, `DenyAll`).
 */
export interface IsolationIntentProps extends IntentProps {
  /**
   * The pods to isolate: a `LabelSelector`, or a `Workload` of pods (the policy then lives in its namespace
   * and is named after it).
   *
   * @default - every pod of the namespace (`podSelector: {}`)
   */
  readonly selector?: IPodSelector;
}

/**
 * Options of the allowing intents: the target pods must be named explicitly.
 */
export interface AllowIntentProps extends IntentProps {
  /**
   * The pods this policy applies to: the destination of allowed ingress, the source of allowed egress.
   * A `LabelSelector` (`LabelSelector.all()` when every pod of the namespace is meant), or a `Workload` of
   * pods: the policy then lives in the workload's namespace and its default name starts with the workload's
   * name (`web-allow-external-ingress`).
   */
  readonly selector: IPodSelector;
}

/**
 * Options of the allowing intents that can be narrowed to ports.
 */
export interface AllowPortsIntentProps extends AllowIntentProps {
  /**
   * The ports the allowed traffic may use: on the selected pods for ingress, on the destination for egress.
   *
   * @default - every port and protocol
   */
  readonly ports?: Port[];
}

/** Properties of `AllowEgressToCidr` and `AllowIngressFromCidr`: address ranges in `cidrs`, `workloads` or both. */
export interface CidrIntentProps extends AllowPortsIntentProps {
  /**
   * The address ranges, e.g. `['203.0.113.0/24']`. With `workloads`, at least one range in all.
   *
   * @default - none: the ranges are the `workloads`
   */
  readonly cidrs?: string[];

  /**
   * Address ranges as workloads (`Workload.fromCidr()`), each with its own exceptions; the default name uses
   * their names (`api-allow-egress-to-payments`). Workloads of pods are refused: use a policy rule or
   * `AllowFromLabel` for those.
   *
   * @default - none: the ranges are the `cidrs`
   */
  readonly workloads?: Workload[];

  /**
   * Ranges to leave out; each must lie strictly inside one of `cidrs` and is attached to it (a workload's range
   * keeps the exceptions it was made with).
   *
   * @default - no exceptions
   */
  readonly except?: string[];
}
