/**
 * Parses `--port`, `--from`, `--to` and `--endpoint` values (internal).
 */
import { CliError, ErrorCode } from './errors';
import { Endpoint, ProbePort } from '../analysis';
import { parseIp } from '../private/cidr';
import { dns1123SubdomainProblem, portNameProblem } from '../private/k8s-names';
import type { Protocol } from '../protocol';

const PROTOCOLS = ['TCP', 'UDP', 'SCTP'];

/** `8080`, `8080/udp`, `http`, `dns/UDP`: a port number or container port name, protocol TCP by default. */
export function parsePort(text: string): ProbePort {
  const [value, proto, extra] = text.split('/');
  const protocol = (proto ?? 'TCP').toUpperCase();
  if (extra !== undefined || !PROTOCOLS.includes(protocol) || value === '') {
    throw CliError.problem(ErrorCode.MALFORMED_ARGUMENT, '--port', 'must be <number|name>[/<tcp|udp|sctp>]', text, 'Write e.g. 8080, 53/udp or http');
  }
  if (/^[0-9]+$/.test(value)) {
    const port = Number(value);
    if (port < 1 || port > 65535) {
      throw CliError.problem(ErrorCode.PORT_OUT_OF_RANGE, '--port', 'port number must be from 1 to 65535', text, 'Use a valid port number');
    }
    return { port, protocol: protocol as Protocol };
  }
  const problem = portNameProblem(value);
  if (problem !== undefined) {
    throw CliError.problem(ErrorCode.INVALID_PORT_NAME, '--port', `port name: ${problem.problem}`, text, problem.fix);
  }
  return { portName: value, protocol: protocol as Protocol };
}

export { splitList } from './option-values';

/** The label of a probed port, as the analyzer writes it: `TCP 8080`, `TCP "http"`. */
export function portLabel(port: ProbePort): string {
  const protocol = port.protocol ?? 'TCP';
  return port.port !== undefined ? `${protocol} ${port.port}` : `${protocol} ${JSON.stringify(port.portName)}`;
}

/**
 * An endpoint given on the command line:
 * - an IP address (`203.0.113.7`, `ip:2001:db8::1`);
 * - `namespace/name` of a workload in the manifests;
 * - `namespace/name=k=v,k=v` or `namespace/k=v,k=v`: a pod that is not in the manifests.
 */
export function parseEndpoint(option: string, text: string, known: Endpoint[]): Endpoint {
  const address = text.startsWith('ip:') ? text.slice(3) : text;
  if (parseIp(address).value !== undefined) {
    return Endpoint.ip(address);
  }
  const slash = text.indexOf('/');
  if (slash <= 0) {
    throw CliError.problem(ErrorCode.MALFORMED_ARGUMENT, option, 'must be an IP address, namespace/workload or namespace/name=labels', text,
      'Write e.g. 203.0.113.7, shop/api or shop/probe=app=web');
  }
  const namespace = text.slice(0, slash);
  const rest = text.slice(slash + 1);
  if (!rest.includes('=')) {
    const found = known.find((e) => e.key === text);
    if (found === undefined) {
      const keys = known.map((e) => e.key);
      throw CliError.problem(ErrorCode.NOT_FOUND, option, 'no workload in the manifests has this namespace/name', text,
        keys.length === 0 ? 'The manifests have no workloads; describe the pod as namespace/name=k=v,...'
          : `Use one of: ${keys.slice(0, 12).join(', ')}${keys.length > 12 ? ', ...' : ''}`);
    }
    return found;
  }
  return podFromLabels(option, text, namespace, rest);
}

function podFromLabels(option: string, text: string, namespace: string, rest: string): Endpoint {
  const segments = rest.split(',');
  const first = segments[0].split('=');
  const name = first.length === 3 || (first.length === 2 && first[1] === '' && segments.length === 1) ? first[0] : undefined;
  const pairs = name === undefined ? segments : [first.slice(1).join('='), ...segments.slice(1)].filter((s) => s !== '');
  const labels: Record<string, string> = {};
  for (const pair of pairs) {
    const parts = pair.split('=');
    if (parts.length !== 2) {
      throw CliError.problem(ErrorCode.MALFORMED_ARGUMENT, option, 'labels must be key=value pairs separated by commas', text, 'Write e.g. shop/probe=app=web,tier=front');
    }
    labels[parts[0]] = parts[1];
  }
  // A pod's name, as the API server checks it: the name is printed as part of the endpoint's key.
  const nameProblem = name === undefined ? undefined : dns1123SubdomainProblem(name);
  if (nameProblem !== undefined) {
    throw CliError.problem(ErrorCode.INVALID_NAME, option, `pod ${nameProblem.problem}`, name, nameProblem.fix);
  }
  try {
    return Endpoint.pod({ namespace, name, labels });
  } catch (e) {
    throw CliError.from(e, option);
  }
}
