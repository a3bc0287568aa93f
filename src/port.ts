import { k8s } from 'cdk8s-plus-28';
import { checkString, enumOf, optional } from './private/arguments';
import { PORT } from './private/brands';
import { canonicalJson, SortableKeyed } from './private/canonical';
import { ErrorCode, invalid } from './private/errors';
import { portNameProblem } from './private/k8s-names';
import { WirePort } from './private/wire';
import { Protocol } from './protocol';

/**
 * A port (or range, or named port, or whole protocol) that a NetworkPolicy rule allows.
 *
 * Ports are immutable values, validated when they are made.
 *
 * @example
 * Port.tcp(8080);
 * Port.udpRange(30000, 32767);
 * Port.named('metrics');
 */
export class Port {
  /** HTTP (TCP 80). */
  public static readonly HTTP = Port.tcp(80);
  /** HTTPS (TCP 443). */
  public static readonly HTTPS = Port.tcp(443);
  /** DNS over UDP (53). */
  public static readonly DNS_UDP = Port.udp(53);
  /** DNS over TCP (53), used for large answers and zone transfers. */
  public static readonly DNS_TCP = Port.tcp(53);
  /** The Kubernetes API server's secure port (TCP 6443). */
  public static readonly KUBE_API = Port.tcp(6443);
  /** PostgreSQL (TCP 5432). */
  public static readonly POSTGRES = Port.tcp(5432);
  /** MySQL (TCP 3306). */
  public static readonly MYSQL = Port.tcp(3306);
  /** Redis (TCP 6379). */
  public static readonly REDIS = Port.tcp(6379);

  /**
   * A single TCP port.
   *
   * @param port port number, 1-65535
   * @example Port.tcp(8080)
   */
  public static tcp(port: number): Port {
    return Port.single('Port.tcp()', Protocol.TCP, port);
  }

  /**
   * A single UDP port.
   *
   * @param port port number, 1-65535
   * @example Port.udp(53)
   */
  public static udp(port: number): Port {
    return Port.single('Port.udp()', Protocol.UDP, port);
  }

  /**
   * A single SCTP port.
   *
   * @param port port number, 1-65535
   * @example Port.sctp(9)
   */
  public static sctp(port: number): Port {
    return Port.single('Port.sctp()', Protocol.SCTP, port);
  }

  /**
   * An inclusive range of TCP ports; renders as `port` + `endPort`.
   *
   * @param start first port, 1-65535
   * @param end last port (inclusive), at least `start`
   * @example Port.tcpRange(8000, 8999)
   */
  public static tcpRange(start: number, end: number): Port {
    return Port.range('Port.tcpRange()', Protocol.TCP, start, end);
  }

  /**
   * An inclusive range of UDP ports; renders as `port` + `endPort`.
   *
   * @param start first port, 1-65535
   * @param end last port (inclusive), at least `start`
   * @example Port.udpRange(30000, 32767)
   */
  public static udpRange(start: number, end: number): Port {
    return Port.range('Port.udpRange()', Protocol.UDP, start, end);
  }

  /**
   * An inclusive range of SCTP ports; renders as `port` + `endPort`.
   *
   * @param start first port, 1-65535
   * @param end last port (inclusive), at least `start`
   * @example Port.sctpRange(9000, 9100)
   */
  public static sctpRange(start: number, end: number): Port {
    return Port.range('Port.sctpRange()', Protocol.SCTP, start, end);
  }

  /**
   * A named container port, resolved on each destination pod.
   *
   * In an ingress rule the name is looked up on the selected pods; in an egress rule on the destination pods.
   * It never matches addresses outside the cluster.
   *
   * @param name IANA service name: 1-15 characters of a-z, 0-9 and '-', with at least one letter
   * @param protocol protocol of the named port (default TCP)
   * @example Port.named('metrics')
   */
  public static named(name: string, protocol?: Protocol): Port {
    checkString('Port.named()', 'name', name);
    const chosen = checkProtocol('Port.named()', 'protocol', protocol) ?? Protocol.TCP;
    const problem = portNameProblem(name);
    if (problem !== undefined) {
      throw invalid(ErrorCode.INVALID_PORT_NAME, 'Port.named()', problem.problem, name, problem.fix);
    }
    return new Port(chosen, undefined, undefined, name);
  }

  /**
   * Every TCP port (renders as a protocol without a port).
   *
   * @example Port.allTcp()
   */
  public static allTcp(): Port {
    return new Port(Protocol.TCP);
  }

  /**
   * Every UDP port (renders as a protocol without a port).
   *
   * @example Port.allUdp()
   */
  public static allUdp(): Port {
    return new Port(Protocol.UDP);
  }

