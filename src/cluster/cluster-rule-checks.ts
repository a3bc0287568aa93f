/**
 * The checks of ClusterNetworkPolicy props and rules (internal): the CRD's schema and CEL validations, in the
 * project's error format, when the policy is made or a rule is added.
 */
import { ClusterPeerKind } from './cluster-peer';
import { ClusterNetworkPolicyProps, ClusterNetworkPolicyRule } from './cluster-policy-props';
import { CLUSTER_PEER, CLUSTER_SUBJECT } from './cluster-struct-checks';
import { PORT } from '../private/brands';
import { ErrorCode, invalid } from '../private/errors';
import { checkPolicyName } from '../private/policy-names';

const TIERS = ['Admin', 'Baseline'];
const ACTIONS = ['Accept', 'Deny', 'Pass'];
const EGRESS_ONLY = [ClusterPeerKind.NETWORKS, ClusterPeerKind.NODES, ClusterPeerKind.DOMAIN_NAMES];
const MAX = 25;

/** Checks the props other than the rules; returns the policy name. */
export function checkClusterPolicyProps(where: string, props: ClusterNetworkPolicyProps | undefined, name: string): string {
  if (props === undefined || props === null) {
    throw invalid(ErrorCode.MISSING_VALUE, where, 'props are required', props, 'Give tier, priority and subject');
  }
  if (!TIERS.includes(props.tier)) {
    throw invalid(ErrorCode.UNKNOWN_VALUE, where, 'tier must be ClusterPolicyTier.ADMIN or ClusterPolicyTier.BASELINE', props.tier, 'Use the ClusterPolicyTier enum');
  }
  if (!Number.isInteger(props.priority) || props.priority < 0 || props.priority > 1000) {
    throw invalid(ErrorCode.PRIORITY_OUT_OF_RANGE, where, 'priority must be a whole number from 0 to 1000', props.priority, 'Use 0 (evaluated first) to 1000');
  }
  if (!CLUSTER_SUBJECT.has(props.subject)) {
    throw invalid(ErrorCode.WRONG_TYPE, where, 'subject must be a ClusterSubject', props.subject, 'Use ClusterSubject.namespaces(...) or ClusterSubject.pods(...)');
  }
  for (const [field, rules] of [['ingress', props.ingress], ['egress', props.egress]] as const) {
    if (rules !== undefined && (!Array.isArray(rules) || rules.length > MAX)) {
      throw invalid(Array.isArray(rules) ? ErrorCode.TOO_MANY_ITEMS : ErrorCode.WRONG_TYPE, where, `${field} must be a list of at most ${MAX} rules`, Array.isArray(rules) ? rules.length : rules,
        'Split the rules over several policies of neighbouring priorities');
    }
  }
  return checkPolicyName(where, name);
}

/** Checks one rule about to be added at `index` of `direction`. */
export function checkClusterRule(where: string, direction: 'ingress' | 'egress', index: number, rule: ClusterNetworkPolicyRule): void {
  const at = `${direction}[${index}]`;
  if (index >= MAX) {
    throw invalid(ErrorCode.TOO_MANY_ITEMS, where, `${direction} already has ${MAX} rules, the most a ClusterNetworkPolicy may have`, index + 1,
      'Split the rules over several policies of neighbouring priorities');
  }
  if (rule === undefined || rule === null || !ACTIONS.includes(rule.action)) {
    throw invalid(ErrorCode.UNKNOWN_VALUE, where, `${at}.action must be Accept, Deny or Pass`, rule?.action, 'Use the ClusterRuleAction enum');
  }
  if (rule.name !== undefined && (typeof rule.name !== 'string' || rule.name.length > 100)) {
    throw invalid(ErrorCode.NAME_TOO_LONG, where, `${at}.name must be a string of at most 100 characters`, rule.name, 'Shorten the rule name');
  }
  checkPeers(where, direction, at, rule);
  checkPorts(where, at, rule);
}

function checkPeers(where: string, direction: string, at: string, rule: ClusterNetworkPolicyRule): void {
  const peers = rule.peers;
  if (!Array.isArray(peers) || peers.length === 0 || peers.length > MAX) {
    throw invalid(!Array.isArray(peers) ? ErrorCode.WRONG_TYPE : peers.length === 0 ? ErrorCode.EMPTY_LIST : ErrorCode.TOO_MANY_ITEMS, where, `${at}.peers must list 1 to ${MAX} peers`, Array.isArray(peers) ? peers.length : peers,
      'Give the peers the rule is about; ClusterPeer.allPods() for every pod');
  }
  peers.forEach((peer, i) => {
    if (!CLUSTER_PEER.has(peer)) {
      throw invalid(ErrorCode.WRONG_TYPE, where, `${at}.peers[${i}] must be a ClusterPeer`, peer, 'Use ClusterPeer.namespaces(), .pods(), .networks(), .nodes() or .domainNames()');
    }
    if (direction === 'ingress' && EGRESS_ONLY.includes(peer.kind)) {
      throw invalid(ErrorCode.PEER_NOT_ALLOWED, where, `${at}.peers[${i}] is a ${peer.kind} peer, which only egress rules may have`, peer.kind,
        'Use namespaces or pods peers in ingress rules');
    }
    if (peer.kind === ClusterPeerKind.DOMAIN_NAMES && rule.action !== 'Accept') {
      throw invalid(ErrorCode.PEER_NOT_ALLOWED, where, `${at}.peers[${i}] is a domainNames peer, which only Accept rules may have`, rule.action,
        'Accept the allowed domains and deny the rest with a later rule of networks peers');
    }
  });
}

function checkPorts(where: string, at: string, rule: ClusterNetworkPolicyRule): void {
  const ports = rule.ports;
  if (ports === undefined) return;
  if (!Array.isArray(ports) || ports.length > MAX) {
    throw invalid(Array.isArray(ports) ? ErrorCode.TOO_MANY_ITEMS : ErrorCode.WRONG_TYPE, where, `${at}.ports must be a list of at most ${MAX} ports`, Array.isArray(ports) ? ports.length : ports,
      'Use ranges, or split the rule');
  }
  const external = rule.peers.findIndex((p) => EGRESS_ONLY.includes(p.kind));
  ports.forEach((port, i) => {
    if (!PORT.has(port)) {
      throw invalid(ErrorCode.WRONG_TYPE, where, `${at}.ports[${i}] must be a Port`, port, 'Use Port.tcp(), Port.udpRange(), Port.named() and the like');
    }
    if (port.portName === undefined && port.portNumber === undefined) {
      throw invalid(ErrorCode.PORT_NOT_EXPRESSIBLE, where, `${at}.ports[${i}] is every ${port.protocol} port, which a ClusterNetworkPolicy cannot express`, port.toString(),
        `Use a range such as Port.${port.protocol.toLowerCase()}Range(1, 65535)`);
    }
    if (port.portName !== undefined && external >= 0) {
      throw invalid(ErrorCode.NAMED_PORT_TO_IP_BLOCK, where, `${at}.ports[${i}] is a named port, which cannot be used with the ${rule.peers[external].kind} peer peers[${external}]`,
        port.portName, 'Named ports exist only on pods: use a port number, or move that peer into its own rule');
    }
  });
}
