import { Construct } from 'constructs';
import { TrafficDirection } from '../direction';
import { NetworkPolicy } from '../network-policy';
import { Port } from '../port';
import { DirectionGrants } from './direction-grants';
import { ConnectionEndpoint, hasPolicies, isExternal, resolveGrantPorts } from './endpoint';
import { CONNECTIONS, PORT } from '../private/brands';
import { ErrorCode, invalid } from '../private/errors';
import { fitName } from '../private/policy-names';
import { checkGrantArgs } from '../struct-checks';

/**
 * Which sides of a grant are written.
 */
export enum GrantSides {
  /** The egress rule on the source and the ingress rule on the target. */
  BOTH = 'BOTH',
  /** Only the ingress rule on the target (the source is not isolated for egress, or is handled elsewhere). */
  INGRESS_ONLY = 'INGRESS_ONLY',
  /** Only the egress rule on the source (the target is not isolated for ingress, or is handled elsewhere). */
  EGRESS_ONLY = 'EGRESS_ONLY',
}

/**
 * Options of a grant.
 */
export interface GrantOptions {
  /**
   * Which sides of the connection get a rule. A side outside the cluster (an address range) never gets one.
   *
   * @default GrantSides.BOTH
   */
  readonly sides?: GrantSides;

  /**
   * Why the grant exists; added to the description of the rules it produces.
   *
   * @default - the rule description only names the grant (`grant web -> api on TCP/8080`)
   */
  readonly description?: string;
}

/**
 * Something that has connections: a `Workload`.
 */
export interface IConnectable {
  /** The connections of this workload. */
  readonly connections: Connections;
}

/**
 * The two-sided grants of one workload.
 *
 * A grant from a source to a target writes an egress rule into the source's `<name>-egress` policy and an
 * ingress rule into the target's `<name>-ingress` policy, each in its own workload's namespace. All grants of
 * a workload are aggregated at synthesis into one rule per peer, so granting twice changes nothing and the
 * order of the grants does not matter.
 *
 * @example
 * const web = Workload.fromLabels(chart, 'Web', { namespace: 'shop', labels: { app: 'web' } });
 * const api = Workload.fromLabels(chart, 'Api', { namespace: 'shop', labels: { app: 'api' }, ports: [{ port: 8080, name: 'http' }] });
 * web.connections.allowTo(api, Port.tcp(8080));
 */
export class Connections {
  /** @internal */
  public static _create(endpoint: ConnectionEndpoint): Connections {
    return new Connections(endpoint);
  }

  private static grant(where: string, source: Connections, target: Connections, port: Port | undefined, options: GrantOptions | undefined): void {
    const sides = checkOptions(where, port, options);
    const src = source.endpoint;
    const dst = target.endpoint;
    if (!hasPolicies(src) && !hasPolicies(dst)) {
      throw invalid(ErrorCode.NOTHING_TO_ENFORCE, where, 'neither side of the grant gets policies (address ranges outside the cluster, or all pods of a namespace), so no policy can hold it',
        [src.name, dst.name], 'Grant between a workload of pods and an address range, or between two workloads');
    }
    const ingress = sides !== GrantSides.EGRESS_ONLY && hasPolicies(dst);
    const egress = sides !== GrantSides.INGRESS_ONLY && hasPolicies(src);
    if (!ingress && !egress) {
      const outside = hasPolicies(dst) ? src.name : dst.name;
      throw invalid(ErrorCode.NOTHING_TO_ENFORCE, where, `${sides} leaves nothing to write, since ${JSON.stringify(outside)} gets no policy of its own`,
        sides, 'Use GrantSides.BOTH, which writes the side that is a workload of pods');
    }
    if (!dst.livePorts || isExternal(dst)) {
      const resolution = resolveGrantPorts(dst, port);
      if (resolution.ports === undefined) {
        throw invalid(resolution.code!, where, resolution.problem!, resolution.got, resolution.fix!);
      }
    }
    if ((ingress && target.isFinal(TrafficDirection.INGRESS)) || (egress && source.isFinal(TrafficDirection.EGRESS))) {
      const done = ingress && target.isFinal(TrafficDirection.INGRESS) ? dst : src;
      throw invalid(ErrorCode.ALREADY_SYNTHESIZED, where, `workload ${JSON.stringify(done.name)} was already synthesized, so a new grant would not reach its policies`,
        `${src.name} -> ${dst.name}`, 'Make every grant before synthesizing the app');
    }
    const note = options?.description;
    if (ingress) target.record(TrafficDirection.INGRESS, src, dst, port, note);
    if (egress) source.record(TrafficDirection.EGRESS, src, dst, port, note);
  }

  private readonly grants = new Map<TrafficDirection, DirectionGrants>();
  private readonly policies = new Map<TrafficDirection, NetworkPolicy>();

  /** Where each direction's policy is made; made up front so the YAML order never depends on grant order. */
  private readonly slots = new Map<TrafficDirection, Construct>();

