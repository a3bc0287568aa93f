/**
 * The fields of the structs the probe API is given, with the check of each, and the brand of a plan
 * (internal, not exported from the package). Each factory and constructor checks its arguments with these
 * first, so that a wrong type from plain JavaScript or another jsii language is refused in the project's
 * format; what the values mean (ranges of numbers, names) is checked where they are used.
 */
import { STRUCTS as ANALYSIS_STRUCTS } from '../analysis/internal/struct-checks';
import {
  Brand, Check, checkBoolean, checkNumber, checkString, checkStringList, Fields, listOf, optional, struct, argumentStruct,
} from '../private/arguments';

/** ProbePlan values. */
export const PROBE_PLAN = new Brand<unknown>('ProbePlan', 'Make it with ProbePlan.fromChart(), ProbePlan.fromManifests() or ProbePlan.fromJson()');

const string = optional(checkString);
const number = optional(checkNumber);
const STAND_IN: Fields = { agnhostImage: string, registry: string, lifetimeSeconds: number };

/** The fields of every struct checked here, by interface name. */
export const PROBE_STRUCTS: Readonly<Record<string, Fields>> = {
  ProbePlanOptions: {
    ports: listOf(struct(ANALYSIS_STRUCTS.ProbePort)),
    sources: optional(checkStringList),
    destinations: optional(checkStringList),
    sample: number,
    seed: number,
    canaryNamespace: string,
  },
  StandInOptions: STAND_IN,
  ProbeKitProps: { ...STAND_IN, plan: PROBE_PLAN.check },
  ProbeRunOptions: {
    kubectl: string,
    context: string,
    parallel: number,
    keep: optional(checkBoolean),
    mode: string, // its value is checked against ProbeMode by ProbeRun
    connectTimeoutSeconds: number,
    startTimeoutSeconds: number,
    agnhostImage: string,
    netshootImage: string,
    registry: string,
  },
};

const CHECKS = new Map(Object.entries(PROBE_STRUCTS).map(([name, fields]) => [name, argumentStruct(fields)]));

/** The check of a struct argument, by interface name. */
export function probeStruct(structName: string): Check<unknown> {
  return CHECKS.get(structName)!;
}
