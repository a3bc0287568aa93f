/**
 * Single-query evaluation with reasons (internal): isolation per direction, union of rule allowances.
 */
import { Cluster, rulesOf } from './cluster';
import { resolvePortName, ruleAdmitsPeer, ruleAdmitsPort, Subject } from './match';
import { ErrorCode, invalid } from '../../private/errors';
import { portNameProblem } from '../../private/k8s-names';
import { TrafficQuery } from '../query';
import { judgeTiers } from './tier-evaluate';
import { Protocol } from '../../protocol';
import { PolicyTier, Reason, ReasonCode, TrafficDirection, Verdict, VerdictOutcome } from '../verdict';

/** The connection being judged, with the port resolved to a number. */
interface Connection {
  readonly source: Subject;
  readonly destination: Subject;
  readonly port: number;
  readonly protocol: Protocol;
}

interface SideResult {
  readonly outcome: VerdictOutcome;
  readonly reasons: Reason[];
}

/** Judges one connection. Throws only on a malformed query. */
export function evaluateQuery(cluster: Cluster, query: TrafficQuery): Verdict {
  const protocol = checkQuery(query);
  const source = cluster.resolve(query.source);
  const destination = cluster.resolve(query.destination);
  const base = { source: source.key, destination: destination.key, portName: query.portName, protocol };
  const port = query.portName === undefined ? query.port! : resolvePortName(destination, query.portName, protocol);
  if (port === undefined) {
    const message = `${destination.key} has no ${protocol} container port named ${JSON.stringify(query.portName)}, so there is nothing to connect to`;
    return Verdict._create({
      ...base,
      egressAllowed: false,
      ingressAllowed: false,
      reasons: [{ code: ReasonCode.UNKNOWN_PORT_NAME, direction: TrafficDirection.INGRESS, message }],
    });
  }
  const connection: Connection = { source, destination, port, protocol };
  const egress = judgeSide(cluster, connection, TrafficDirection.EGRESS);
  const ingress = judgeSide(cluster, connection, TrafficDirection.INGRESS);
  return Verdict._create({
    ...base,
    port,
    egressAllowed: egress.outcome === VerdictOutcome.ALLOWED,
    ingressAllowed: ingress.outcome === VerdictOutcome.ALLOWED,
    egressOutcome: egress.outcome,
    ingressOutcome: ingress.outcome,
    reasons: [...egress.reasons, ...ingress.reasons],
  });
}

function checkQuery(query: TrafficQuery): Protocol {
  const where = 'PolicyAnalyzer.evaluate()';
  if ((query.port === undefined) === (query.portName === undefined)) {
    throw invalid(ErrorCode.CONFLICTING_OPTIONS, where, 'exactly one of port and portName must be given', { port: query.port, portName: query.portName },
      'Ask about a port number or a container port name');
  }
  if (query.port !== undefined && (!Number.isInteger(query.port) || query.port < 1 || query.port > 65535)) {
    throw invalid(ErrorCode.PORT_OUT_OF_RANGE, where, 'port must be a whole number from 1 to 65535', query.port, 'Use a valid port number');
  }
  const problem = query.portName === undefined ? undefined : portNameProblem(query.portName);
  if (problem !== undefined) {
    throw invalid(ErrorCode.INVALID_PORT_NAME, where, `portName: ${problem.problem}`, query.portName, problem.fix);
  }
  const protocol = query.protocol ?? Protocol.TCP;
  if (!Object.values(Protocol).includes(protocol)) {
    throw invalid(ErrorCode.INVALID_PROTOCOL, where, 'protocol must be TCP, UDP or SCTP', query.protocol, 'Use the Protocol enum');
  }
  return protocol;
}

/** One side: the source's egress or the destination's ingress, through the tiers when there are any. */
function judgeSide(cluster: Cluster, c: Connection, direction: TrafficDirection): SideResult {
  const egress = direction === TrafficDirection.EGRESS;
  const subject = egress ? c.source : c.destination;
  const word = egress ? 'egress' : 'ingress';
  if (!subject.isPod) {
    const message = `${subject.key} is an address, not a pod: no policy restricts its ${word}`;
    return { outcome: VerdictOutcome.ALLOWED, reasons: [{ code: ReasonCode.NOT_A_POD, direction, message }] };
  }
  const tiers = cluster.model.tierPolicies;
  if (tiers.length > 0) {
    return judgeTiers(tiers, c, direction, () => judgeNetworkPolicies(cluster, c, direction));
  }
  const decided = judgeNetworkPolicies(cluster, c, direction);
  if (decided === undefined) {
    const message = `no policy selects ${subject.key} for ${word}, so all its ${word} is allowed`;
    return { outcome: VerdictOutcome.ALLOWED, reasons: [{ code: ReasonCode.NOT_ISOLATED, direction, tier: PolicyTier.NETWORK_POLICY, message }] };
  }
  return decided;
}

/** The NetworkPolicy tier for a pod: undefined when no NetworkPolicy selects it for the direction. */
function judgeNetworkPolicies(cluster: Cluster, c: Connection, direction: TrafficDirection): SideResult | undefined {
  const egress = direction === TrafficDirection.EGRESS;
  const subject = egress ? c.source : c.destination;
  const peer = egress ? c.destination : c.source;
  const word = egress ? 'egress' : 'ingress';
  const tier = PolicyTier.NETWORK_POLICY;
  const policies = cluster.selectingPolicies(subject, direction);
  if (policies.length === 0) {
    return undefined;
  }
  const allowing: Reason[] = [];
  const denying: Reason[] = [];
  const what = `${egress ? 'to' : 'from'} ${peer.key} on ${c.protocol} ${c.port}`;
  for (const policy of policies) {
    const rules = rulesOf(policy, direction);
    const peerOk = rules.filter((r) => ruleAdmitsPeer(r, policy.namespace, peer));
    const matched = peerOk.filter((r) => ruleAdmitsPort(r, c.protocol, c.port, c.destination));
    for (const rule of matched) {
      allowing.push({
        code: ReasonCode.ALLOWED_BY_RULE,
        direction,
        tier,
        policy: policy.id,
        ruleIndex: rule.index,
        message: `${word} rule ${rule.index} admits ${word} ${what}`,
      });
    }
    if (matched.length === 0) {
      const message = denyMessage(subject, word, rules.length, peerOk.map((r) => r.index), what);
      denying.push({ code: ReasonCode.NO_RULE_MATCHES, direction, tier, policy: policy.id, message });
    }
  }
  return allowing.length > 0 ? { outcome: VerdictOutcome.ALLOWED, reasons: allowing } : { outcome: VerdictOutcome.DENIED, reasons: denying };
}

function denyMessage(subject: Subject, word: string, ruleCount: number, peerOnly: number[], what: string): string {
  const head = `selects ${subject.key} for ${word}`;
  if (ruleCount === 0) {
    return `${head} and has no ${word} rules, so it allows no ${word}`;
  }
  const portNote = peerOnly.length === 0 ? '' : `; rule(s) ${peerOnly.join(', ')} admit the peer but not the port`;
  return `${head}; none of its ${ruleCount} ${word} rule(s) admits ${word} ${what}${portNote}`;
}
