import { WorkloadPort } from './workload-port';
import { LabelRequirement } from '../selectors/label-selector';

/** Properties of `Workload.fromLabels()`. */
export interface WorkloadFromLabelsProps {
  /**
   * Labels the workload's pods carry (`matchLabels` of its pod selector).
   *
   * @default - no label equality requirements; then `expressions` must be given
   */
  readonly labels?: Record<string, string>;

  /**
   * Further requirements on the pods' labels.
   *
   * @default - no expressions; then `labels` must be given
   */
  readonly expressions?: LabelRequirement[];

  /**
   * The namespace of the pods, and of the policies written for them.
   *
   * @default - the chart's namespace; an error if the chart has none
   */
  readonly namespace?: string;

  /**
   * Name of the workload; policies are named `<name>-ingress` and `<name>-egress`.
   *
   * @default - the construct id in kebab-case (`Api` -> `api`)
   */
  readonly name?: string;

  /**
   * The ports the pods listen on. Grants without a port default to them; named grants must name one.
   *
   * @default - no declared ports: every grant to this workload must give a numeric port
   */
  readonly ports?: WorkloadPort[];
}

/** Properties of `Workload.fromCidr()`. */
export interface WorkloadFromCidrProps {
  /** The address range, e.g. `203.0.113.0/24`. */
  readonly cidr: string;

  /**
   * Ranges strictly inside `cidr` to leave out.
   *
   * @default - none
   */
  readonly except?: string[];

  /**
   * Name of the peer, used in rule descriptions.
   *
   * @default - the construct id in kebab-case
   */
  readonly name?: string;

  /**
   * The ports the range serves. Grants to it without a port default to them.
   *
   * @default - no declared ports: every grant to this range must give a port
   */
  readonly ports?: WorkloadPort[];
}

/** Options of `Workload.fromPlusWorkload()`. */
export interface WorkloadFromPlusOptions {
  /**
   * Name of the workload; policies are named `<name>-ingress` and `<name>-egress`.
   *
   * @default - the workload's `metadata.name`
   */
  readonly name?: string;
}

/** Properties of `Workload.allPodsOf()`. */
export interface WorkloadAllPodsOfProps {
  /** The namespace whose pods, all of them, the workload stands for. */
  readonly namespace: string;

  /**
   * Name of the workload, used in rule descriptions.
   *
   * @default - the namespace
   */
  readonly name?: string;
}
