import { ApiObject } from 'cdk8s';
import { Construct } from 'constructs';
import { ProbePlan, StandInOptions } from './plan';
import { ErrorCode, invalid } from '../private/errors';

/**
 * Props of a `ProbeKit`.
 */
export interface ProbeKitProps extends StandInOptions {
  /** The plan whose stand-in pods to add. */
  readonly plan: ProbePlan;
}

/**
 * Adds a plan's stand-in pods (and the canary namespace and policy when the plan adds canaries) to a chart,
 * for pipelines that apply manifests to a staging cluster through Argo CD or Flux instead of kubectl.
 * `cdk8s-netpol probe run` then probes the pods already there (`--keep` leaves them to the pipeline).
 *
 * @example
 * const plan = ProbePlan.fromChart(appChart, { ports: [{ port: 8080 }] });
 * new ProbeKit(probeChart, 'Probes', { plan });
 */
export class ProbeKit extends Construct {
  /** The plan whose pods this kit renders. */
  public readonly plan: ProbePlan;

  constructor(scope: Construct, id: string, props: ProbeKitProps) {
    super(scope, id);
    if (!(props?.plan instanceof ProbePlan)) {
      throw invalid(ErrorCode.WRONG_TYPE, this.node.path, 'plan must be a ProbePlan', typeof props?.plan, 'Build one with ProbePlan.fromChart() or ProbePlan.fromJson()');
    }
    this.plan = props.plan;
    const objects = [...props.plan.extraManifests(), ...props.plan.standInManifests(props)];
    for (const o of objects) {
      const idOf = [o.kind, o.metadata.namespace, o.metadata.name].filter((x) => x !== undefined).join('-');
      new ApiObject(this, idOf, o);
    }
  }
}
