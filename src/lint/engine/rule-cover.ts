/**
 * Whether one rule admits everything another admits (internal), judged from the rules alone: conservative,
 * so "covers" is only said when it holds for every cluster (label selectors compared by their constraints,
 * ipBlocks by containment, ports by range).
 */
import { NormalizedIpBlock, NormalizedPeer, NormalizedPort, NormalizedRule, NormalizedSelector } from '../../analysis/model';
import { cidrContainsCidr, cidrsOverlap } from '../../private/cidr';

/** Whether `outer` admits every peer and port `inner` admits (both rules of policies in one namespace). */
export function ruleCovers(outer: NormalizedRule, inner: NormalizedRule): boolean {
  return listCovers(outer.peers, inner.peers, peerCovers) && listCovers(outer.ports, inner.ports, portCovers);
}

/** `undefined` lists mean "everything". */
function listCovers<T>(outer: T[] | undefined, inner: T[] | undefined, covers: (o: T, i: T) => boolean): boolean {
  if (outer === undefined) {
    return true;
  }
  if (inner === undefined) {
    return false;
  }
  return inner.every((i) => outer.some((o) => covers(o, i)));
}

/** Every label set the inner selector matches, the outer matches too (its constraints are a subset). */
export function selectorCovers(outer: NormalizedSelector, inner: NormalizedSelector): boolean {
  const labelsOk = Object.entries(outer.matchLabels).every(([k, v]) => inner.matchLabels[k] === v);
  const reqKey = (r: { key: string; operator: string; values: string[] }) => JSON.stringify([r.key, r.operator, r.values]);
  const innerReqs = new Set(inner.requirements.map(reqKey));
  return labelsOk && outer.requirements.every((r) => innerReqs.has(reqKey(r)));
}

function peerCovers(outer: NormalizedPeer, inner: NormalizedPeer): boolean {
  if (outer.ipBlock !== undefined || inner.ipBlock !== undefined) {
    return outer.ipBlock !== undefined && inner.ipBlock !== undefined && ipBlockCovers(outer.ipBlock, inner.ipBlock);
  }
  return namespacesCover(outer.namespaceSelector, inner.namespaceSelector)
    && podsCover(outer.podSelector, inner.podSelector);
}

/** Absent namespaceSelector = the policy's namespace; `{}` = every namespace. */
function namespacesCover(outer?: NormalizedSelector, inner?: NormalizedSelector): boolean {
  if (outer === undefined || inner === undefined) {
    return outer === undefined ? inner === undefined : outer.matchesAll;
  }
  return selectorCovers(outer, inner);
}

/** Absent podSelector (with a namespaceSelector) = every pod. */
function podsCover(outer?: NormalizedSelector, inner?: NormalizedSelector): boolean {
  if (outer === undefined || outer.matchesAll) {
    return true;
  }
  return inner !== undefined && selectorCovers(outer, inner);
}

function ipBlockCovers(outer: NormalizedIpBlock, inner: NormalizedIpBlock): boolean {
  return cidrContainsCidr(outer.cidr, inner.cidr)
    && outer.except.filter((e) => cidrsOverlap(e, inner.cidr)).every((e) => inner.except.some((f) => cidrContainsCidr(f, e)));
}

function portCovers(outer: NormalizedPort, inner: NormalizedPort): boolean {
  if (outer.protocol !== inner.protocol) {
    return false;
  }
  if (outer.port === undefined && outer.portName === undefined) {
    return true;
  }
  if (outer.portName !== undefined || inner.portName !== undefined) {
    return outer.portName === inner.portName;
  }
  if (inner.port === undefined) {
    return false;
  }
  return outer.port! <= inner.port && (outer.endPort ?? outer.port!) >= (inner.endPort ?? inner.port);
}
