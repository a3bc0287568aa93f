/**
 * The hook of the manifest reader for the tier kinds (internal): picks ClusterNetworkPolicy,
 * AdminNetworkPolicy and BaselineAdminNetworkPolicy of `policy.networking.k8s.io` out of the documents.
 */
import { FieldProblem } from './field-reader';
import { ManifestSource } from '../model';
import { NormalizedTierPolicy, TIER_GROUP, TIER_KINDS, TierKind } from '../tier-model';
import { readClusterNetworkPolicy } from './tier-reading';
import { readV1alpha1Policy } from './tier-reading-v1alpha1';

/**
 * Reads the document into `found` when it is one of the tier kinds and returns true; false for any other kind.
 * A kind of the same name in another API group (such as EKS's `networking.k8s.aws`) is not one of ours.
 * With `problems`, a malformed policy is recorded there and left out instead of throwing.
 */
export function readTierDocument(found: Map<string, NormalizedTierPolicy>, kind: string, top: Record<string, any>,
  source: ManifestSource, problems?: string[]): boolean {
  if (!(TIER_KINDS as readonly string[]).includes(kind)) {
    return false;
  }
  const group = typeof top.apiVersion === 'string' && top.apiVersion.includes('/') ? top.apiVersion.split('/')[0] : TIER_GROUP;
  if (group !== TIER_GROUP) {
    return false;
  }
  try {
    const policy = kind === 'ClusterNetworkPolicy' ? readClusterNetworkPolicy(source.document, top, source)
      : readV1alpha1Policy(source.document, kind as TierKind, top, source);
    found.set(policy.id, policy); // as with kubectl apply, a later document of the same name replaces
  } catch (e) {
    if (problems === undefined || !(e instanceof FieldProblem)) {
      throw e;
    }
    problems.push(e.message);
  }
  return true;
}
