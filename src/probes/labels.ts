/**
 * Label and annotation keys that mark probe objects (internal).
 */

/** Prefix of every key the probes write; policies must not read keys under it. */
export const PROBE_PREFIX = 'probes.cdk8s-netpol.io/';
/** On every object a plan creates: the plan's id. Cleanup deletes by this label. */
export const PLAN_LABEL = `${PROBE_PREFIX}plan`;
/** On stand-in pods: the class the pod stands in for. */
export const CLASS_LABEL = `${PROBE_PREFIX}class`;
/** On canary stand-ins the plan adds: their role (`client`, `deny-target`, `allow-target`). */
export const CANARY_LABEL = `${PROBE_PREFIX}canary`;
/** Readiness gate no controller ever sets, so a stand-in never becomes Ready and never serves a Service. */
export const NEVER_READY = `${PROBE_PREFIX}never-ready`;
/** Annotation listing the workloads a stand-in speaks for. */
export const MEMBERS_ANNOTATION = `${PROBE_PREFIX}stands-in-for`;
