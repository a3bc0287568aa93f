/**
 * Rule parts of a NetworkPolicy spec: selectors, peers, ipBlocks and ports (internal; see normalize.ts).
 */
import { FieldReader } from './field-reader';
import { NormalizedIpBlock, NormalizedPeer, NormalizedPort, NormalizedRule, NormalizedSelector, SelectorOperator, SelectorRequirement } from '../model';
import { compareText } from './order';
import { Cidr, cidrContainsCidr, parseCidr } from '../../private/cidr';
import { labelKeyProblem, labelValueProblem, portNameProblem } from '../../private/k8s-names';
import { Protocol } from '../../protocol';

const OPERATORS: SelectorOperator[] = ['In', 'NotIn', 'Exists', 'DoesNotExist'];
const PROTOCOLS: string[] = Object.values(Protocol);

/**
 * Peers and ports already read in one run, by the object they were read from: reading is a pure function of
 * the value (the path only names it in errors), so an object that many policies share (as the constructs
 * share the objects of one Peer or Port value, or a YAML alias does) is read once. Only values read without
 * a problem are kept.
 */
export type PartMemo = Map<unknown, NormalizedPeer | NormalizedPort>;

/** `spec.ingress[i]` / `spec.egress[i]`; `null` decodes to `{}` (allow everything). */
export function readRule(r: FieldReader, path: string, value: unknown, index: number, peersField: 'from' | 'to', memo?: PartMemo): NormalizedRule {
  const rule = r.optionalObject(path, value, [peersField, 'ports']) ?? {};
  const peerList = r.optionalArray(`${path}.${peersField}`, rule[peersField]);
  const portList = r.optionalArray(`${path}.ports`, rule.ports);
  const peers = peerList === undefined || peerList.length === 0 ? undefined
    : peerList.map((p, i) => remembered(memo, p, () => readPeer(r, `${path}.${peersField}[${i}]`, p)));
  const ports = portList === undefined || portList.length === 0 ? undefined
    : portList.map((p, i) => remembered(memo, p, () => readPort(r, `${path}.ports[${i}]`, p)));
  return { index, peers, ports };
}

function remembered<T extends NormalizedPeer | NormalizedPort>(memo: PartMemo | undefined, value: unknown, read: () => T): T {
  if (memo === undefined || typeof value !== 'object' || value === null) {
    return read();
  }
  let known = memo.get(value) as T | undefined;
  if (known === undefined) {
    known = read();
    memo.set(value, known);
  }
  return known;
}

/** One peer of a rule. */
export function readPeer(r: FieldReader, path: string, value: unknown): NormalizedPeer {
  if (value === null || value === undefined) {
    r.fail(path, 'must be a peer', value, 'Give podSelector, namespaceSelector (or both), or ipBlock');
  }
  const peer = r.object(path, value, ['podSelector', 'namespaceSelector', 'ipBlock']);
  const podSelector = readOptionalSelector(r, `${path}.podSelector`, peer.podSelector);
  const namespaceSelector = readOptionalSelector(r, `${path}.namespaceSelector`, peer.namespaceSelector);
  const ipBlockRaw = peer.ipBlock ?? undefined;
  if (ipBlockRaw !== undefined && (podSelector !== undefined || namespaceSelector !== undefined)) {
    r.fail(`${path}.ipBlock`, 'must stand alone in its peer', Object.keys(peer),
      'Move the ipBlock into its own list item (separate items are OR)');
  }
  if (ipBlockRaw !== undefined) {
    return { ipBlock: readIpBlock(r, `${path}.ipBlock`, ipBlockRaw) };
  }
  if (podSelector === undefined && namespaceSelector === undefined) {
    r.fail(path, 'must set podSelector, namespaceSelector or ipBlock', value,
      'An empty peer is refused; to allow every peer, leave the list out');
  }
  return { podSelector, namespaceSelector };
}

function readIpBlock(r: FieldReader, path: string, value: unknown): NormalizedIpBlock {
  const block = r.object(path, value, ['cidr', 'except']);
  if (block.cidr === undefined || block.cidr === null || block.cidr === '') {
    r.fail(`${path}.cidr`, 'is required', block.cidr, 'Give a CIDR such as "10.0.0.0/8"');
  }
  const cidr = readCidr(r, `${path}.cidr`, block.cidr);
  const exceptList = r.optionalArray(`${path}.except`, block.except) ?? [];
  const except = exceptList.map((e, i) => {
    const inner = readCidr(r, `${path}.except[${i}]`, e);
    if (inner.family !== cidr.family) {
      r.fail(`${path}.except[${i}]`, `is IPv${inner.family} but cidr ${cidr.text} is IPv${cidr.family}`, e,
        'Use except ranges of the same address family as the cidr');
    }
    if (!cidrContainsCidr(cidr, inner) || inner.prefix <= cidr.prefix) {
      r.fail(`${path}.except[${i}]`, `must lie strictly inside cidr ${cidr.text}`, e,
        'Remove the entry, or use a longer prefix inside the cidr');
    }
    return inner;
  });
  return { cidr, except };
}

function readCidr(r: FieldReader, path: string, value: unknown): Cidr {
  const parsed = parseCidr(r.string(path, value));
  if (parsed.value === undefined) {
    r.fail(path, `is not a valid CIDR: ${parsed.problem}`, value, parsed.fix!);
  }
  return parsed.value;
}

