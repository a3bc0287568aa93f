import { ApiObject, Chart } from 'cdk8s';
import { Construct } from 'constructs';
import { IPeer, Peer } from '../peer';
import { Protocol } from '../protocol';
import { Connections, IConnectable } from './connections';
import { ConnectionEndpoint, peerSeenFrom } from './endpoint';
import { asPlusWorkload, plusContainerPorts, plusPodSelector, PlusWorkloadShape } from './plus-workload';
import { WorkloadPort } from './workload-port';
import { WorkloadAllPodsOfProps, WorkloadFromCidrProps, WorkloadFromLabelsProps, WorkloadFromPlusOptions } from './workload-props';
import { checkString } from '../private/arguments';
import { WORKLOAD } from '../private/brands';
import { ErrorCode, invalid } from '../private/errors';
import { checkNamespaceName, dns1123LabelProblem, portNameProblem } from '../private/k8s-names';
import { kebab } from '../private/policy-names';
import { IPodSelector, LabelSelector, PodSelection } from '../selectors/label-selector';
import { checkConstructArgs, checkOptionalStruct, checkScope } from '../struct-checks';

/** The id of the handle made under a cdk8s-plus workload. */
const PLUS_HANDLE_ID = 'NetworkConnections';

/**
 * One side of a connection: the pods of a workload (namespace, pod selector, declared ports), every pod of a
 * namespace, or an address range outside the cluster.
 *
 * A workload is also a peer (`IPeer`) in any rule and, when it is pods, the target (`IPodSelector`) of any
 * policy or intent, which then lives in the workload's namespace and takes its name from the workload's:
 * `new AllowExternalIngress(chart, 'Public', { selector: web, ports: [Port.HTTPS] })` is
 * `web-allow-external-ingress`.
 *
 * Its `connections` make two-sided grants: `web.connections.allowTo(api, Port.tcp(8080))` writes the egress
 * rule on `web` and the ingress rule on `api`.
 *
 * @example
 * const api = Workload.fromLabels(chart, 'Api', {
 *   namespace: 'shop',
 *   labels: { app: 'api' },
 *   ports: [{ port: 8080, name: 'http' }],
 * });
 * const payments = Workload.fromCidr(chart, 'Payments', { cidr: '203.0.113.0/24', ports: [{ port: 443 }] });
 * api.connections.allowTo(payments);
 *
 * const postgres = new kplus.Deployment(chart, 'Db', { containers: [{ image: 'postgres', ports: [{ number: 5432 }] }] });
 * api.connections.allowTo(Workload.fromPlusWorkload(postgres));
 */
export class Workload extends Construct implements IConnectable, IPeer, IPodSelector {
  /**
   * Pods selected by labels in one namespace.
   *
   * @param scope parent construct; the workload's policies are written under it
   * @param id construct id; feeds the default name
   * @param props labels, namespace, name and ports
   *
   * @example Workload.fromLabels(chart, 'Api', { namespace: 'shop', labels: { app: 'api' }, ports: [{ port: 8080, name: 'http' }] })
   */
  public static fromLabels(scope: Construct, id: string, props: WorkloadFromLabelsProps): Workload {
    checkConstructArgs('Workload.fromLabels()', scope, id, props, 'WorkloadFromLabelsProps');
    const where = childPath(scope, id);
    const labels = props?.labels ?? {};
    const expressions = props?.expressions ?? [];
    if (Object.keys(labels).length === 0 && expressions.length === 0) {
      throw invalid(ErrorCode.EMPTY_SELECTOR, where, 'workload has no labels and no expressions, so it would select every pod of its namespace',
        props?.labels ?? {}, 'Give the labels its pods carry, e.g. labels: { app: "api" }');
    }
    const namespace = props.namespace ?? Chart.of(scope).namespace;
    if (namespace === undefined) {
      throw invalid(ErrorCode.MISSING_NAMESPACE, where, 'workload has no namespace, so its peers could not tell where its pods run', namespace,
        'Pass namespace, or give the chart a namespace');
    }
    checkNamespaceName(where, namespace);
    const ports = checkPorts(where, props.ports ?? []);
    const selector = LabelSelector.of({ labels, expressions });
    return new Workload(scope, id, { name: props.name, namespace, selector, ports: () => [...ports], livePorts: false });
  }

  /**
   * An address range outside the cluster. It gets no policy: grants with it write only the pod side's rule.
   *
   * @param scope parent construct
   * @param id construct id; feeds the default name
   * @param props the range, name and ports
   *
   * @example Workload.fromCidr(chart, 'Payments', { cidr: '203.0.113.0/24', ports: [{ port: 443 }] })
   */
  public static fromCidr(scope: Construct, id: string, props: WorkloadFromCidrProps): Workload {
    checkConstructArgs('Workload.fromCidr()', scope, id, props, 'WorkloadFromCidrProps');
    const ports = checkPorts(childPath(scope, id), props?.ports ?? []);
    const ipBlock = Peer.ipBlock(props?.cidr, props?.except);
    return new Workload(scope, id, { name: props.name, ipBlock, ports: () => [...ports], livePorts: false });
  }

