import { ApiObject } from 'cdk8s';
import { Construct } from 'constructs';
import { ProbePlan, StandInOptions } from './plan';
import { probeStruct } from './probe-struct-checks';
import { checkConstructArgsWith } from '../private/construct-arguments';

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
    checkConstructArgsWith('new ProbeKit()', scope, id, props, probeStruct('ProbeKitProps'));
    super(scope, id);
    this.plan = props.plan;
    const standIns = { agnhostImage: props.agnhostImage, registry: props.registry, lifetimeSeconds: props.lifetimeSeconds };
    const objects = [...props.plan.extraManifests(), ...props.plan.standInManifests(standIns)];
    for (const o of objects) {
      const idOf = [o.kind, o.metadata.namespace, o.metadata.name].filter((x) => x !== undefined).join('-');
      new ApiObject(this, idOf, o);
    }
  }
}
