/**
 * Every lint check, sorted by code (internal). Add a check: one file under `checks/` (its messages declared
 * up front), one line here, one test file under `test/lint/checks/`, one row in `docs/lint.md`. Loading the
 * registry checks every check's declarations.
 */
import { LintCheck } from './check';
import { checkDeclarations } from './messages';
import { baselineBlocksDns } from '../checks/baseline-blocks-dns';
import { cniMultusSecondaryNetworks } from '../checks/cni-multus-secondary-networks';
import { cniNoEnforcement } from '../checks/cni-no-enforcement';
import { cniUnconfirmedFeature } from '../checks/cni-unconfirmed-feature';
import { cniUnsupportedFeature } from '../checks/cni-unsupported-feature';
import { cniUnsupportedTier } from '../checks/cni-unsupported-tier';
import { duplicatePolicyName } from '../checks/duplicate-policy-name';
import { duplicateRule } from '../checks/duplicate-rule';
import { egressBlocksDns } from '../checks/egress-blocks-dns';
import { egressBlocksDnsTcp } from '../checks/egress-blocks-dns-tcp';
import { egressPortsWithoutDestinations } from '../checks/egress-ports-without-destinations';
import { invalidLintAnnotation } from '../checks/invalid-lint-annotation';
import { invalidManifest } from '../checks/invalid-manifest';
import { ipBlockHostBits } from '../checks/ip-block-host-bits';
import { ipBlockOverlapsCluster } from '../checks/ip-block-overlaps-cluster';
import { missingNamespace } from '../checks/missing-namespace';
import { namedPortToIpBlock } from '../checks/named-port-to-ip-block';
import { podSelectorNamespaceLabel } from '../checks/pod-selector-namespace-label';
import { policyNameTooLong } from '../checks/policy-name-too-long';
import { portNotDeclared } from '../checks/port-not-declared';
import { rulesIgnoredByPolicyTypes } from '../checks/rules-ignored-by-policy-types';
import { selectsNoWorkload } from '../checks/selects-no-workload';
import { shadowedRule } from '../checks/shadowed-rule';
import { splitNamespaceAndPodPeers } from '../checks/split-namespace-and-pod-peers';
import { spoofableNamespacePeer } from '../checks/spoofable-namespace-peer';

import { tierPassFallsThrough } from '../checks/tier-pass-falls-through';
import { tierPriorityOverlap } from '../checks/tier-priority-overlap';
import { tierShadowedRule } from '../checks/tier-shadowed-rule';
import { unanalyzedPolicyKind } from '../checks/unanalyzed-policy-kind';
import { yaml11Scalar } from '../checks/yaml-1-1-scalar';

export const CHECKS: LintCheck[] = [
  baselineBlocksDns,
  cniMultusSecondaryNetworks,
  cniNoEnforcement,
  cniUnconfirmedFeature,
  cniUnsupportedFeature,
  cniUnsupportedTier,
  duplicatePolicyName,
  duplicateRule,
  egressBlocksDns,
  egressBlocksDnsTcp,
  egressPortsWithoutDestinations,
  invalidLintAnnotation,
  invalidManifest,
  ipBlockHostBits,
  ipBlockOverlapsCluster,
  missingNamespace,
  namedPortToIpBlock,
  podSelectorNamespaceLabel,
  policyNameTooLong,
  portNotDeclared,
  rulesIgnoredByPolicyTypes,
  selectsNoWorkload,
  shadowedRule,
  splitNamespaceAndPodPeers,
  spoofableNamespacePeer,
  tierPassFallsThrough,
  tierPriorityOverlap,
  tierShadowedRule,
  unanalyzedPolicyKind,
  yaml11Scalar,
].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));

checkDeclarations(CHECKS);
