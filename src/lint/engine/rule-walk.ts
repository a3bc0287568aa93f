/**
 * Walks the rules of policy documents with their field paths (internal), so checks can report exact fields.
 */
import { PolicyDoc } from './context';
import { NormalizedPeer, NormalizedRule } from '../../analysis/model';

/** A rule in context. */
export interface RuleAt {
  readonly doc: PolicyDoc;
  readonly direction: 'Ingress' | 'Egress';
  readonly rule: NormalizedRule;
  /** `spec.ingress[2]`. */
  readonly path: string;
  /** `from` or `to`. */
  readonly peersField: 'from' | 'to';
}

/** A peer in context. */
export interface PeerAt extends RuleAt {
  readonly peer: NormalizedPeer;
  /** `spec.ingress[2].from[0]`. */
  readonly peerPath: string;
}

/** Every rule of the documents, ingress first, in order. */
export function allRules(docs: PolicyDoc[]): RuleAt[] {
  return docs.flatMap((doc) => [
    ...doc.policy.ingress.map((rule) => ({ doc, direction: 'Ingress' as const, rule, path: `spec.ingress[${rule.index}]`, peersField: 'from' as const })),
    ...doc.policy.egress.map((rule) => ({ doc, direction: 'Egress' as const, rule, path: `spec.egress[${rule.index}]`, peersField: 'to' as const })),
  ]);
}

/** Every peer of the documents' rules. */
export function allPeers(docs: PolicyDoc[]): PeerAt[] {
  return allRules(docs).flatMap((at) => (at.rule.peers ?? []).map((peer, i) => ({ ...at, peer, peerPath: `${at.path}.${at.peersField}[${i}]` })));
}

/** Whether the rule's direction is in the policy's `policyTypes` (else Kubernetes ignores it). */
export function ruleIsEffective(at: RuleAt): boolean {
  return at.direction === 'Ingress' ? at.doc.policy.isolatesIngress : at.doc.policy.isolatesEgress;
}
