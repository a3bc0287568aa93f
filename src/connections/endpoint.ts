/**
 * Internal: what a grant needs to know about one side of a connection.
 * Not exported from the package.
 */
import { Construct } from 'constructs';
import { Peer } from '../peer';
import { Port } from '../port';
import { Protocol } from '../protocol';
import { WorkloadPort } from './workload-port';
import { ErrorCode, formatProblem } from '../private/errors';
import { LabelSelector } from '../selectors/label-selector';

/** One side of a connection: pods (namespace + selector) or an address range outside the cluster. */
export interface ConnectionEndpoint {
  /** The construct that owns the endpoint's policies (and names it in errors). */
  readonly owner: Construct;
  /** Readable name; feeds policy names and rule descriptions. */
  readonly name: string;
  /** Namespace of the pods (always set for pods). */
  readonly namespace?: string;
  /** The pods; undefined for an address range. */
  readonly selector?: LabelSelector;
  /** The address range, for endpoints outside the cluster. */
  readonly ipBlock?: Peer;
  /** The declared ports, read when needed (cdk8s-plus containers can still be added). */
  readonly ports: () => WorkloadPort[];
  /** Whether `ports` may still change after the endpoint was made. */
  readonly livePorts: boolean;
  /** Whether the endpoint is every pod of its namespace, which gets no policy of its own. */
  readonly allPods?: boolean;
}

/** Ports a grant resolved to, or why it could not. */
export interface PortResolution {
  readonly ports?: Port[];
  readonly code?: ErrorCode;
  readonly problem?: string;
  readonly got?: unknown;
  readonly fix?: string;
}

/** Whether the endpoint is outside the cluster (no pods, so no policy of its own). */
export function isExternal(endpoint: ConnectionEndpoint): boolean {
  return endpoint.selector === undefined;
}

/**
 * Whether grants write policies for the endpoint: not for address ranges, and not for every pod of a
 * namespace (a namespace is not one workload; isolating all its pods is left to policies of its own).
 */
export function hasPolicies(endpoint: ConnectionEndpoint): boolean {
  return endpoint.selector !== undefined && endpoint.allPods !== true;
}

/**
 * The peer that stands for `endpoint` in a policy living in `namespace`: pods of the same namespace by
 * selector alone, pods of another namespace by namespace AND selector, or the address range.
 */
export function peerSeenFrom(endpoint: ConnectionEndpoint, namespace: string | undefined): Peer {
  if (endpoint.selector === undefined) {
    return endpoint.ipBlock!;
  }
  if (endpoint.allPods === true) {
    return Peer.namespace(endpoint.namespace!);
  }
  if (endpoint.namespace === namespace) {
    return Peer.pods(endpoint.selector);
  }
  return Peer.podsInNamespace(endpoint.namespace!, endpoint.selector);
}

/** A declared port as a policy port: by number, keeping its protocol. */
export function declaredPort(port: WorkloadPort): Port {
  switch (port.protocol ?? Protocol.TCP) {
    case Protocol.UDP: return Port.udp(port.port);
    case Protocol.SCTP: return Port.sctp(port.port);
    default: return Port.tcp(port.port);
  }
}

/**
 * The ports a grant to `target` allows: the given port, or every port the target declares.
 * A named port must be declared by the target (it resolves on the destination pods) with the same protocol.
 */
export function resolveGrantPorts(target: ConnectionEndpoint, port: Port | undefined): PortResolution {
  const declared = target.ports();
  if (port === undefined) {
    if (declared.length === 0) {
      return {
        code: ErrorCode.MISSING_VALUE,
        problem: `no port given and workload ${JSON.stringify(target.name)} declares no ports to default to`,
        got: [],
        fix: 'Pass a port, e.g. allowTo(api, Port.tcp(8080)), or declare the ports on the target workload',
      };
    }
    return { ports: declared.map(declaredPort) };
  }
  if (port.portName === undefined) {
    return { ports: [port] };
  }
  if (isExternal(target)) {
    return {
      code: ErrorCode.NAMED_PORT_TO_IP_BLOCK,
      problem: `named port ${port.toString()} can never match ${JSON.stringify(target.name)}, an address range outside the cluster`,
      got: port.portName,
      fix: 'Grant a port number, such as Port.tcp(443)',
    };
  }
  const match = declared.find((p) => p.name === port.portName);
  if (match === undefined) {
    return {
      code: ErrorCode.UNDECLARED_NAMED_PORT,
      problem: `named port ${JSON.stringify(port.portName)} is not declared by workload ${JSON.stringify(target.name)}, so it would not resolve on its pods`,
      got: declared.filter((p) => p.name !== undefined).map((p) => p.name),
      fix: 'Declare a container port with that name on the target, or grant the port by number',
    };
  }
  const protocol = match.protocol ?? Protocol.TCP;
  if (protocol !== port.protocol) {
    return {
      code: ErrorCode.PORT_PROTOCOL_MISMATCH,
      problem: `named port ${JSON.stringify(port.portName)} of workload ${JSON.stringify(target.name)} is ${protocol}, but the grant asks for ${port.protocol}`,
      got: port.toString(),
      fix: `Use Port.named(${JSON.stringify(port.portName)}, Protocol.${protocol})`,
    };
  }
  return { ports: [port] };
}

/** A resolution's problem in the library's one error format, without the `[where]` prefix. */
export function describeProblem(resolution: PortResolution): string {
  return formatProblem('', resolution.problem!, resolution.got, resolution.fix!);
}