  /**
   * Every pod of a namespace, e.g. a monitoring namespace whose Prometheus scrapes the workloads it may reach.
   * It gets no policy: grants with it write only the other side's rule (a namespace is not one workload, and
   * isolating all its pods is left to policies of its own).
   *
   * @param scope parent construct
   * @param id construct id; feeds the default name
   * @param props the namespace and name
   *
   * @example
   * const shop = Workload.fromLabels(chart, 'Shop', { namespace: 'shop', labels: { app: 'shop' }, ports: [{ port: 9090, name: 'metrics' }] });
   * const monitoring = Workload.allPodsOf(chart, 'Monitoring', { namespace: 'monitoring' });
   * shop.connections.allowFrom(monitoring, Port.named('metrics'));
   */
  public static allPodsOf(scope: Construct, id: string, props: WorkloadAllPodsOfProps): Workload {
    const where = checkConstructArgs('Workload.allPodsOf()', scope, id, props, 'WorkloadAllPodsOfProps');
    checkNamespaceName(where, props.namespace);
    return new Workload(scope, id, {
      name: props.name ?? props.namespace,
      namespace: props.namespace,
      selector: LabelSelector.all(),
      ports: () => [],
      livePorts: false,
      allPods: true,
    });
  }

  /**
   * The workload of a cdk8s-plus Deployment, StatefulSet, DaemonSet, Job or Pod, of any maintained cdk8s-plus
   * line (28, 32, 33, 34: it is read by its shape, not by its class).
   *
   * Its pods are selected by the workload's own selector (or, for Pod and Job, the `cdk8s.io/metadata.addr`
   * label cdk8s-plus gives their pods), in the workload's namespace. Its ports are every container port with
   * its real name and protocol (UDP stays UDP), read at synthesis, so containers added later count.
   * Calling this twice for the same workload returns the same handle.
   *
   * @param workload the cdk8s-plus workload (it must have a namespace)
   * @param options the name
   *
   * @example
   * const web = new kplus.Deployment(chart, 'Web', { containers: [{ image: 'nginx', ports: [{ number: 8080 }] }] });
   * // named web-allow-external-ingress, after the workload
   * new AllowExternalIngress(chart, 'Public', {
   *   selector: Workload.fromPlusWorkload(web),
   *   ports: [Port.tcp(8080)],
   * });
   */
  public static fromPlusWorkload(workload: Construct, options?: WorkloadFromPlusOptions): Workload {
    const where = 'Workload.fromPlusWorkload()';
    checkScope(where, workload);
    checkOptionalStruct(where, 'options', options, 'WorkloadFromPlusOptions');
    const plus: PlusWorkloadShape | undefined = asPlusWorkload(workload);
    if (plus === undefined) {
      throw invalid(ErrorCode.WRONG_TYPE, where, 'workload must be a cdk8s-plus Deployment, StatefulSet, DaemonSet, Job or Pod',
        workload === undefined ? undefined : String(workload), 'Pass the cdk8s-plus construct itself');
    }
    const existing = workload.node.tryFindChild(PLUS_HANDLE_ID);
    if (WORKLOAD.has(existing)) {
      const handle = existing as Workload;
      if (options?.name !== undefined && options.name !== handle.name) {
        throw invalid(ErrorCode.DUPLICATE, handle.node.path, `workload already has a handle named ${JSON.stringify(handle.name)}`, options.name,
          'Use the same name every time, or leave it out after the first call');
      }
      return handle;
    }
    const path = childPath(workload, PLUS_HANDLE_ID);
    const namespace = plus.metadata.namespace;
    if (namespace === undefined) {
      throw invalid(ErrorCode.MISSING_NAMESPACE, path, 'the cdk8s-plus workload has no namespace, so its peers could not tell where its pods run',
        namespace, 'Set metadata.namespace on the workload, or give its chart a namespace');
    }
    const selector = plusPodSelector(plus);
    if (selector === undefined) {
      throw invalid(ErrorCode.EMPTY_SELECTOR, path, 'the cdk8s-plus workload selects no pods by label', workload.node.path,
        'Give the workload a selector with select(), or pod labels');
    }
    const name = options?.name ?? plusWorkloadName(workload, plus);
    return new Workload(workload, PLUS_HANDLE_ID, { name, namespace, selector, ports: () => plusContainerPorts(plus), livePorts: true });
  }

  /** Name of the workload, used in policy names and rule descriptions. */
  public readonly name: string;

  /**
   * Namespace of the pods.
   *
   * @default - none: an address range outside the cluster
   */
  public readonly namespace?: string;

  /**
   * The pods.
   *
   * @default - none: an address range outside the cluster
   */
  public readonly selector?: LabelSelector;

