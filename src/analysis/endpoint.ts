import { checkStruct } from './internal/struct-checks';
import { checkString } from '../private/arguments';
import { ENDPOINT } from '../private/brands';
import { formatIp, parseIp } from '../private/cidr';
import { ErrorCode, invalid } from '../private/errors';
import { dns1123LabelProblem, labelKeyProblem, labelValueProblem, portNameProblem } from '../private/k8s-names';
import { Protocol } from '../protocol';

/**
 * A container port of a pod, as written in `spec.containers[].ports[]`.
 */
export interface ContainerPort {
  /**
   * The port's name, which named ports in policy rules resolve against.
   *
   * @default - the port has no name, so no named port in a rule matches it
   */
  readonly name?: string;

  /** The port number, 1-65535. */
  readonly port: number;

  /**
   * The port's protocol.
   *
   * @default Protocol.TCP
   */
  readonly protocol?: Protocol;
}

/**
 * A pod to ask the analyzer about.
 */
export interface PodEndpointProps {
  /** The pod's namespace. */
  readonly namespace: string;

  /**
   * The pod's labels.
   *
   * @default - no labels
   */
  readonly labels?: Record<string, string>;

  /**
   * The pod's name, used in its key (`namespace/name`).
   *
   * @default - a readable name made from the labels, such as `app=web,tier=api`
   */
  readonly name?: string;

  /**
   * The labels of the pod's namespace. `kubernetes.io/metadata.name` is always added.
   *
   * @default - the labels of the Namespace in the analyzed manifests, or only `kubernetes.io/metadata.name`
   */
  readonly namespaceLabels?: Record<string, string>;

  /**
   * The pod's container ports; named ports in rules resolve against them.
   *
   * @default - no container ports
   */
  readonly ports?: ContainerPort[];

  /**
   * The pod's IP address, matched by `ipBlock` peers.
   *
   * @default - no address, so no ipBlock peer matches the pod
   */
  readonly ip?: string;
}

/**
 * One end of a connection: a pod (namespace, labels, ports) or an address outside the cluster.
 *
 * @example
 * Endpoint.pod({ namespace: 'shop', labels: { app: 'web' } });
 * Endpoint.ip('203.0.113.7');
 */
export class Endpoint {
  /**
   * A pod. Its key is `namespace/name`.
   *
   * @example
   * const api = Endpoint.pod({
   *   namespace: 'shop',
   *   name: 'api-0',
   *   labels: { app: 'api' },
   *   ports: [{ name: 'http', port: 8080 }],
   * });
   */
  public static pod(props: PodEndpointProps): Endpoint {
    const where = 'Endpoint.pod()';
    checkStruct(where, 'props', props, 'PodEndpointProps');
    checkNamespace(where, props.namespace);
    const labels = checkLabels(where, 'labels', props.labels ?? {});
    const namespaceLabels = props.namespaceLabels === undefined ? undefined
      : checkLabels(where, 'namespaceLabels', props.namespaceLabels);
    const ports = (props.ports ?? []).map((p, i) => checkContainerPort(where, i, p));
    const address = props.ip === undefined ? undefined : canonicalAddress(where, props.ip);
    const name = props.name ?? nameFromLabels(labels);
    return new Endpoint(`${props.namespace}/${name}`, true, {
      namespace: props.namespace, name, labels, namespaceLabels, ports, address,
    });
  }

  /**
   * An IP address that belongs to no pod (a client or server outside the cluster). Its key is `ip:<address>`,
   * with the address in canonical form (IPv6 lowercase and compressed, IPv4-mapped IPv6 as IPv4).
   *
   * @example Endpoint.ip('203.0.113.7')
   */
  public static ip(address: string): Endpoint {
    checkString('Endpoint.ip()', 'address', address);
    const canonical = canonicalAddress('Endpoint.ip()', address);
    return new Endpoint(`ip:${canonical}`, false, { labels: {}, ports: [], address: canonical });
  }

  /** Stable key: `namespace/name` for pods, `ip:<address>` for addresses. */
  public readonly key: string;
  /** Whether this is a pod (policies can select it) rather than an address. */
  public readonly isPod: boolean;
  /**
   * The pod's namespace.
   *
   * @default - not a pod
   */
  public readonly namespace?: string;
  /**
   * The pod's name.
   *
   * @default - not a pod
   */
  public readonly name?: string;
  /**
   * The address in canonical form.
   *
   * @default - a pod without a known address
   */
  public readonly address?: string;