  /**
   * Every SCTP port (renders as a protocol without a port).
   *
   * @example Port.allSctp()
   */
  public static allSctp(): Port {
    return new Port(Protocol.SCTP);
  }

  private static single(where: string, protocol: Protocol, port: number): Port {
    return new Port(protocol, Port.checkNumber(where, port, 'port'));
  }

  private static range(where: string, protocol: Protocol, start: number, end: number): Port {
    Port.checkNumber(where, start, 'range start');
    Port.checkNumber(where, end, 'range end');
    if (start > end) {
      throw invalid(ErrorCode.PORT_RANGE_REVERSED, where, 'port range start is greater than its end', [start, end], `Swap them: ${where.replace('()', '')}(${end}, ${start})`);
    }
    return new Port(protocol, start, end);
  }

  private static checkNumber(where: string, port: number, what: string): number {
    if (typeof port !== 'number' || !Number.isInteger(port) || port < 1 || port > 65535) {
      throw invalid(ErrorCode.PORT_OUT_OF_RANGE, where, `${what} must be a whole number from 1 to 65535`, port,
        'Use a port number such as 443; for every port of a protocol use Port.allTcp(), Port.allUdp() or Port.allSctp()');
    }
    return port;
  }

  private _form?: SortableKeyed<WirePort>;

  /**
   * @param protocol protocol
   * @param portNumber first (or only) port number
   * @param endPort last port of a range
   * @param portName container port name
   */
  private constructor(
    /** The protocol. */
    public readonly protocol: Protocol,
    /**
     * The port number, or the first port of a range.
     *
     * @default - a named port, or every port of the protocol
     */
    public readonly portNumber?: number,
    /**
     * The last port of an inclusive range.
     *
     * @default - not a range
     */
    public readonly endPort?: number,
    /**
     * The container port name.
     *
     * @default - not a named port
     */
    public readonly portName?: string,
  ) {}

  /** Whether this port is a whole protocol (no port number or name). */
  public isAllPorts(): boolean {
    return this.portNumber === undefined && this.portName === undefined;
  }

  /** Human-readable form, e.g. `TCP/443`, `UDP/30000-32767`, `TCP/metrics`, `TCP/*`. */
  public toString(): string {
    if (this.portName !== undefined) {
      return `${this.protocol}/${this.portName}`;
    }
    if (this.portNumber === undefined) {
      return `${this.protocol}/*`;
    }
    return this.endPort === undefined || this.endPort === this.portNumber
      ? `${this.protocol}/${this.portNumber}` : `${this.protocol}/${this.portNumber}-${this.endPort}`;
  }

  /**
   * Canonical order: protocol, then the whole protocol, numbered ports ascending, then names.
   * @internal
   */
  public _sortKey(): string {
    const number = this.portNumber === undefined ? '' : String(this.portNumber).padStart(5, '0');
    const end = this.endPort === undefined ? '' : String(this.endPort).padStart(5, '0');
    const group = this.portName !== undefined ? 2 : this.portNumber !== undefined ? 1 : 0;
    return `${this.protocol}|${group}|${number}|${end}|${this.portName ?? ''}`;
  }

  /**
   * The port as written to the manifest (plain data: the number or name itself), with the canonical JSON of its
   * Kubernetes form and `_sortKey()`; computed once, since a port never changes. The object is shared by every
   * rule that uses this port: callers must not mutate it.
   * @internal
   */
  public _canonicalForm(): SortableKeyed<WirePort> {
    if (this._form === undefined) {
      const ranged = this.endPort !== undefined && this.endPort !== this.portNumber;
      const wire: WirePort = { protocol: this.protocol, port: this.portName ?? this.portNumber, endPort: ranged ? this.endPort : undefined };
      this._form = { key: canonicalJson(this._toKube()), kube: wire, sortKey: this._sortKey() };
    }
    return this._form;
  }

  /** @internal */
  public _toKube(): k8s.NetworkPolicyPort {
    let port: k8s.IntOrString | undefined;
    if (this.portName !== undefined) {
      port = k8s.IntOrString.fromString(this.portName);
    } else if (this.portNumber !== undefined) {
      port = k8s.IntOrString.fromNumber(this.portNumber);
    }
    const ranged = this.endPort !== undefined && this.endPort !== this.portNumber;
    return { protocol: this.protocol, port, endPort: ranged ? this.endPort : undefined };
  }
}

PORT.mark(Port);

/** An optional protocol argument. */
const checkProtocol = optional(enumOf(Protocol, 'Protocol', ErrorCode.INVALID_PROTOCOL));
