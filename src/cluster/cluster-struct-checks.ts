/**
 * The fields of the structs the cluster-wide tier API is given, with the check of each, and the brands of its
 * values (internal, not exported from the package). Each factory and constructor checks its arguments with
 * these first, so that a wrong type from plain JavaScript or another jsii language is refused in the project's
 * format; what the values mean (the CRD's rules) is checked by cluster-rule-checks.ts after that.
 */
import {
  Brand, Check, checkNumber, checkString, checkStringList, Fields, listOf, optional, struct, argumentStruct, typeOnly,
} from '../private/arguments';
import { LABEL_SELECTOR, PORT } from '../private/brands';

/** ClusterPeer values. */
export const CLUSTER_PEER = new Brand<unknown>('ClusterPeer', 'Make it with ClusterPeer.namespaces(), .pods(), .networks(), .nodes() or .domainNames()');
/** ClusterSubject values. */
export const CLUSTER_SUBJECT = new Brand<unknown>('ClusterSubject', 'Make it with ClusterSubject.namespaces(), .namespace() or .pods()');

const string = optional(checkString);
const priority = optional(checkNumber);
const selector = optional(LABEL_SELECTOR.check);

// action and tier: their type here, their value (the enum's members) with the CRD's rules
const RULE: Fields = {
  action: typeOnly(checkString),
  peers: typeOnly(listOf(CLUSTER_PEER.check)),
  ports: optional(listOf(PORT.check)),
  name: string,
};

/** The fields of every struct checked here, by interface name. */
export const CLUSTER_STRUCTS: Readonly<Record<string, Fields>> = {
  ClusterNetworkPolicyRule: RULE,
  ClusterNetworkPolicyProps: {
    name: string,
    tier: typeOnly(checkString),
    priority: typeOnly(checkNumber),
    subject: typeOnly(CLUSTER_SUBJECT.check),
    ingress: optional(listOf(struct(RULE))),
    egress: optional(listOf(struct(RULE))),
  },
  AllowMonitoringScrapeProps: {
    name: string, namespace: string, scrapers: selector, ports: typeOnly(listOf(PORT.check)), targets: selector, priority,
  },
  ClusterBaselineProps: { name: string, priority, dnsNamespace: string, dnsPods: selector },
  DenyCloudMetadataProps: { name: string, priority, namespaces: selector, extraCidrs: optional(checkStringList) },
  ProtectKubeSystemProps: { name: string, priority, allowFrom: optional(listOf(CLUSTER_PEER.check)) },
  TenantIsolationProps: { tenantLabel: typeOnly(checkString), tenants: typeOnly(checkStringList), priority },
};

const CHECKS = new Map(Object.entries(CLUSTER_STRUCTS).map(([name, fields]) => [name, argumentStruct(fields)]));

/** The check of a struct argument, by interface name. */
export function clusterStruct(structName: string): Check<unknown> {
  return CHECKS.get(structName)!;
}

/** The check of an optional struct argument (`undefined` allowed), by interface name. */
export function optionalClusterStruct(structName: string): Check<unknown> {
  return optional(CHECKS.get(structName)!);
}