  private readonly labelMap: Record<string, string>;
  private readonly namespaceLabelMap?: Record<string, string>;
  private readonly portList: ContainerPort[];

  private constructor(key: string, isPod: boolean, fields: EndpointFields) {
    this.key = key;
    this.isPod = isPod;
    this.namespace = fields.namespace;
    this.name = fields.name;
    this.address = fields.address;
    this.labelMap = { ...fields.labels };
    this.namespaceLabelMap = fields.namespaceLabels === undefined ? undefined : { ...fields.namespaceLabels };
    this.portList = fields.ports.map((p) => ({ ...p }));
  }

  /** The pod's labels (a copy; empty for addresses). */
  public get labels(): Record<string, string> {
    return { ...this.labelMap };
  }

  /**
   * The namespace labels given for this pod (a copy).
   *
   * @default - taken from the analyzed manifests
   */
  public get namespaceLabels(): Record<string, string> | undefined {
    return this.namespaceLabelMap === undefined ? undefined : { ...this.namespaceLabelMap };
  }

  /** The pod's container ports (a copy; empty for addresses), each with its protocol filled in. */
  public get ports(): ContainerPort[] {
    return this.portList.map((p) => ({ ...p }));
  }
}

ENDPOINT.mark(Endpoint);

interface EndpointFields {
  readonly namespace?: string;
  readonly name?: string;
  readonly labels: Record<string, string>;
  readonly namespaceLabels?: Record<string, string>;
  readonly ports: ContainerPort[];
  readonly address?: string;
}

function checkNamespace(where: string, namespace: string): void {
  const problem = dns1123LabelProblem(namespace);
  if (problem !== undefined) {
    throw invalid(ErrorCode.INVALID_NAME, where, `namespace ${problem.problem}`, namespace, problem.fix);
  }
}

function checkLabels(where: string, field: string, labels: Record<string, string>): Record<string, string> {
  for (const [key, value] of Object.entries(labels)) {
    const keyProblem = labelKeyProblem(key);
    const problem = keyProblem ?? labelValueProblem(value);
    if (problem !== undefined) {
      throw invalid(keyProblem !== undefined ? ErrorCode.INVALID_LABEL_KEY : ErrorCode.INVALID_LABEL_VALUE, where, `${field} entry ${JSON.stringify(key)}: ${problem.problem}`, { [key]: value }, problem.fix);
    }
  }
  return { ...labels };
}

function checkContainerPort(where: string, index: number, port: ContainerPort): ContainerPort {
  if (!Number.isInteger(port.port) || port.port < 1 || port.port > 65535) {
    throw invalid(ErrorCode.PORT_OUT_OF_RANGE, where, `ports[${index}].port must be a whole number from 1 to 65535`, port.port, 'Use a valid port number');
  }
  if (port.name !== undefined) {
    const problem = portNameProblem(port.name);
    if (problem !== undefined) {
      throw invalid(ErrorCode.INVALID_PORT_NAME, where, `ports[${index}].name: ${problem.problem}`, port.name, problem.fix);
    }
  }
  const protocol = port.protocol ?? Protocol.TCP;
  if (!Object.values(Protocol).includes(protocol)) {
    throw invalid(ErrorCode.INVALID_PROTOCOL, where, `ports[${index}].protocol must be TCP, UDP or SCTP`, port.protocol, 'Use the Protocol enum');
  }
  return port.name === undefined ? { port: port.port, protocol } : { name: port.name, port: port.port, protocol };
}

function canonicalAddress(where: string, text: string): string {
  const parsed = parseIp(text);
  if (parsed.value === undefined) {
    throw invalid(ErrorCode.INVALID_IP_ADDRESS, where, parsed.problem!, text, parsed.fix!);
  }
  return formatIp(parsed.value.value, parsed.value.family);
}

/** A readable, deterministic name for a pod given only by its labels. */
function nameFromLabels(labels: Record<string, string>): string {
  const keys = Object.keys(labels).sort();
  return keys.length === 0 ? 'pod' : keys.map((k) => `${k}=${labels[k]}`).join(',');
}
