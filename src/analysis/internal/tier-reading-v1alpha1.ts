/**
 * Reads AdminNetworkPolicy and BaselineAdminNetworkPolicy (`policy.networking.k8s.io/v1alpha1`) into the tier
 * model, refusing what their CRDs refuse (internal). Reading only: the library writes ClusterNetworkPolicy.
 */
import { FieldReader } from './field-reader';
import { ManifestSource } from '../model';
import { BANP_PRIORITY, NormalizedTierPolicy, TierAction, TierKind, TierPort, TierRule } from '../tier-model';
import {
  checkApiVersion, checkNamedPortTargets, exactlyOne, portNumber, readClusterIdentity, readPeerList, readPriority,
  readRuleList, readRuleName, readSubject, TierLimits,
} from './tier-reading';
import { Protocol } from '../../protocol';

const V1ALPHA1: TierLimits = { rules: 100, peers: 100, ports: 100 };
const PROTOCOLS: string[] = Object.values(Protocol);

/** A whole AdminNetworkPolicy or BaselineAdminNetworkPolicy. */
export function readV1alpha1Policy(document: string, kind: TierKind, top: Record<string, any>, source: ManifestSource): NormalizedTierPolicy {
  const { reader: r, name } = readClusterIdentity(document, kind, top);
  r.object('', top, ['apiVersion', 'kind', 'metadata', 'spec', 'status']);
  checkApiVersion(r, kind, top.apiVersion, 'v1alpha1');
  const admin = kind === 'AdminNetworkPolicy';
  if (!admin && name !== 'default') {
    r.fail('metadata.name', 'must be "default": a cluster has at most one BaselineAdminNetworkPolicy', name, 'Name it default');
  }
  const spec = r.object('spec', top.spec, admin ? ['priority', 'subject', 'ingress', 'egress'] : ['subject', 'ingress', 'egress']);
  const priority = admin ? readPriority(r, 'spec.priority', spec.priority) : BANP_PRIORITY;
  const subject = readSubject(r, 'spec.subject', spec.subject, true);
  const actions = admin ? ['Allow', 'Deny', 'Pass'] : ['Allow', 'Deny'];
  const egressPeers = admin ? ['namespaces', 'pods', 'nodes', 'networks', 'domainNames'] : ['namespaces', 'pods', 'nodes', 'networks'];
  const ingress = readRuleList(r, 'spec.ingress', spec.ingress, V1ALPHA1,
    (path, v, i) => readRule(r, path, v, i, 'from', actions, ['namespaces', 'pods']));
  const egress = readRuleList(r, 'spec.egress', spec.egress, V1ALPHA1,
    (path, v, i) => readRule(r, path, v, i, 'to', actions, egressPeers));
  const id = `${kind}/${name}`;
  return { id, kind, name, tier: admin ? 'Admin' : 'Baseline', priority, subject, ingress, egress, source };
}

function readRule(r: FieldReader, path: string, value: unknown, index: number, peersField: 'from' | 'to',
  actions: string[], peerFields: string[]): TierRule {
  const rule = r.object(path, value, ['name', 'action', peersField, 'ports']);
  const name = readRuleName(r, `${path}.name`, rule.name);
  const written = r.string(`${path}.action`, rule.action);
  if (!actions.includes(written)) {
    r.fail(`${path}.action`, `must be ${actions.map((a) => `"${a}"`).join(', ')} (case-sensitive)`, written,
      written === 'Accept' ? 'v1alpha1 calls it Allow' : `Use ${actions.join(', ')}`);
  }
  const action: TierAction = written === 'Allow' ? 'Accept' : written as TierAction;
  const peers = readPeerList(r, `${path}.${peersField}`, rule[peersField], V1ALPHA1.peers, peerFields, true);
  const ports = readPorts(r, `${path}.ports`, rule.ports);
  if (peersField === 'to') {
    checkNamedPortTargets(r, path, peers, ports, 'ports', 'namedPort');
  }
  return { index, name, action, peers, ports };
}

function readPorts(r: FieldReader, path: string, value: unknown): TierPort[] | undefined {
  const list = r.optionalArray(path, value);
  if (list === undefined) {
    return undefined;
  }
  if (list.length === 0 || list.length > V1ALPHA1.ports) {
    r.fail(path, `must list from 1 to ${V1ALPHA1.ports} ports when given`, list.length, 'Leave it out to match every port and protocol');
  }
  return list.map((entry, i) => readPort(r, `${path}[${i}]`, entry));
}

function readPort(r: FieldReader, path: string, value: unknown): TierPort {
  const fields = ['portNumber', 'namedPort', 'portRange'];
  const entry = r.object(path, value, fields);
  const field = exactlyOne(r, path, entry, fields);
  const at = `${path}.${field}`;
  if (field === 'namedPort') {
    const portName = r.string(at, entry[field]);
    if (portName === '') {
      r.fail(at, 'must not be empty', portName, 'Give a container port name');
    }
    return { portName };
  }
  if (field === 'portNumber') {
    const number = r.object(at, entry[field], ['protocol', 'port']);
    return { protocol: readProtocol(r, `${at}.protocol`, number.protocol), port: portNumber(r, `${at}.port`, number.port) };
  }
  const range = r.object(at, entry[field], ['protocol', 'start', 'end']);
  const start = portNumber(r, `${at}.start`, range.start);
  const end = portNumber(r, `${at}.end`, range.end);
  // the v1alpha1 schema does not check start <= end: a reversed range is accepted and matches no port
  return { protocol: readProtocol(r, `${at}.protocol`, range.protocol), port: start, endPort: end };
}

function readProtocol(r: FieldReader, path: string, value: unknown): Protocol {
  if (value === undefined || value === null) {
    return Protocol.TCP; // the CRD's default
  }
  const text = r.string(path, value);
  if (!PROTOCOLS.includes(text)) {
    r.fail(path, 'must be TCP, UDP or SCTP (case-sensitive)', text, 'Use one of TCP, UDP, SCTP, or leave it out for TCP');
  }
  return text as Protocol;
}