  private constructor(private readonly endpoint: ConnectionEndpoint) {
    if (hasPolicies(endpoint)) {
      this.slots.set(TrafficDirection.INGRESS, new Construct(endpoint.owner, 'Ingress'));
      this.slots.set(TrafficDirection.EGRESS, new Construct(endpoint.owner, 'Egress'));
      endpoint.owner.node.addValidation({ validate: () => this.problems() });
    }
  }

  /**
   * Allows this workload to open connections to `other`.
   *
   * @param other the target workload
   * @param port the port on the target; a named port must be declared by the target. Leave it out to
   * grant every port the target declares (an error if it declares none).
   * @param options which sides to write, and why
   */
  public allowTo(other: IConnectable, port?: Port, options?: GrantOptions): void {
    checkGrantArgs('Connections.allowTo()', this.endpoint.owner.node.path, other, port, options);
    Connections.grant(this.endpoint.owner.node.path, this, connectionsOf(other, 'allowTo'), port, options);
  }

  /**
   * Allows `other` to open connections to this workload.
   *
   * @param other the source workload
   * @param port the port on this workload; a named port must be declared by this workload. Leave it out to
   * grant every port this workload declares (an error if it declares none).
   * @param options which sides to write, and why
   */
  public allowFrom(other: IConnectable, port?: Port, options?: GrantOptions): void {
    checkGrantArgs('Connections.allowFrom()', this.endpoint.owner.node.path, other, port, options);
    Connections.grant(this.endpoint.owner.node.path, connectionsOf(other, 'allowFrom'), this, port, options);
  }

  /**
   * The `<name>-ingress` policy holding this workload's ingress rules.
   *
   * @default - none until a grant targets this workload on its ingress side
   */
  public get ingressPolicy(): NetworkPolicy | undefined {
    return this.policies.get(TrafficDirection.INGRESS);
  }

  /**
   * The `<name>-egress` policy holding this workload's egress rules.
   *
   * @default - none until a grant starts at this workload on its egress side
   */
  public get egressPolicy(): NetworkPolicy | undefined {
    return this.policies.get(TrafficDirection.EGRESS);
  }

  /** Whether this workload's policy of the direction was synthesized already. */
  private isFinal(type: TrafficDirection): boolean {
    return this.policies.get(type)?._isFinal === true;
  }

  private record(type: TrafficDirection, src: ConnectionEndpoint, dst: ConnectionEndpoint, port: Port | undefined, note: string | undefined): void {
    let grants = this.grants.get(type);
    if (grants === undefined) {
      const made = new DirectionGrants();
      const policy = this.createPolicy(type);
      // the rules are produced from the grants when the policy is synthesized
      policy._addRuleSource(type, () => made.aggregate(this.endpoint, type).rules);
      this.grants.set(type, made);
      this.policies.set(type, policy);
      grants = made;
    }
    grants.add(src, dst, port, note);
  }

  private createPolicy(type: TrafficDirection): NetworkPolicy {
    const direction = type === TrafficDirection.INGRESS ? 'ingress' : 'egress';
    const name = this.endpoint.name;
    return new NetworkPolicy(this.slots.get(type)!, 'Policy', {
      name: policyName(name, direction, this.endpoint.owner.node.path),
      namespace: this.endpoint.namespace,
      selector: this.endpoint.selector!,
      ingress: type === TrafficDirection.INGRESS ? [] : undefined,
      egress: type === TrafficDirection.EGRESS ? [] : undefined,
      description: `${direction} of workload ${name}: the connections granted to it`,
    });
  }

  /** The grants that do not resolve (read at synth, when the ports of cdk8s-plus workloads are known). */
  private problems(): string[] {
    const problems: string[] = [];
    for (const [type, grants] of this.grants) {
      problems.push(...grants.aggregate(this.endpoint, type).problems);
    }
    return problems;
  }
}

CONNECTIONS.mark(Connections);

function connectionsOf(other: IConnectable, method: string): Connections {
  const connections = other?.connections;
  if (!CONNECTIONS.has(connections)) {
    throw invalid(ErrorCode.WRONG_TYPE, `Connections.${method}()`, 'the other side must be a Workload', other === undefined ? undefined : String(other),
      'Pass a Workload made with Workload.fromLabels(), Workload.fromCidr() or Workload.fromPlusWorkload()');
  }
  return connections as Connections;
}

function checkOptions(where: string, port: Port | undefined, options: GrantOptions | undefined): GrantSides {
  if (port !== undefined && !PORT.has(port)) {
    throw invalid(ErrorCode.WRONG_TYPE, where, 'port must be made with the Port factories', port, 'Use Port.tcp(), Port.udp(), Port.named(), ...');
  }
  const sides = options?.sides ?? GrantSides.BOTH;
  if (!Object.values(GrantSides).includes(sides)) {
    throw invalid(ErrorCode.UNKNOWN_VALUE, where, 'sides must be BOTH, INGRESS_ONLY or EGRESS_ONLY', sides, 'Use GrantSides.BOTH, GrantSides.INGRESS_ONLY or GrantSides.EGRESS_ONLY');
  }
  return sides;
}

/** `<workload>-<direction>`, cut to 63 characters with a hash of the owner's path when longer. */
function policyName(workload: string, direction: string, path: string): string {
  return fitName(workload, () => path, `-${direction}`);
}