/** One port entry of a rule. */
export function readPort(r: FieldReader, path: string, value: unknown): NormalizedPort {
  const entry = r.optionalObject(path, value, ['protocol', 'port', 'endPort']) ?? {};
  const protocol = readProtocol(r, `${path}.protocol`, entry.protocol);
  const rawPort = entry.port ?? undefined;
  const endPort = entry.endPort === undefined || entry.endPort === null ? undefined : r.int32(`${path}.endPort`, entry.endPort);
  if (typeof rawPort === 'string') {
    const problem = portNameProblem(rawPort);
    if (problem !== undefined) {
      r.fail(`${path}.port`, `is a string, so a container port name, but ${problem.problem}`, rawPort, problem.fix);
    }
    if (endPort !== undefined) {
      r.fail(`${path}.endPort`, 'cannot be used with a named port', endPort, 'Use a numeric port for a range, or drop endPort');
    }
    return { protocol, portName: rawPort };
  }
  if (rawPort === undefined) {
    if (endPort !== undefined) {
      r.fail(`${path}.endPort`, 'requires a numeric port', endPort, 'Set port to the first port of the range');
    }
    return { protocol };
  }
  const port = checkRange(r, `${path}.port`, r.int32(`${path}.port`, rawPort));
  if (endPort === undefined) {
    return { protocol, port };
  }
  checkRange(r, `${path}.endPort`, endPort);
  if (endPort < port) {
    r.fail(`${path}.endPort`, `must be at least port ${port}`, endPort, 'Swap the values or fix the range');
  }
  return { protocol, port, endPort };
}

function readProtocol(r: FieldReader, path: string, value: unknown): Protocol {
  if (value === undefined || value === null) {
    return Protocol.TCP;
  }
  const text = r.string(path, value);
  if (!PROTOCOLS.includes(text)) {
    r.fail(path, 'must be TCP, UDP or SCTP (case-sensitive)', value, 'Use one of TCP, UDP, SCTP, or leave it out for TCP');
  }
  return text as Protocol;
}

function checkRange(r: FieldReader, path: string, port: number): number {
  if (port < 1 || port > 65535) {
    r.fail(path, 'must be from 1 to 65535', port, 'Use a valid port number');
  }
  return port;
}

/** A selector field; `undefined` and `null` mean absent. */
export function readOptionalSelector(r: FieldReader, path: string, value: unknown): NormalizedSelector | undefined {
  return value === undefined || value === null ? undefined : readSelector(r, path, value);
}

/** A label selector. */
export function readSelector(r: FieldReader, path: string, value: unknown): NormalizedSelector {
  const sel = r.object(path, value, ['matchLabels', 'matchExpressions']);
  const matchLabels = r.labels(`${path}.matchLabels`, sel.matchLabels);
  const exprs = r.optionalArray(`${path}.matchExpressions`, sel.matchExpressions) ?? [];
  const requirements = exprs.map((e, i) => readRequirement(r, `${path}.matchExpressions[${i}]`, e));
  return makeSelector(matchLabels, requirements);
}

/** Builds the normalized form of a selector (sorted, with its keys and canonical text). */
export function makeSelector(matchLabels: Record<string, string>, requirements: SelectorRequirement[]): NormalizedSelector {
  const labelKeys = Object.keys(matchLabels).sort();
  const sortedLabels: Record<string, string> = {};
  labelKeys.forEach((k) => { sortedLabels[k] = matchLabels[k]; });
  const sortedReqs = [...requirements].sort((a, b) => compareText(a.key, b.key) || compareText(a.operator, b.operator));
  const keys = [...new Set([...labelKeys, ...sortedReqs.map((q) => q.key)])].sort();
  return {
    matchLabels: sortedLabels,
    requirements: sortedReqs,
    keys,
    matchesAll: labelKeys.length === 0 && sortedReqs.length === 0,
    canonical: JSON.stringify([sortedLabels, sortedReqs]),
  };
}

function readRequirement(r: FieldReader, path: string, value: unknown): SelectorRequirement {
  const req = r.object(path, value, ['key', 'operator', 'values']);
  const key = r.string(`${path}.key`, req.key);
  const keyProblem = labelKeyProblem(key);
  if (keyProblem !== undefined) {
    r.fail(`${path}.key`, keyProblem.problem, key, keyProblem.fix);
  }
  const operator = r.string(`${path}.operator`, req.operator);
  if (!(OPERATORS as string[]).includes(operator)) {
    r.fail(`${path}.operator`, 'must be In, NotIn, Exists or DoesNotExist (case-sensitive)', operator, 'Use one of the four operators');
  }
  const values = (r.optionalArray(`${path}.values`, req.values) ?? []).map((v, i) => {
    const text = r.string(`${path}.values[${i}]`, v);
    const problem = labelValueProblem(text);
    if (problem !== undefined) {
      r.fail(`${path}.values[${i}]`, problem.problem, text, problem.fix);
    }
    return text;
  });
  const needsValues = operator === 'In' || operator === 'NotIn';
  if (needsValues && values.length === 0) {
    r.fail(`${path}.values`, `must not be empty for operator ${operator}`, req.values ?? [], 'Give at least one value, or use Exists');
  }
  if (!needsValues && values.length > 0) {
    r.fail(`${path}.values`, `must be empty for operator ${operator}`, values, 'Remove the values');
  }
  return { key, operator: operator as SelectorOperator, values: [...new Set(values)].sort() };
}
