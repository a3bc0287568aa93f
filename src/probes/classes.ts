/**
 * Endpoint classes of a plan and the stand-in endpoints that represent them (internal).
 */
import { PROBE_PREFIX } from './labels';
import { ProbeClass } from './types';
import { Endpoint, PolicyAnalyzer } from '../analysis';
import { compareText } from '../analysis/internal/order';
import { ErrorCode, invalid } from '../private/errors';

/** Groups pod endpoints into classes, sorted by namespace then first member; ids `c01`, `c02`, ... */
export function classify(analyzer: PolicyAnalyzer, endpoints: Endpoint[], where: string): ProbeClass[] {
  const pods = [...endpoints].filter((e) => e.isPod).sort((a, b) => compareText(a.key, b.key));
  for (const pod of pods) {
    const reserved = Object.keys(pod.labels).find((k) => k.startsWith(PROBE_PREFIX));
    if (reserved !== undefined) {
      throw invalid(ErrorCode.INVALID_LABEL_KEY, where, `workload ${pod.key} carries a label under ${PROBE_PREFIX}, which the probes write`, reserved,
        `Rename the label; keys under ${PROBE_PREFIX} are reserved for stand-in pods`);
    }
  }
  const classOf = analyzer._classesOf(pods);
  const groups = new Map<number, Endpoint[]>();
  pods.forEach((pod, i) => {
    const list = groups.get(classOf[i]) ?? [];
    list.push(pod);
    groups.set(classOf[i], list);
  });
  const ordered = [...groups.values()].sort((a, b) =>
    compareText(a[0].namespace!, b[0].namespace!) || compareText(a[0].key, b[0].key));
  const width = Math.max(2, String(ordered.length).length);
  return ordered.map((members, i) => ({
    id: `c${String(i + 1).padStart(width, '0')}`,
    namespace: members[0].namespace!,
    labels: members[0].labels,
    ports: members[0].ports,
    members: members.map((m) => m.key),
  }));
}

/** The pod a class's stand-in is, as the analyzer sees it: the class's namespace, labels and ports, no address. */
export function standInEndpoint(c: ProbeClass, namespaceLabels?: Record<string, string>): Endpoint {
  return Endpoint.pod({ namespace: c.namespace, name: standInName(c.id), labels: c.labels, ports: c.ports, namespaceLabels });
}

/** The name of a class's stand-in pod. */
export function standInName(classId: string): string {
  return `netpol-probe-${classId}`;
}

/** The name of the second stand-in of a class, the source of the class's cells to itself. */
export function twinName(classId: string): string {
  return `netpol-probe-${classId}-peer`;
}

/** Whether a `--from`/`--to` value (a namespace or a `namespace/name` key) names a member of the class. */
export function classMatches(c: ProbeClass, focus: string): boolean {
  return focus.includes('/') ? c.members.includes(focus) : c.namespace === focus;
}
