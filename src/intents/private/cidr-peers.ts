/**
 * The ipBlock peers of the CIDR intents (internal).
 */
import { Workload } from '../../connections/workload';
import { Peer } from '../../peer';
import { checkCidr } from '../../private/checked-cidr';
import { cidrContainsCidr } from '../../private/cidr';
import { ErrorCode, invalid } from '../../private/errors';

/**
 * One ipBlock peer per CIDR, each `except` range placed in the CIDR that strictly contains it, then the
 * ipBlock peer of each address-range workload. Syntax errors come from `Peer.ipBlock()`.
 */
export function cidrPeers(where: string, given: string[] | undefined, except: string[] | undefined, workloads: Workload[] = []): Peer[] {
  const cidrs = given ?? [];
  if (cidrs.length === 0 && workloads.length === 0) {
    throw invalid(ErrorCode.EMPTY_LIST, where, 'cidrs and workloads give no address range', given,
      'Give the address ranges, e.g. cidrs: ["203.0.113.0/24"], or workloads made by Workload.fromCidr()');
  }
  const ranges = workloads.map((workload, i) => {
    if (!workload.isExternal()) {
      throw invalid(ErrorCode.PEER_NOT_ALLOWED, where, `workloads[${i}] is pods, not an address range`, workload.name,
        'Make the range with Workload.fromCidr(); allow pods with a NetworkPolicy rule or AllowFromLabel');
    }
    return workload.toPeer();
  });
  const excepts = except ?? [];
  if (!Array.isArray(excepts)) {
    throw invalid(ErrorCode.WRONG_TYPE, where, 'except must be a list of CIDRs', excepts, 'Pass a list, e.g. except: ["10.1.0.0/16"]');
  }
  // the range factory's own checks, so that a bad range reads the same wherever it is given
  const outer = cidrs.map((cidr) => checkCidr('Peer.ipBlock()', cidr));
  const inner = excepts.map((range) => checkCidr('Peer.ipBlock()', range));
  inner.forEach((range, i) => {
    if (!outer.some((o) => cidrContainsCidr(o, range) && range.prefix > o.prefix)) {
      throw invalid(ErrorCode.EXCEPT_OUTSIDE_CIDR, where, 'except range lies strictly inside none of the cidrs', excepts[i],
        `Remove it, or add a cidr that contains it (cidrs are ${outer.map((o) => o.text).join(', ')})`);
    }
  });
  const own = outer.map((o, i) => {
    const mine = inner.filter((range) => cidrContainsCidr(o, range) && range.prefix > o.prefix).map((r) => r.text);
    return Peer.ipBlock(cidrs[i], mine.length === 0 ? undefined : mine);
  });
  return [...own, ...ranges];
}