  /** The two-sided grants of this workload. */
  public readonly connections: Connections;

  private readonly declaredPorts: () => WorkloadPort[];
  private readonly allPods: boolean;
  private readonly endpoint: ConnectionEndpoint;

  private constructor(scope: Construct, id: string, fields: EndpointFields) {
    const name = checkName(childPath(scope, id), fields.name ?? kebab(id));
    super(scope, id);
    this.name = name;
    this.namespace = fields.namespace;
    this.selector = fields.selector;
    this.declaredPorts = fields.ports;
    this.allPods = fields.allPods === true;
    this.endpoint = { ...fields, owner: this, name: this.name };
    this.connections = Connections._create(this.endpoint);
  }

  /** The ports the workload declares (for cdk8s-plus workloads, its container ports as of now). */
  public get ports(): WorkloadPort[] {
    return this.declaredPorts().map((port) => ({ ...port }));
  }

  /** Whether this is an address range outside the cluster rather than pods. */
  public isExternal(): boolean {
    return this.selector === undefined;
  }

  /**
   * The peer this workload is in a rule of a policy in `namespace`: its pods by label in the same namespace,
   * its namespace AND its pods from another one, every pod of its namespace, or its address range.
   *
   * @param namespace the namespace of the policy
   */
  public toPeer(namespace?: string): Peer {
    if (namespace !== undefined) {
      checkString('Workload.toPeer()', 'namespace', namespace);
      checkNamespaceName('Workload.toPeer()', namespace);
    }
    return peerSeenFrom(this.endpoint, namespace);
  }

  /**
   * The pods of this workload, its namespace and its name, for a policy that applies to them. Refused for a
   * workload that is not pods of one workload (an address range, or every pod of a namespace).
   */
  public toPodSelection(): PodSelection {
    if (this.selector === undefined || this.allPods) {
      throw invalid(ErrorCode.NOT_PODS, this.node.path, `workload ${JSON.stringify(this.name)} is ${this.allPods ? 'every pod of a namespace' : 'an address range'}, `
        + 'not pods a policy can apply to', this.name, 'Select the pods with a workload made by Workload.fromLabels() or Workload.fromPlusWorkload(), or with a LabelSelector');
    }
    return { selector: this.selector, namespace: this.namespace, name: this.name };
  }
}

WORKLOAD.mark(Workload);

/**
 * The default name of a cdk8s-plus workload's handle: its `metadata.name` when the user gave one, else its
 * construct id in kebab-case (cdk8s's generated names end in a hash, which reads as noise in policy names).
 */
function plusWorkloadName(workload: Construct, plus: PlusWorkloadShape): string {
  const generated = Chart.of(workload).generateObjectName(ApiObject.of(workload));
  return plus.name !== generated ? plus.name : kebab(workload.node.id);
}

/** What a factory tells the constructor. */
interface EndpointFields {
  readonly name?: string;
  readonly namespace?: string;
  readonly selector?: LabelSelector;
  readonly ipBlock?: Peer;
  readonly ports: () => WorkloadPort[];
  readonly livePorts: boolean;
  readonly allPods?: boolean;
}

/** The path a construct with this id will have under `scope`. */
function childPath(scope: Construct, id: string): string {
  return scope.node.path === '' ? id : `${scope.node.path}/${id}`;
}

function checkName(where: string, name: string): string {
  const problem = dns1123LabelProblem(name);
  if (problem !== undefined) {
    throw invalid(ErrorCode.INVALID_NAME, where, `workload name ${problem.problem}`, name, problem.fix);
  }
  return name;
}

function checkPorts(where: string, ports: WorkloadPort[]): WorkloadPort[] {
  const names = new Set<string>();
  return ports.map((declared) => {
    const port = declared?.port;
    if (typeof port !== 'number' || !Number.isInteger(port) || port < 1 || port > 65535) {
      throw invalid(ErrorCode.PORT_OUT_OF_RANGE, where, 'declared port must be a whole number from 1 to 65535', port, 'Declare ports such as { port: 8080 }');
    }
    const protocol = declared.protocol ?? Protocol.TCP;
    if (!Object.values(Protocol).includes(protocol)) {
      throw invalid(ErrorCode.INVALID_PROTOCOL, where, 'declared port protocol must be TCP, UDP or SCTP', protocol, 'Use Protocol.TCP, Protocol.UDP or Protocol.SCTP');
    }
    if (declared.name !== undefined) {
      const problem = portNameProblem(declared.name);
      if (problem !== undefined) {
        throw invalid(ErrorCode.INVALID_PORT_NAME, where, `declared port ${problem.problem}`, declared.name, problem.fix);
      }
      if (names.has(declared.name)) {
        throw invalid(ErrorCode.DUPLICATE, where, 'declared port names must be unique within a pod', declared.name, 'Give each port its own name');
      }
      names.add(declared.name);
    }
    return { port, name: declared.name, protocol };
  });
}
